// Before starting: another company-name column, website column or sheet. The server reads
// the upload again with the choice (PUT /columns) and the preview shows the rows as now
// read; a refused choice changes nothing and says why.

import { h } from "../dom.js";

const NO_WEBSITE = "";

function select(id, label, options, selected) {
  const element = h("select", { id },
    options.map(([value, text]) => h("option", { value, selected: value === selected }, text)));
  return { element, field: h("div", { class: "filter" }, h("label", { for: id }, label), element) };
}

export function createColumnChoice(api, session, onChanged) {
  const input = session.input || {};
  const columns = (input.columns || []).map((name) => [name, name]);
  const name = select("choose-name-column", "Company name column", columns, input.name_column);
  const website = select("choose-website-column", "Website column",
    [[NO_WEBSITE, "None (search for websites)"], ...columns], input.website_column ?? NO_WEBSITE);
  const sheets = input.sheets || [];
  const sheet = sheets.length > 1
    ? select("choose-sheet", "Sheet", sheets.map((n) => [n, n]), input.sheet)
    : null;
  const apply = h("button", { type: "button", class: "button secondary", id: "apply-columns" }, "Apply");
  const message = h("p", { class: "form-message", id: "columns-message", role: "alert" });

  // A new sheet has its own columns: those are detected again unless the user picks them
  // after the sheet has been read.
  sheet?.element.addEventListener("change", () => {
    name.element.disabled = website.element.disabled = sheet.element.value !== input.sheet;
  });

  apply.addEventListener("click", async () => {
    const sheetChanged = sheet && sheet.element.value !== input.sheet;
    const choice = sheetChanged
      ? { sheet: sheet.element.value }
      : { name_column: name.element.value, website_column: website.element.value || null };
    apply.disabled = true;
    message.textContent = "";
    try {
      onChanged(await api.setColumns(session.session_id, choice));
    } catch (error) {
      message.textContent = `Not changed: ${error.message}`;
      apply.disabled = false;
    }
  });

  return h("fieldset", { class: "column-choice", id: "column-choice" },
    h("legend", {}, "Not the right columns?"),
    h("div", { class: "filters" }, sheet?.field, name.field, website.field, apply),
    message);
}
