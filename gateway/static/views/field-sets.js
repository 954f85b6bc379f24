// Saved field sets of the tenant (/api/field_sets): save the fields being edited under a
// name, load a saved set into the editor, delete one.

import { h, replace } from "../dom.js";
import { toApi } from "../field-rules.js";

export function createFieldSetControls(context, editor, { id, check, showRefusal }) {
  const { api } = context;
  let sets = [];
  const picker = h("select", { id: `${id}-set` });
  const useButton = h("button", { class: "button small secondary", type: "button", id: `${id}-use` }, "Use this set");
  const deleteButton = h("button", { class: "button small secondary", type: "button", id: `${id}-delete` }, "Delete set");
  const nameInput = h("input", { id: `${id}-set-name`, type: "text", maxLength: 80, autocomplete: "off" });
  const saveButton = h("button", { class: "button small secondary", type: "button", id: `${id}-save` }, "Save as field set");
  const status = h("p", { class: "hint", id: `${id}-set-status`, "aria-live": "polite" });
  const usePart = h("div", { class: "field-line" },
    h("div", { class: "field-part" }, h("label", { for: picker.id }, "Use a saved field set"), picker),
    useButton, deleteButton);
  const element = h("div", { class: "field-sets" },
    usePart,
    h("div", { class: "field-line" },
      h("div", { class: "field-part" }, h("label", { for: nameInput.id }, "Set name"), nameInput),
      saveButton),
    status);

  function draw(selected) {
    replace(picker, sets.map((set) => h("option", { value: set.id, selected: set.id === selected },
      `${set.name} (${set.fields.length} field${set.fields.length === 1 ? "" : "s"})`)));
    usePart.hidden = sets.length === 0;
  }

  async function refresh(selected) {
    try {
      sets = (await api.listFieldSets()).items || [];
      draw(selected);
    } catch (error) {
      status.textContent = `Saved field sets could not be listed: ${error.message}`;
    }
  }

  function chosen() {
    return sets.find((set) => set.id === picker.value) || null;
  }

  useButton.addEventListener("click", async () => {
    const set = chosen();
    if (!set) return;
    try {
      const loaded = await api.getFieldSet(set.id);
      editor.load(loaded.fields);
      nameInput.value = loaded.name;
      status.textContent = `Loaded “${loaded.name}”: ${loaded.fields.length} field${loaded.fields.length === 1 ? "" : "s"}.`;
    } catch (error) {
      status.textContent = `The set could not be loaded: ${error.message}`;
      if (error.status === 404) refresh();
    }
  });

  deleteButton.addEventListener("click", async () => {
    const set = chosen();
    if (!set) return;
    const confirmed = await context.confirm({
      title: `Delete the field set “${set.name}”?`,
      text: "Sessions that used it keep their fields.",
      yes: "Delete set",
      no: "Keep it",
    });
    if (!confirmed) return;
    try {
      await api.removeFieldSet(set.id);
      status.textContent = `Deleted “${set.name}”.`;
    } catch (error) {
      status.textContent = `The set could not be deleted: ${error.message}`;
    }
    refresh();
  });

  saveButton.addEventListener("click", async () => {
    const name = nameInput.value.trim();
    const fields = editor.fields();
    if (!fields.length) {
      status.textContent = "Add at least one field to save a set.";
      return;
    }
    if (!name) {
      status.textContent = "Name the set first.";
      nameInput.focus();
      return;
    }
    if (!check()) return;
    // The same name again replaces that set rather than making a second one.
    const existing = sets.find((set) => set.name === name);
    const body = { name, fields: fields.map(toApi) };
    try {
      const saved = existing ? await api.replaceFieldSet(existing.id, body) : await api.createFieldSet(body);
      status.textContent = `Saved “${saved.name}”.`;
      refresh(saved.id);
    } catch (error) {
      status.textContent = `The set was not saved: ${error.message}`;
      showRefusal(error);
    }
  });

  draw();
  return { element, refresh };
}
