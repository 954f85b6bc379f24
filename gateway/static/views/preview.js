// What the server understood of the upload: detected columns and the first rows, another
// choice of columns or sheet, then Start and Discard.

import { h, replace } from "../dom.js";
import { estimateFacts } from "./usage.js";
import { bytes, count } from "../format.js";
import { createColumnChoice } from "./column-choice.js";

export function previewTable(preview, input) {
  const columns = preview?.columns || input?.columns || [];
  const rows = preview?.rows || preview?.items || [];
  // Parsed rows carry the original cells; show those, or the parsed name and website
  // when the server did not keep the original columns.
  const parsed = rows.length > 0 && !Array.isArray(rows[0]) && "name" in rows[0] && !columns.length;
  const nameColumn = preview?.name_column ?? input?.name_column;
  const websiteColumn = preview?.website_column ?? input?.website_column;
  // Country, city, region and industry columns, by column name.
  const roles = Object.fromEntries(Object.entries(
    preview?.input?.fact_columns || input?.fact_columns || {}).map(([role, column]) => [column, role]));
  const headers = [
    ...(parsed ? ["Company name", "Website"] : []),
    ...columns,
  ];
  const cell = (row, column, index) => {
    if (Array.isArray(row)) return row[index] ?? "";
    const source = row.original || row.cells || row;
    return source[column] ?? "";
  };
  return h("table", { class: "preview-table", id: "preview-table" },
    h("caption", {}, `First ${count(rows.length)} rows as they will be processed`),
    h("thead", {}, h("tr", {}, headers.map((name) => h("th", {
      scope: "col",
      class: name === nameColumn || name === websiteColumn || roles[name] ? "detected" : null,
      title: name === nameColumn ? "Company name column" : name === websiteColumn ? "Website column"
        : roles[name] ? `Used as the company's ${roles[name]}` : null,
    }, name, name === nameColumn ? " (name)" : "", name === websiteColumn ? " (website)" : "",
    roles[name] ? ` (${roles[name]})` : "")))),
    h("tbody", {}, rows.map((row) => h("tr", {},
      parsed ? [h("td", {}, row.name ?? ""), h("td", {}, row.website ?? "")] : [],
      columns.map((column, index) => h("td", {}, cell(row, column, index)))))));
}

function summary(session) {
  const input = session.input || {};
  const facts = [
    ["File", `${input.filename || "—"}${input.size_bytes ? ` (${bytes(input.size_bytes)})` : ""}`],
    ["Format", [input.format?.toUpperCase(), input.sheet && `sheet “${input.sheet}”`,
      input.encoding, input.delimiter && `delimiter “${input.delimiter === "\t" ? "tab" : input.delimiter}”`]
      .filter(Boolean).join(", ") || "—"],
    ["Header row", input.has_header ? "Yes" : "No (first row is data)"],
    ["Company name column", input.name_column || "—"],
    ["Website column", input.website_column || "None (websites will be searched for)"],
    ["Also used", Object.entries(input.fact_columns || {})
      .map(([role, column]) => `${role}: “${column}”`).join(", ") || "—"],
    ["Rows", count(input.rows)],
    ["Blank rows skipped", count(input.blank_rows_skipped)],
    ["Total rows left out", count(input.summary_rows_skipped || 0)],
    ["Duplicates by domain", count(input.duplicate_domains)],
  ];
  return h("dl", { class: "facts", id: "preview-summary" },
    facts.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

export function renderPreview(context, session, { onDiscarded }) {
  const { api } = context;
  const id = session.session_id;
  const tableSlot = h("div", { class: "table-wrap", "aria-busy": "true" }, h("p", { class: "hint" }, "Loading preview…"));
  const summarySlot = h("div", {});
  const choiceSlot = h("div", {});
  const note = h("p", { class: "hint", id: "columns-note", "aria-live": "polite" });
  const message = h("p", { class: "form-message", role: "alert" });
  const start = h("button", { class: "button primary", type: "button", id: "start" }, "Start");
  const discard = h("button", { class: "button secondary", type: "button", id: "discard" }, "Discard");

  const estimateSlot = h("div", { id: "estimate-slot" });
  // The summary, the column choice and the rows of the session as the server last read it.
  function show(current, announce) {
    replace(summarySlot, summary(current));
    replace(choiceSlot, createColumnChoice(api, current, (changed) => show(changed, true)));
    tableSlot.setAttribute("aria-busy", "true");
    api.preview(id)
      .then((preview) => {
        replace(tableSlot, previewTable(preview, current.input));
        if (preview.estimate) replace(estimateSlot, estimateFacts(preview.estimate));
      })
      .catch((error) => replace(tableSlot, h("p", { class: "hint" },
        `The row preview is not available (${error.message}). The detected columns are listed above.`)))
      .finally(() => {
        tableSlot.removeAttribute("aria-busy");
        if (announce) note.textContent = "The file was read again with your choice.";
      });
  }
  show(session, false);

  start.addEventListener("click", async () => {
    start.disabled = true;
    discard.disabled = true;
    message.textContent = "";
    try {
      await api.start(id);
      window.location.hash = `#/sessions/${encodeURIComponent(id)}`;
    } catch (error) {
      message.textContent = `The session could not be started: ${error.message}`;
      start.disabled = false;
      discard.disabled = false;
    }
  });

  discard.addEventListener("click", async () => {
    discard.disabled = true;
    try {
      await api.remove(id);
    } catch (error) {
      message.textContent = `The upload could not be removed: ${error.message}`;
      discard.disabled = false;
      return;
    }
    onDiscarded();
  });

  const section = h("section", { class: "card", id: "preview", "aria-labelledby": "preview-title" },
    h("h2", { id: "preview-title", tabindex: "-1" }, "2. Check what was detected"),
    summarySlot,
    estimateSlot,
    choiceSlot,
    note,
    tableSlot,
    message,
    h("div", { class: "actions" }, start, discard));
  queueMicrotask(() => section.querySelector("#preview-title").focus());
  return section;
}
