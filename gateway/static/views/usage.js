// Outside calls: a session's expected and counted usage, and the tenant's month.

import { h, replace } from "../dom.js";
import { count } from "../format.js";

const FIGURES = [
  ["fetches", "Pages fetched"],
  ["searches", "Searches"],
  ["model_calls", "Model calls"],
  ["hubspot_calls", "HubSpot calls"],
];

export function usageFacts(usage, id) {
  return h("dl", { class: "stats usage", id },
    FIGURES.map(([name, label]) => h("div", { class: "stat" },
      h("dt", {}, label), h("dd", { id: `${id}-${name}` }, count(usage?.[name] || 0)))));
}

// Before start: what the session is expected to cost, from its rows and options.
export function estimateFacts(estimate) {
  return h("div", { id: "usage-estimate" },
    h("h3", {}, `Expected outside calls for ${count(estimate.companies)} companies`),
    usageFacts(estimate, "estimate"),
    h("p", { class: "hint" }, "An upper estimate: sites that fail or answers found on the first page need fewer calls."));
}

// The tenant's usage this month, on the session list.
export function createUsagePanel(api) {
  const body = h("div", {}, h("p", { class: "hint" }, "Loading usage…"));
  const element = h("section", { class: "card", id: "usage-panel", "aria-labelledby": "usage-title" },
    h("h2", { id: "usage-title" }, "Usage this month"), body);
  async function load() {
    try {
      const monthly = await api.usage();
      replace(body,
        h("p", { class: "hint" }, `${monthly.month}: ${count(monthly.sessions)} session${monthly.sessions === 1 ? "" : "s"}`),
        usageFacts(monthly.usage, "usage-month"));
    } catch (error) {
      replace(body, h("p", { class: "hint" }, `Usage is not available (${error.message}).`));
    }
  }
  load();
  return { element, load };
}
