// Log viewer: pipeline, errors and hubspot logs of one session, loaded when a tab is
// chosen or refreshed (logs are plain text and can be long, so only the tail is shown).

import { createTabs } from "../components.js";
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
  const output = h("pre", { class: "log-output", id: "log-output", tabindex: "0" });
  const note = h("p", { class: "hint", id: "log-note", "aria-live": "polite" });
  const refresh = h("button", { class: "button small", type: "button", id: "log-refresh" }, "Refresh");

  const tabs = createTabs({
    label: "Log type",
    tabs: LOG_TYPES,
    panel: output,
    selected: current,
    onSelect: (type) => {
      current = type;
      load();
    },
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

  refresh.addEventListener("click", load);

  const details = h("details", { class: "card logs", id: "logs" },
    h("summary", {}, h("h2", {}, "Logs")),
    h("div", { class: "section-header" }, tabs.element, refresh),
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
