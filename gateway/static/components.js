// Small pieces shared by the views: status badge, progress bar, session title.

import { h } from "./dom.js";
import { count, STATUS_LABELS } from "./format.js";

export function statusBadge(status) {
  return h("span", { class: `badge badge-${status}`, dataset: { status } },
    STATUS_LABELS[status] || status || "Unknown");
}

export function progressBar(counters, label) {
  const bar = h("div", { class: "progress", role: "progressbar", "aria-label": label, "aria-valuemin": 0 },
    h("span", { class: "progress-fill" }, h("span", { class: "progress-failed" })));
  return updateProgressBar(bar, counters);
}

// Updates in place, so the bar keeps its identity (and focus) while values change.
export function updateProgressBar(bar, counters) {
  const total = counters.total || 0;
  const done = Math.min(counters.done || 0, total || Infinity);
  const percent = total ? Math.floor((done / total) * 100) : 0;
  const fill = bar.querySelector(".progress-fill");
  const failed = bar.querySelector(".progress-failed");
  fill.style.width = `${total ? (done / total) * 100 : 0}%`;
  failed.style.width = done ? `${(Math.min(counters.failed || 0, done) / done) * 100}%` : "0";
  bar.setAttribute("aria-valuemax", String(total || 100));
  bar.setAttribute("aria-valuenow", String(total ? done : 0));
  bar.setAttribute("aria-valuetext",
    total ? `${count(done)} of ${count(total)} rows (${percent}%)` : "No rows yet");
  return bar;
}

export function sessionTitle(session) {
  return session?.input?.filename || session?.session_id || "Session";
}

export function progressText(counters) {
  if (!counters.total) return "—";
  return `${count(counters.done)} / ${count(counters.total)}`;
}
