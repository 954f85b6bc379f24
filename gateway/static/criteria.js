// Criteria files as the views show them: type names, product summaries, and the texts of
// the criteria a session's rows refer to by id.

import { count } from "./format.js";

export const CRITERION_TYPES = [
  ["general", "General"],
  ["qualification", "Qualification"],
  ["mandatory", "Mandatory"],
  ["nth", "Nice to have"],
];

export const TYPE_LABELS = Object.fromEntries(CRITERION_TYPES);

export const VERDICT_LABELS = { passed: "Passed", failed: "Failed", no_data: "No data" };

export function criteriaCount(n) {
  return `${count(n)} ${Number(n) === 1 ? "criterion" : "criteria"}`;
}

export function criteriaItems(body) {
  return Array.isArray(body) ? body : body?.items || [];
}

export function productNames(files) {
  return [...new Set(files.flatMap((file) => (file.products || []).map((product) => product.name)))];
}

// "2 general, 3 qualification, …" for one product's counts.
export function countsText(counts = {}) {
  const parts = CRITERION_TYPES
    .filter(([type]) => counts[type])
    .map(([type, label]) => `${counts[type]} ${label.toLowerCase()}`);
  return parts.join(", ") || "no criteria";
}

// Criterion ids are unique within one file only, and a session's rows name the product
// beside each id, so a text is looked up by both.
class CriteriaTexts {
  constructor(files) {
    this.byKey = new Map();
    this.missing = [];
    for (const file of files) {
      for (const criterion of file.criteria || []) {
        const key = `${criterion.product}\n${criterion.id}`;
        if (!this.byKey.has(key)) this.byKey.set(key, criterion);
      }
    }
  }

  get(product, id) {
    return this.byKey.get(`${product}\n${id}`) || null;
  }
}

// Rows of a session only change as it runs, and its criteria files rarely, so each
// session reads its files once per page load.
const perSession = new Map();

export function sessionCriteria(api, sessionId, names) {
  if (!perSession.has(sessionId)) {
    const loading = Promise.all(names.map((name) => api.getCriteria(name).then(
      (file) => ({ file }),
      () => ({ missing: name }),
    ))).then((results) => {
      const texts = new CriteriaTexts(results.filter((r) => r.file).map((r) => r.file));
      texts.missing = results.filter((r) => r.missing).map((r) => r.missing);
      return texts;
    });
    perSession.set(sessionId, loading);
  }
  return perSession.get(sessionId);
}
