// Cells shared by the result views: safe links, long text that expands, source lists.

import { h } from "../dom.js";

export function safeUrl(value) {
  const text = String(value || "").trim();
  if (!text) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function link(value, label) {
  const href = safeUrl(value);
  if (!href) return value ? String(value) : "";
  return h("a", { href, target: "_blank", rel: "noopener noreferrer", title: href }, label || String(value));
}

export function expandable(text, summaryLength = 120) {
  const value = String(text || "");
  if (value.length <= summaryLength) return value;
  return h("details", { class: "expand" },
    h("summary", {}, `${value.slice(0, summaryLength).trimEnd()}…`),
    h("p", {}, value));
}

export function sources(list) {
  const items = Array.isArray(list) ? list : String(list || "").split(/\s*[\n;]\s*|\s+(?=https?:)/).filter(Boolean);
  if (!items.length) return "";
  return h("details", { class: "expand" },
    h("summary", {}, `${items.length} source${items.length === 1 ? "" : "s"}`),
    h("ul", { class: "sources" }, items.map((item) => h("li", {}, link(item)))));
}

export function shortHost(value) {
  const href = safeUrl(value);
  if (!href) return value;
  const url = new URL(href);
  return url.hostname.replace(/^www\./, "") + (url.pathname.length > 1 ? url.pathname : "");
}

export function field(row, alias, snake) {
  const value = row[alias] ?? row[snake];
  return value === null || value === undefined ? "" : value;
}
