// The qualification of a page of rows: per company, each product's verdict, audiences,
// nice-to-have score and reason, and every criterion's verdict with the verbatim quote and
// the page it came from. Quotes are website text: they are only ever inserted as text.

import { h } from "../dom.js";
import { criteriaCount, TYPE_LABELS, VERDICT_LABELS } from "../criteria.js";
import { count } from "../format.js";
import { field, link, shortHost } from "./cells.js";

function list(value) {
  return Array.isArray(value) ? value : [];
}

// The companion column of the results table.
export function qualifiedProductsCell(row) {
  const products = list(field(row, "Qualified_Products", "qualified_products"));
  if (products.length) return products.join(", ");
  return list(field(row, "Qualification", "qualification")).length ? "None" : "";
}

function criterionItem(result, product, texts) {
  const known = texts?.get(product, result.criterion_id);
  const verdict = result.verdict || "no_data";
  const kind = [known && TYPE_LABELS[known.type], known?.audience].filter(Boolean).join(" · ");
  return h("li", { class: `criterion criterion-${verdict}` },
    h("div", { class: "criterion-head" },
      h("span", { class: `verdict verdict-${verdict}` }, VERDICT_LABELS[verdict] || verdict),
      kind ? h("span", { class: "hint" }, kind) : null),
    h("p", { class: "criterion-text" }, known ? known.text : `Criterion ${result.criterion_id}`),
    result.quote ? h("blockquote", { class: "quote" }, result.quote) : null,
    result.source_url
      ? h("p", { class: "quote-source" }, "Source: ", link(result.source_url, shortHost(result.source_url)))
      : null);
}

function tally(criteria) {
  const counts = { passed: 0, failed: 0, no_data: 0 };
  for (const result of criteria) counts[result.verdict] = (counts[result.verdict] || 0) + 1;
  const parts = [["passed", "passed"], ["failed", "failed"], ["no_data", "no data"]]
    .filter(([verdict]) => counts[verdict]).map(([verdict, label]) => `${counts[verdict]} ${label}`);
  return `${criteriaCount(criteria.length)}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

function productItem(result, rowKey, texts) {
  const criteria = list(result.criteria);
  const audiences = list(result.audiences);
  const key = `${rowKey}:${result.product}`;
  return h("li", { class: "qual-product", dataset: { product: result.product } },
    h("div", { class: "qual-line" },
      h("strong", { class: "qual-name" }, result.product),
      h("span", { class: `verdict ${result.qualified ? "verdict-passed" : "verdict-failed"}` },
        result.qualified ? "Qualified" : "Not qualified"),
      audiences.length ? h("span", {}, `Audiences: ${audiences.join(", ")}`) : null,
      result.nth_total ? h("span", {}, `Nice to have: ${count(result.nth_score)} / ${count(result.nth_total)}`) : null),
    result.reason ? h("p", { class: "qual-reason" }, result.reason) : null,
    criteria.length
      ? h("details", { class: "expand qual-criteria", dataset: { key } },
        h("summary", {}, tally(criteria)),
        h("ol", { class: "criteria-list" }, criteria.map((c) => criterionItem(c, result.product, texts))))
      : null);
}

function companyCard(row, texts) {
  const index = Number(row.row);
  const number = Number.isFinite(index) ? `#${count(index + 1)}` : "";
  if (row.pending) {
    return h("article", { class: "qual-company pending", dataset: { row: row.row } },
      h("p", { class: "qual-head" }, h("span", { class: "num" }, number), " Pending"));
  }
  const name = field(row, "Company_Name", "company_name") || "Unnamed company";
  const website = field(row, "Official_Website", "official_website");
  const products = list(field(row, "Qualification", "qualification"));
  const qualified = list(field(row, "Qualified_Products", "qualified_products"));
  const status = String(field(row, "Qualification_Status", "qualification_status") || "");
  const titleId = `qual-company-${row.row}`;
  return h("article", { class: "qual-company", dataset: { row: row.row ?? "" }, "aria-labelledby": titleId },
    h("div", { class: "qual-head" },
      h("span", { class: "num" }, number),
      h("h3", { id: titleId }, name),
      website ? h("span", { class: "website" }, link(website, shortHost(website))) : null),
    h("p", { class: "qual-summary" },
      qualified.length ? `Qualified for ${qualified.join(", ")}`
        : products.length ? "Not qualified for any product" : "Not qualified: no verdict for this company"),
    status && status !== "ok" ? h("p", { class: "hint" }, `Qualification ${status}`) : null,
    products.length ? h("ul", { class: "qual-products" }, products.map((p) => productItem(p, row.row, texts))) : null);
}

export function qualificationList(rows, texts) {
  return h("div", { class: "qual-list", id: "qualification" },
    texts?.missing?.length
      ? h("p", { class: "hint" },
        `Criteria texts of ${texts.missing.join(", ")} are not available (the file was deleted or renamed); criteria show by their row in the file.`)
      : null,
    rows.length ? rows.map((row) => companyCard(row, texts)) : h("p", { class: "hint" }, "No finished rows yet."));
}
