// Log viewer: pipeline, errors and hubspot logs of one session, loaded when a tab is
// chosen or refreshed (logs are plain text and can be long, so only the tail is shown).

import { h } from "../dom.js";

const LOG_TYPES = [
  ["pipeline", "Pipeline"],
  ["errors", "Errors"],
  ["hubspot", "HubSpot"],
];
const MAX_CHARS = 400_000;

export function createLogViewer(context, sessionId) {
  const { api } = context;
  let current = "pipeline";
  let abort = null;
  const tabs = new Map();
  const output = h("pre", {
    class: "log-output", id: "log-output", role: "tabpanel", tabindex: "0",
    "aria-labelledby": "log-tab-pipeline",
  });
  const note = h("p", { class: "hint", id: "log-note", "aria-live": "polite" });
  const refresh = h("button", { class: "button small", type: "button", id: "log-refresh" }, "Refresh");

  const tablist = h("div", { class: "tabs", role: "tablist", "aria-label": "Log type" },
    LOG_TYPES.map(([type, label]) => {
      const tab = h("button", {
        class: "tab", type: "button", role: "tab", id: `log-tab-${type}`,
        "aria-controls": "log-output", "aria-selected": type === current ? "true" : "false",
        tabindex: type === current ? "0" : "-1",
      }, label);
      tab.addEventListener("click", () => select(type));
      tabs.set(type, tab);
      return tab;
    }));

  tablist.addEventListener("keydown", (event) => {
    const order = LOG_TYPES.map(([type]) => type);
    const index = order.indexOf(current);
    let target = null;
    if (event.key === "ArrowRight") target = order[(index + 1) % order.length];
    if (event.key === "ArrowLeft") target = order[(index - 1 + order.length) % order.length];
    if (event.key === "Home") target = order[0];
    if (event.key === "End") target = order[order.length - 1];
    if (target) {
      event.preventDefault();
      select(target);
      tabs.get(target).focus();
    }
  });

  async function load() {
    abort?.abort();
    abort = new AbortController();
    output.setAttribute("aria-busy", "true");
    note.textContent = "Loading…";
    try {
      const text = await api.logText(sessionId, current, abort.signal);
      const shown = text.length > MAX_CHARS ? text.slice(text.length - MAX_CHARS) : text;
      output.textContent = shown || "";
      const lines = text ? text.split("\n").filter(Boolean).length : 0;
      note.textContent = !text
        ? "This log is empty."
        : text.length > MAX_CHARS
          ? `Showing the last part of ${lines} lines. Download the archive for the full log.`
          : `${lines} line${lines === 1 ? "" : "s"}.`;
      output.scrollTop = output.scrollHeight;
    } catch (error) {
      if (error.name === "AbortError") return;
      output.textContent = "";
      note.textContent = `The log could not be loaded: ${error.message}`;
    } finally {
      output.removeAttribute("aria-busy");
    }
  }

  function select(type) {
    current = type;
    for (const [name, tab] of tabs) {
      tab.setAttribute("aria-selected", name === type ? "true" : "false");
      tab.tabIndex = name === type ? 0 : -1;
    }
    output.setAttribute("aria-labelledby", `log-tab-${type}`);
    load();
  }

  refresh.addEventListener("click", load);

  const details = h("details", { class: "card logs", id: "logs" },
    h("summary", {}, h("h2", {}, "Logs")),
    h("div", { class: "section-header" }, tablist, refresh),
    note,
    output);
  let loaded = false;
  details.addEventListener("toggle", () => {
    if (details.open && !loaded) {
      loaded = true;
      load();
    }
  });

  return {
    element: details,
    destroy() {
      abort?.abort();
    },
  };
}
