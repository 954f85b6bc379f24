// What the results table shows: a row status, a confidence band, a search in names and
// domains, and the sort column. The server applies them over the whole session, so a
// filter holds on every page, not only the one in view.

import { h } from "../dom.js";

export const ROW_STATUSES = [
  ["ok", "OK"], ["duplicate", "Duplicate"],
  ["not_found", "Not found"], ["dead_url", "Dead URL"], ["blocked_url", "Blocked URL"],
  ["failed", "Failed"], ["cancelled", "Cancelled"],
];
const BANDS = [
  ["high", "High (0.8 and above)"], ["medium", "Medium (0.6–0.8)"],
  ["low", "Low (below 0.6)"], ["none", "None"],
];
const SEARCH_DELAY_MS = 350;

function choice(id, label, anyLabel, options) {
  const select = h("select", { id },
    h("option", { value: "" }, anyLabel),
    options.map(([value, text]) => h("option", { value }, text)));
  return { select, element: h("div", { class: "filter" }, h("label", { for: id }, label), select) };
}

export function createResultFilters(onChange, statuses = ROW_STATUSES) {
  let sort = "";
  let searchTimer = null;
  const status = choice("filter-status", "Status", "Any status", statuses);
  const band = choice("filter-confidence", "Confidence", "Any confidence", BANDS);
  const search = h("input", {
    id: "filter-search", type: "search", autocomplete: "off", maxLength: 200,
    placeholder: "Name or domain",
  });
  const clearButton = h("button", { type: "button", class: "button small", id: "filter-clear" }, "Clear filters");

  status.select.addEventListener("change", onChange);
  band.select.addEventListener("change", onChange);
  // Typing asks the server once the user pauses; Enter asks at once.
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(onChange, SEARCH_DELAY_MS);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    clearTimeout(searchTimer);
    onChange();
  });
  clearButton.addEventListener("click", () => {
    status.select.value = band.select.value = search.value = "";
    sort = "";
    onChange();
  });

  const element = h("div", { class: "filters", role: "search", "aria-label": "Filter results" },
    status.element, band.element,
    h("div", { class: "filter grow" }, h("label", { for: "filter-search" }, "Search"), search),
    clearButton);

  return {
    element,
    query() {
      return {
        status: status.select.value || undefined,
        confidence: band.select.value || undefined,
        q: search.value.trim() || undefined,
        sort: sort || undefined,
      };
    },
    // Anything other than every row in input order: pages count matching rows.
    active() {
      return Boolean(status.select.value || band.select.value || search.value.trim() || sort);
    },
    // A header that sorts by `column`: ascending first, then descending, then input order.
    sortHeader(label, column) {
      const state = sort === column ? "ascending" : sort === `-${column}` ? "descending" : "none";
      const button = h("button", { type: "button", class: "sort", dataset: { column } }, label,
        h("span", { class: "sort-mark", "aria-hidden": "true" },
          state === "ascending" ? " ▲" : state === "descending" ? " ▼" : ""));
      // Read the sort at click time: a second click may come before the table redraws.
      button.addEventListener("click", () => {
        sort = sort === column ? `-${column}` : sort === `-${column}` ? "" : column;
        onChange({ focusSort: column });
      });
      return h("th", { scope: "col", "aria-sort": state }, button);
    },
    destroy() {
      clearTimeout(searchTimer);
    },
  };
}
