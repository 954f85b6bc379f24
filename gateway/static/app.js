// The page shell: API key, capabilities, the live connection, banners and hash routing
// (#/ sessions, #/new, #/sessions/<id>, #/criteria, #/criteria/<name>, #/webhook, #/key).

import { api, getApiKey, onUnauthorized } from "./api.js";
import { h, replace } from "./dom.js";
import { LiveClient } from "./live.js";
import { SessionStore } from "./sessions.js";
import { renderCriteriaFile } from "./views/criteria-file.js";
import { renderCriteriaList } from "./views/criteria-list.js";
import { renderKeyView } from "./views/key.js";
import { renderNewSession } from "./views/new-session.js";
import { renderSessionList } from "./views/session-list.js";
import { renderSessionView } from "./views/session-view.js";
import { renderWebhookSettings } from "./views/webhook-settings.js";

const LIVE_LABELS = {
  idle: "Live updates off",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  unauthorized: "Live updates refused",
  unavailable: "Live updates unavailable",
};

class App {
  constructor() {
    this.main = document.getElementById("main");
    this.banners = document.getElementById("banners");
    this.indicator = document.getElementById("live-indicator");
    this.store = new SessionStore();
    this.live = null;
    this.capabilitiesPromise = null;
    this.view = null;
    this.bannerState = { offline: !navigator.onLine, live: "idle", liveDetail: "", auth: "" };
    window.addEventListener("hashchange", () => this.route());
    window.addEventListener("online", () => this.setBanner({ offline: false }));
    window.addEventListener("offline", () => this.setBanner({ offline: true }));
    onUnauthorized((error) => {
      if (this.viewName !== "key") this.setBanner({ auth: error.message || "The API key was refused." });
    });
  }

  capabilities() {
    if (!this.capabilitiesPromise) {
      this.capabilitiesPromise = api.capabilities().catch((error) => {
        this.capabilitiesPromise = null;
        throw error;
      });
    }
    return this.capabilitiesPromise;
  }

  // Called at start and whenever the key changes.
  async connect() {
    this.live?.stop();
    this.live = null;
    this.capabilitiesPromise = null;
    this.setBanner({ auth: "", live: "idle" });
    const key = getApiKey();
    if (!key) return;
    let caps;
    try {
      caps = await this.capabilities();
    } catch (error) {
      this.setLive("unavailable", error.message);
      return;
    }
    const url = caps.notifier_url || defaultNotifierUrl();
    this.live = new LiveClient({
      url,
      token: key,
      onSnapshot: (id, state) => this.store.snapshot(id, state),
      onEvent: (id, event, progress) => this.store.event(id, event, progress),
      onStatus: (status, detail) => this.setLive(status, detail),
    });
    this.live.start();
    this.view?.onLive?.(this.live);
  }

  setLive(status, detail = "") {
    this.indicator.dataset.state = status;
    this.indicator.textContent = LIVE_LABELS[status] || status;
    this.setBanner({ live: status, liveDetail: detail });
  }

  setBanner(change) {
    Object.assign(this.bannerState, change);
    const { offline, live, liveDetail, auth } = this.bannerState;
    const items = [];
    if (offline) {
      items.push(banner("offline", "You are offline. Live updates resume when the connection returns."));
    } else if (live === "reconnecting") {
      items.push(banner("warning", "Live updates interrupted — reconnecting…"));
    } else if (live === "unavailable") {
      items.push(banner("warning", `Live updates are unavailable${liveDetail ? `: ${liveDetail}` : "."}`));
    } else if (live === "unauthorized") {
      items.push(banner("error", "The live update service refused the API key."));
    }
    if (auth) {
      items.push(banner("error", `${auth} `, h("a", { href: "#/key" }, "Change the API key")));
    }
    replace(this.banners, items);
  }

  route() {
    const hash = window.location.hash || "#/";
    const sessionMatch = /^#\/sessions\/([^/?#]+)/.exec(hash);
    const criteriaMatch = /^#\/criteria(?:\/([^/?#]+))?\/?$/.exec(hash);
    const key = getApiKey();
    let name = "list";
    if (hash.startsWith("#/key") || !key) name = "key";
    else if (hash.startsWith("#/new")) name = "new";
    else if (sessionMatch) name = "session";
    else if (criteriaMatch) name = "criteria";
    else if (hash.startsWith("#/webhook")) name = "webhook";
    this.view?.destroy?.();
    this.viewName = name;
    const context = {
      api,
      store: this.store,
      live: () => this.live,
      capabilities: () => this.capabilities(),
      confirm,
      onKeyChanged: () => this.connect(),
      rerender: () => this.route(),
      missingKey: !key,
    };
    if (name === "key") this.view = renderKeyView(context);
    else if (name === "new") this.view = renderNewSession(context);
    else if (name === "session") this.view = renderSessionView(context, decodeId(sessionMatch[1]));
    else if (name === "criteria" && criteriaMatch[1]) this.view = renderCriteriaFile(context, decodeId(criteriaMatch[1]));
    else if (name === "criteria") this.view = renderCriteriaList(context);
    else if (name === "webhook") this.view = renderWebhookSettings(context);
    else this.view = renderSessionList(context);
    replace(this.main, this.view.element);
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    document.title = this.view.title ? `${this.view.title} · Dossier` : "Dossier";
    if (this.routed) this.main.focus({ preventScroll: false });
    this.routed = true;
  }
}

function decodeId(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function banner(kind, ...content) {
  return h("div", { class: `banner banner-${kind}`, role: kind === "error" ? "alert" : "status" }, content);
}

function defaultNotifierUrl() {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.hostname}:8001/ws`;
}

// A modal confirmation; resolves true only when the user confirms.
function confirm({ title, text, yes = "Confirm", no = "Cancel" }) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-title").textContent = title;
  document.getElementById("confirm-text").textContent = text;
  document.getElementById("confirm-yes").textContent = yes;
  document.getElementById("confirm-no").textContent = no;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.returnValue = "";
    dialog.showModal();
    document.getElementById("confirm-no").focus();
  });
}

const app = new App();
app.route();
app.connect();
