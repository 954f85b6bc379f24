// Small pieces shared by the views: status badge, progress bar, session title.

import { h } from "./dom.js";
import { count, STATUS_LABELS } from "./format.js";

export function statusBadge(status) {
  return h("span", { class: `badge badge-${status}`, dataset: { status } },
    STATUS_LABELS[status] || status || "Unknown");
}

export function progressBar(counters, label) {
  const total = counters.total || 0;
  const done = Math.min(counters.done || 0, total || Infinity);
  const percent = total ? Math.floor((done / total) * 100) : 0;
  const fill = h("span", { class: "progress-fill" });
  fill.style.width = `${total ? (done / total) * 100 : 0}%`;
  if (counters.failed) {
    const failed = h("span", { class: "progress-failed" });
    failed.style.width = `${total ? (Math.min(counters.failed, done) / total) * 100 : 0}%`;
    fill.append(failed);
  }
  return h("div", {
    class: "progress",
    role: "progressbar",
    "aria-label": label,
    "aria-valuemin": 0,
    "aria-valuemax": total || 100,
    "aria-valuenow": total ? done : 0,
    "aria-valuetext": total ? `${count(done)} of ${count(total)} rows (${percent}%)` : "No rows yet",
  }, fill);
}

export function sessionTitle(session) {
  return session?.input?.filename || session?.session_id || "Session";
}

export function progressText(counters) {
  if (!counters.total) return "—";
  return `${count(counters.done)} / ${count(counters.total)}`;
}
