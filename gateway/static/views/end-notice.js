// "Notify me": a browser notification when the watched session ends, even with the tab in
// the background. Permission is asked only when the user turns this on; the choice is
// kept per session in this browser, so a reload keeps watching.

import { sessionTitle } from "../components.js";
import { h } from "../dom.js";
import { count, FINAL_STATUSES, STATUS_LABELS } from "../format.js";

const KEY = (id) => `dossier.notify.${id}`;

function remembered(id) {
  try {
    return localStorage.getItem(KEY(id)) === "1";
  } catch {
    return false;
  }
}

function remember(id, on) {
  try {
    if (on) localStorage.setItem(KEY(id), "1");
    else localStorage.removeItem(KEY(id));
  } catch {
    // Private modes without storage still watch until the page closes.
  }
}

export function createEndNotice(sessionId) {
  const supported = "Notification" in window;
  let watching = supported && remembered(sessionId) && Notification.permission === "granted";
  const button = h("button", {
    type: "button", class: "button secondary", id: "notify-toggle", "aria-pressed": "false",
  }, "Notify me when it ends");
  const hint = h("span", { class: "hint", id: "notify-hint", "aria-live": "polite" });

  function draw() {
    button.setAttribute("aria-pressed", String(watching));
    button.textContent = watching ? "Notifying when it ends" : "Notify me when it ends";
  }

  button.addEventListener("click", async () => {
    if (watching) {
      watching = false;
      hint.textContent = "";
    } else {
      const permission = Notification.permission === "default"
        ? await Notification.requestPermission()
        : Notification.permission;
      watching = permission === "granted";
      hint.textContent = watching
        ? "You will get a notification when this session ends."
        : "Notifications are blocked for this site: allow them in the browser's site settings.";
    }
    remember(sessionId, watching);
    draw();
  });
  draw();

  return {
    element: supported ? h("div", { class: "notify" }, button, hint) : null,
    // The session view calls this on every change; `ended` when the status just changed.
    sessionChanged(session, ended) {
      const final = FINAL_STATUSES.has(session.status);
      button.hidden = final;
      if (!final || !ended || !watching) return;
      watching = false;
      remember(sessionId, false);
      draw();
      const counters = session.counters || {};
      const label = STATUS_LABELS[session.status] || session.status;
      const body = `${sessionTitle(session)}: ${count(counters.done || 0)} of ${count(counters.total || 0)} rows done`
        + (counters.failed ? `, ${count(counters.failed)} failed` : "");
      const notice = new Notification(`Session ${label.toLowerCase()}`, { body, tag: `dossier-${sessionId}` });
      notice.onclick = () => window.focus();
    },
  };
}
