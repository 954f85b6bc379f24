// "Custom fields" of the new-session form: up to ten questions asked of every company,
// each with a name, a type (and options for a list) and a description. Checked here with
// the server's rules; a refusal from the server shows beside the field it names.

import { h, replace } from "../dom.js";
import {
  FIELD_TYPES, MAX_DESCRIPTION_CHARS, MAX_FIELDS, MAX_NAME_CHARS, fieldIndexOf, fieldProblems,
  splitOptions, toApi,
} from "../field-rules.js";
import { createFieldSetControls } from "./field-sets.js";

const HINT = "Questions answered from each company's own pages, each with a quote and its source. "
  + `Up to ${MAX_FIELDS}, e.g. “employee_count” (number): approximate headcount.`;
const FIELD_CODES = new Set([
  "invalid_fields", "too_many_fields", "duplicate_field_name", "unknown_field_type",
  "field_description_too_long", "enum_without_options", "invalid_field", "invalid_field_set",
  "field_set_not_found",
]);

let nextId = 0;

function fieldRow(onRemove) {
  const id = `custom-field-${(nextId += 1)}`;
  const name = h("input", { id: `${id}-name`, type: "text", maxLength: MAX_NAME_CHARS, class: "field-name", autocomplete: "off" });
  const type = h("select", { id: `${id}-type`, class: "field-type" },
    FIELD_TYPES.map(([value, label]) => h("option", { value }, label)));
  const options = h("input", { id: `${id}-options`, type: "text", class: "field-options", placeholder: "SMB, Mid-market, Enterprise" });
  const optionsWrap = h("div", { class: "field-part", hidden: true },
    h("label", { for: options.id }, "Options (comma-separated)"), options);
  const description = h("textarea", {
    id: `${id}-description`, rows: 2, maxLength: MAX_DESCRIPTION_CHARS, class: "field-description",
  });
  const error = h("p", { class: "form-message field-error", id: `${id}-error`, "aria-live": "polite" });
  const remove = h("button", { class: "button small secondary", type: "button" }, "Remove");
  for (const input of [name, type, options, description]) input.setAttribute("aria-describedby", error.id);
  type.addEventListener("change", () => { optionsWrap.hidden = type.value !== "enum"; });
  const element = h("fieldset", { class: "custom-field", id },
    h("legend", { class: "visually-hidden" }, "Custom field"),
    h("div", { class: "field-line" },
      h("div", { class: "field-part" }, h("label", { for: name.id }, "Field name"), name),
      h("div", { class: "field-part" }, h("label", { for: type.id }, "Type"), type),
      remove),
    optionsWrap,
    h("div", { class: "field-part" }, h("label", { for: description.id }, "Description"), description),
    error);
  const row = {
    element, name, error,
    read: () => ({
      name: name.value.trim(),
      description: description.value.trim(),
      type: type.value,
      options: splitOptions(options.value),
    }),
    fill(field) {
      name.value = field.name || "";
      type.value = field.type || "text";
      options.value = (field.options || []).join(", ");
      description.value = field.description || "";
      optionsWrap.hidden = type.value !== "enum";
    },
    setProblem(text) {
      error.textContent = text;
      name.setAttribute("aria-invalid", text ? "true" : "false");
    },
  };
  remove.addEventListener("click", () => onRemove(row));
  return row;
}

export function createFieldsEditor(context, { id = "custom-fields" } = {}) {
  let rows = [];
  const list = h("div", { class: "custom-field-list", id: `${id}-list` });
  const addButton = h("button", { class: "button small secondary", type: "button", id: `${id}-add` }, "Add a field");
  const hint = h("p", { class: "hint", id: `${id}-hint` }, HINT);
  const message = h("p", { class: "form-message", role: "alert", id: `${id}-message` });
  const editor = {
    fields: () => rows.map((row) => row.read()),
    load(fields) {
      rows = [];
      for (const field of fields.slice(0, MAX_FIELDS)) add().fill(field);
      draw();
    },
  };
  const sets = createFieldSetControls(context, editor, {
    id, check: () => check(), showRefusal: (error) => showRefusal(error),
  });
  const element = h("fieldset", { class: "options custom-fields", id, "aria-describedby": hint.id },
    h("legend", {}, "Custom fields"), hint, list, h("div", { class: "actions" }, addButton), message,
    sets.element);

  function add() {
    const row = fieldRow((gone) => {
      rows = rows.filter((r) => r !== gone);
      draw();
      addButton.focus();
    });
    rows.push(row);
    return row;
  }

  function draw() {
    replace(list, rows.map((row) => row.element));
    addButton.disabled = element.disabled || rows.length >= MAX_FIELDS;
    message.textContent = rows.length >= MAX_FIELDS ? `A session asks at most ${MAX_FIELDS} fields.` : "";
  }

  addButton.addEventListener("click", () => {
    add();
    draw();
    rows[rows.length - 1].name.focus();
  });

  // Marks every field that breaks a rule; true when the list can be sent.
  function check() {
    const problems = fieldProblems(editor.fields());
    rows.forEach((row, index) => row.setProblem(problems[index]));
    const first = problems.findIndex(Boolean);
    if (first >= 0) rows[first].name.focus();
    return first < 0;
  }

  // A server refusal about the fields: shown beside the field it names, else under the
  // list. False when the error is about something else.
  function showRefusal(error) {
    if (!FIELD_CODES.has(error?.code) && !(error?.code === "option_unavailable" && rows.length)) return false;
    const index = fieldIndexOf(error, editor.fields());
    if (index >= 0 && rows[index]) {
      rows[index].setProblem(error.message);
      rows[index].name.focus();
    } else message.textContent = error.message;
    return true;
  }

  return {
    element,
    setAvailable(available, reason) {
      element.disabled = !available;
      element.classList.toggle("disabled", !available);
      hint.textContent = available ? HINT : reason;
      if (available) sets.refresh();
      draw();
    },
    check,
    // The list as the upload sends it, or null when no field was added.
    value() {
      const fields = editor.fields();
      return fields.length && !element.disabled ? JSON.stringify(fields.map(toApi)) : null;
    },
    showRefusal,
  };
}
