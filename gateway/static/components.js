// Small pieces shared by the views: status badge, progress bar, session title, tabs.

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

// A tab list over one panel: click, or arrow keys / Home / End once a tab has focus.
export function createTabs({ label, tabs, panel, selected, onSelect }) {
  let current = selected;
  const buttons = new Map();
  const list = h("div", { class: "tabs", role: "tablist", "aria-label": label },
    tabs.map(([key, text]) => {
      const tab = h("button", {
        class: "tab", type: "button", role: "tab", id: `${panel.id}-tab-${key}`, "aria-controls": panel.id,
      }, text);
      tab.addEventListener("click", () => select(key));
      buttons.set(key, tab);
      return tab;
    }));
  panel.setAttribute("role", "tabpanel");

  function mark() {
    for (const [key, tab] of buttons) {
      tab.setAttribute("aria-selected", key === current ? "true" : "false");
      tab.tabIndex = key === current ? 0 : -1;
    }
    panel.setAttribute("aria-labelledby", `${panel.id}-tab-${current}`);
  }

  function select(key) {
    current = key;
    mark();
    onSelect(key);
  }

  list.addEventListener("keydown", (event) => {
    const order = tabs.map(([key]) => key);
    const index = order.indexOf(current);
    const target = {
      ArrowRight: order[(index + 1) % order.length],
      ArrowLeft: order[(index - 1 + order.length) % order.length],
      Home: order[0],
      End: order[order.length - 1],
    }[event.key];
    if (!target) return;
    event.preventDefault();
    select(target);
    buttons.get(target).focus();
  });
  mark();
  return { element: list, select, get selected() { return current; } };
}

// A button whose action asks first: `act` runs only once the dialog is confirmed, with the
// button disabled meanwhile; kept as it was, the focus returns to the button. `act`
// reports its own failures.
export function confirmedAction(button, confirm, dialog, act) {
  button.addEventListener("click", async () => {
    if (!(await confirm(dialog))) {
      button.focus();
      return;
    }
    button.disabled = true;
    try {
      await act();
    } finally {
      button.disabled = false;
    }
  });
}
