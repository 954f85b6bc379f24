// One criteria file: its criteria grouped by product, then by type, as written.

import { h, replace } from "../dom.js";
import { CRITERION_TYPES, criteriaCount } from "../criteria.js";
import { dateTime } from "../format.js";
import { criteriaActions } from "./criteria-actions.js";

// Ids are `r<row of the file>`: the row is what the author can find in the spreadsheet.
function fileRow(id) {
  const match = /^r(\d+)$/.exec(String(id));
  return match ? match[1] : String(id);
}

function typeSection(label, criteria, headingId) {
  return h("section", { class: "criteria-type", "aria-labelledby": headingId },
    h("h3", { id: headingId }, `${label} (${criteria.length})`),
    h("div", { class: "table-wrap" }, h("table", { class: "criteria-detail" },
      h("thead", {}, h("tr", {},
        ["Row", "Audience", "Criterion", "Place", "Search query", "Signals"]
          .map((name) => h("th", { scope: "col", class: name === "Row" ? "num" : null }, name)))),
      h("tbody", {}, criteria.map((criterion) => h("tr", { dataset: { id: criterion.id } },
        h("td", { class: "num" }, fileRow(criterion.id)),
        h("td", {}, criterion.audience || "All"),
        h("td", { class: "criterion-text" }, criterion.text),
        h("td", {}, criterion.place || ""),
        h("td", { class: "code" }, criterion.search_query || ""),
        h("td", {}, criterion.signals || "")))))));
}

function productSection(product, criteria, index) {
  const headingId = `criteria-product-${index}`;
  const audiences = [...new Set(criteria.map((c) => c.audience).filter(Boolean))];
  return h("section", { class: "card", "aria-labelledby": headingId, dataset: { product } },
    h("h2", { id: headingId }, product),
    h("p", { class: "hint" }, audiences.length ? `Audiences: ${audiences.join(", ")}` : "One audience: every company"),
    CRITERION_TYPES.map(([type, label]) => {
      const ofType = criteria.filter((c) => c.type === type);
      return ofType.length ? typeSection(label, ofType, `${headingId}-${type}`) : null;
    }));
}

export function renderCriteriaFile(context, name) {
  const { api } = context;
  const title = h("h1", { id: "criteria-title" }, name);
  const meta = h("p", { class: "meta", id: "criteria-meta" }, "Loading…");
  const message = h("p", { class: "form-message", role: "alert", id: "criteria-message" });
  const status = h("p", { class: "hint", role: "status", id: "criteria-status" });
  const groups = h("div", { class: "view", id: "criteria-groups" });

  function report(text, isError) {
    message.textContent = isError ? text : "";
    status.textContent = isError ? "" : text;
  }

  async function load() {
    let file;
    try {
      file = await api.getCriteria(name);
    } catch (error) {
      meta.textContent = "";
      if (error.status === 404) {
        replace(groups, h("div", { class: "card" },
          h("p", {}, "This criteria file does not exist (it may have been deleted). "),
          h("a", { href: "#/criteria" }, "Back to criteria files")));
      } else report(`The criteria file could not be loaded: ${error.message}`, true);
      return;
    }
    const criteria = file.criteria || [];
    meta.textContent = [file.filename, `uploaded ${dateTime(file.uploaded_at)}`,
      criteriaCount(criteria.length)].filter(Boolean).join(" · ");
    const products = [...new Set(criteria.map((c) => c.product))];
    replace(groups, products.map((product, index) =>
      productSection(product, criteria.filter((c) => c.product === product), index)));
  }

  const element = h("section", { class: "view", id: "criteria-file-view" },
    h("p", { class: "crumbs" }, h("a", { href: "#/criteria" }, "← All criteria files")),
    h("div", { class: "view-header" },
      title,
      h("div", { class: "actions tight" }, criteriaActions(context, name, {
        report,
        onReplaced: load,
        onDeleted: () => { window.location.hash = "#/criteria"; },
      }))),
    meta, message, status,
    groups);
  load();
  return { element, title: name };
}
