// A row's custom field answers in the results table: a count that opens to each field's
// value, its verbatim quote (always as text) and a link to the page it is quoted from.

import { h } from "../dom.js";
import { link, shortHost } from "./cells.js";

function valueText(value) {
  if (value === null || value === undefined || value === "") return "no answer";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function answerItem(answer) {
  const confidence = typeof answer.confidence === "number" && answer.value !== null
    ? ` · ${Math.round(answer.confidence * 100)}% sure` : "";
  return h("li", { dataset: { field: answer.name } },
    h("span", { class: "field-name" }, `${answer.name}: `),
    h("span", { class: "field-value" }, valueText(answer.value)),
    answer.quote ? h("blockquote", { class: "field-quote" }, answer.quote) : null,
    answer.source_url ? h("span", { class: "hint block field-source" },
      link(answer.source_url, shortHost(answer.source_url)), confidence) : null);
}

// True when the session asked custom fields: its page lists their columns.
export function hasFieldColumns(columns) {
  return (columns || []).some((name) => name.startsWith("Field: "));
}

export function fieldsCell(row) {
  const answers = row.Custom_Fields || [];
  if (!answers.length) return "";
  const answered = answers.filter((answer) => answer.value !== null && answer.value !== undefined).length;
  return h("details", { class: "expand field-answers-cell", dataset: { key: `fields-${row.row}` } },
    h("summary", {}, `${answered} of ${answers.length} answered`),
    h("ul", { class: "field-answers" }, answers.map(answerItem)));
}
