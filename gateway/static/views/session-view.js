// One session: live progress, actions (start, cancel, qualify, downloads), results and logs.

import { download } from "../api.js";
import { h, replace } from "../dom.js";
import {
  confirmedAction, progressBar, sessionTitle, statusBadge, updateProgressBar,
} from "../components.js";
import { sessionCriteria } from "../criteria.js";
import { count, dateTime, duration, FINAL_STATUSES, rate, STATUS_LABELS } from "../format.js";
import { createEndNotice } from "./end-notice.js";
import { createLogViewer } from "./logs.js";
import { createWebhookDeliveries } from "./webhook-deliveries.js";
import { createQualifyAction } from "./qualify-action.js";
import { createResultsTable } from "./results-table.js";
import { usageFacts } from "./usage.js";

const DOWNLOADS = [
  ["csv", "CSV"],
  ["xlsx", "Excel (XLSX)"],
  ["json", "JSON"],
];
const ANNOUNCE_GAP_MS = 10_000;
// Rows the retry button runs again by default, as the session's counters count them.
const RETRYABLE_COUNTERS = ["failed", "not_found", "dead_links", "needs_review"];

function retryableRows(session) {
  if (session.status !== "completed" && session.status !== "failed") return 0;
  if (!session.chunk_count) return 0;
  return RETRYABLE_COUNTERS.reduce((sum, name) => sum + (session.counters[name] || 0), 0);
}

// The optional steps the session ran, as a retry names them: their failures (a model,
// search or HubSpot outage) leave rows `ok`, so no counter counts them and the server says
// whether any row has one.
function optionalSteps(options = {}) {
  return [
    options.run_llm_deep_search_pipeline && "deep_search",
    options.custom_fields?.length && "custom_fields",
    (options.write_to_hubspot || options.use_hubspot_integration) && "hubspot",
    options.qualification && "qualification",
  ].filter(Boolean);
}

function qualificationText(qualification) {
  if (!qualification?.criteria?.length) return null;
  const products = qualification.products?.length ? ` (${qualification.products.join(", ")})` : "";
  const only = qualification.qualify_only ? " from known websites" : "";
  return `Qualify against ${qualification.criteria.join(", ")}${products}${only}`;
}

function optionList(options = {}) {
  const on = [
    options.run_llm_deep_search_pipeline && "Deep search",
    options.use_hubspot_integration && "Reuse HubSpot descriptions",
    options.write_to_hubspot && "Write to HubSpot",
    options.custom_fields?.length && `Fields: ${options.custom_fields.map((f) => f.name).join(", ")}`,
    options.webhook_url && "Webhook",
    qualificationText(options.qualification),
  ].filter(Boolean);
  return on.length ? on.join(" · ") : "No extra options";
}

export function renderSessionView(context, sessionId) {
  const { api, store } = context;
  let liveClient = null;
  let lastAnnounced = { status: null, at: 0, text: "" };
  let downloadStatus = "";
  const results = createResultsTable(context, sessionId);
  const logs = createLogViewer(context, sessionId);
  const qualify = createQualifyAction(context, sessionId);
  const endNotice = createEndNotice(sessionId);
  const deliveries = createWebhookDeliveries(context, sessionId);

  const title = h("h1", { id: "session-title" }, "Session");
  const badge = h("span", { id: "session-status" });
  const meta = h("p", { class: "meta", id: "session-meta" });
  const reason = h("p", { class: "notice", id: "session-reason", hidden: true });
  const bar = progressBar({ total: 0, done: 0 }, "Session progress");
  const progressSlot = h("div", { id: "session-progress" }, bar);
  const stats = h("dl", { class: "stats", id: "session-stats" });
  const usageSlot = h("div", { id: "session-usage" });
  const announcer = h("p", { class: "visually-hidden", id: "progress-announcer", "aria-live": "polite", "aria-atomic": "true" });
  const message = h("p", { class: "form-message", role: "alert", id: "session-message" });
  const startButton = h("button", { class: "button primary", type: "button", id: "start-session", hidden: true }, "Start");
  const cancelButton = h("button", { class: "button danger", type: "button", id: "cancel-session", hidden: true }, "Cancel session");
  const deleteButton = h("button", { class: "button secondary", type: "button", id: "delete-session", hidden: true }, "Delete session");
  const retryButton = h("button", { class: "button secondary", type: "button", id: "retry-session", hidden: true }, "Retry failed rows");
  const retryStepsButton = h("button", { class: "button secondary", type: "button", id: "retry-steps", hidden: true }, "Retry failed optional steps");
  const retryAcceptedButton = h("button", { class: "button secondary", type: "button", id: "retry-accepted", hidden: true, title: "Run the rows whose website you accepted in review with that website, for their description, LinkedIn page, deep search and HubSpot" }, "Enrich accepted rows");
  const downloadButtons = DOWNLOADS.map(([format, label]) => h("button", {
    class: "button secondary", type: "button", dataset: { format }, id: `download-${format}`,
  }, label));
  const archiveButton = h("button", { class: "button secondary", type: "button", id: "download-archive" }, "Archive (ZIP)");
  const downloadNote = h("p", { class: "hint", id: "download-note", "aria-live": "polite" });

  function stat(label, value, id) {
    return h("div", { class: "stat" }, h("dt", {}, label), h("dd", { id }, value));
  }

  function draw() {
    const session = store.get(sessionId);
    if (!session) return;
    const counters = session.counters;
    const status = session.status;
    title.textContent = sessionTitle(session);
    replace(badge, statusBadge(status));
    meta.textContent = `Created ${dateTime(session.created_at)} · ${optionList(session.options)}`
      + (session.finished_at ? ` · finished ${dateTime(session.finished_at)}` : "");
    reason.hidden = !session.reason;
    reason.classList.toggle("error", status === "failed");
    reason.textContent = session.reason ? `Reason: ${session.reason}` : "";
    updateProgressBar(bar, counters);
    const percent = counters.total ? Math.floor((Math.min(counters.done, counters.total) / counters.total) * 100) : 0;
    replace(stats,
      stat("Done", `${count(counters.done)} / ${count(counters.total)} (${percent}%)`, "stat-done"),
      stat("Failed", count(counters.failed), "stat-failed"),
      stat("Duplicates", count(counters.duplicates), "stat-duplicates"),
      stat("Dead links", count(counters.dead_links), "stat-dead-links"),
      stat("Not found", count(counters.not_found), "stat-not-found"),
      stat("Blocked", count(counters.blocked), "stat-blocked"),
      stat("From cache", count(counters.cached || 0), "stat-cached"),
      stat("To review", count(counters.needs_review), "stat-needs-review"),
      stat("Speed", status === "running" ? rate(session.rate) : "—", "stat-rate"),
      stat("Time left", status === "running" ? duration(session.eta) : "—", "stat-eta"),
      stat("Chunks", session.chunk_count ? `${count(session.chunks_done || 0)} / ${count(session.chunk_count)}` : "—", "stat-chunks"));
    replace(usageSlot, h("h3", {}, "Outside calls"), usageFacts(session.usage, "session-usage-figures"));
    startButton.hidden = status !== "created";
    cancelButton.hidden = !(status === "running" || status === "queued");
    const final = FINAL_STATUSES.has(status);
    deleteButton.hidden = !(final || status === "created");
    const retryable = final ? retryableRows(session) : 0;
    retryButton.hidden = retryable === 0;
    retryButton.textContent = `Retry ${count(retryable)} failed row${retryable === 1 ? "" : "s"}`;
    const steps = optionalSteps(session.options);
    retryStepsButton.hidden = !(final && session.status !== "cancelled" && session.chunk_count && steps.length);
    // No counter tells accepted rows from rejected ones: the server says whether any is left.
    retryAcceptedButton.hidden = !(final && session.status !== "cancelled" && session.chunk_count);
    if (session.retry_round) {
      meta.textContent += ` · retried ${session.retry_round} time${session.retry_round === 1 ? "" : "s"}`;
    }
    qualify.update(session);
    const anyRows = counters.done > 0;
    for (const button of downloadButtons) button.disabled = !(final || anyRows);
    archiveButton.disabled = !final;
    downloadNote.textContent = downloadStatus || (final
      ? ""
      : anyRows ? "Downloads now contain the rows finished so far." : "Downloads become available when rows finish.");
    announce(session, percent);
  }

  // Screen readers hear status changes at once and progress at most every ten seconds.
  // A session's final figures may arrive after its final status (a cancel answers before
  // the workers stop): they are said at once too, so the last thing heard is the truth.
  function announce(session, percent) {
    const now = Date.now();
    const label = STATUS_LABELS[session.status] || session.status;
    const text = session.status === "running"
      ? `${label}: ${percent}% done, ${count(session.counters.done)} of ${count(session.counters.total)} rows.`
      : `Session ${label.toLowerCase()}. ${count(session.counters.done)} of ${count(session.counters.total)} rows done.`;
    const statusChanged = session.status !== lastAnnounced.status;
    const finalFigures = FINAL_STATUSES.has(session.status) && text !== lastAnnounced.text;
    if (!statusChanged && !finalFigures && now - lastAnnounced.at < ANNOUNCE_GAP_MS) return;
    lastAnnounced = { status: session.status, at: now, text };
    announcer.textContent = text;
  }

  async function fetchSession() {
    try {
      store.put(await api.getSession(sessionId));
      message.textContent = "";
    } catch (error) {
      if (error.status === 404) {
        replace(element, h("div", { class: "card" },
          h("h1", {}, "Session not found"),
          h("p", {}, "This session does not exist or belongs to another API key. "),
          h("a", { href: "#/" }, "Back to sessions")));
        return false;
      }
      message.textContent = `The session could not be loaded: ${error.message}`;
    }
    return true;
  }

  startButton.addEventListener("click", async () => {
    startButton.disabled = true;
    try {
      await api.start(sessionId);
      await fetchSession();
    } catch (error) {
      message.textContent = `The session could not be started: ${error.message}`;
    } finally {
      startButton.disabled = false;
    }
  });

  const cancelDialog = {
    title: "Cancel this session?",
    text: "Rows already finished are kept and stay downloadable. The remaining rows will not be processed.",
    yes: "Cancel session",
    no: "Keep running",
  };
  confirmedAction(cancelButton, context.confirm, cancelDialog, async () => {
    try {
      await api.cancel(sessionId);
      message.textContent = "";
      await fetchSession();
    } catch (error) {
      message.textContent = `The session could not be cancelled: ${error.message}`;
    }
  });

  retryButton.addEventListener("click", async () => {
    retryButton.disabled = true;
    try {
      // The session runs again in a new round; the live channel follows it to its end.
      store.put(await api.retry(sessionId));
      message.textContent = "";
    } catch (error) {
      message.textContent = `The rows could not be retried: ${error.message}`;
    } finally {
      retryButton.disabled = false;
    }
  });

  retryStepsButton.addEventListener("click", async () => {
    retryStepsButton.disabled = true;
    try {
      const steps = optionalSteps(store.get(sessionId)?.options);
      store.put(await api.retry(sessionId, null, steps));
      message.textContent = "";
    } catch (error) {
      message.textContent = `The optional steps could not be retried: ${error.message}`;
    } finally {
      retryStepsButton.disabled = false;
    }
  });

  retryAcceptedButton.addEventListener("click", async () => {
    retryAcceptedButton.disabled = true;
    try {
      store.put(await api.retry(sessionId, null, null, ["accepted"]));
      message.textContent = "";
    } catch (error) {
      message.textContent = `The accepted rows could not be run again: ${error.message}`;
    } finally {
      retryAcceptedButton.disabled = false;
    }
  });

  const deleteDialog = {
    title: "Delete this session?",
    text: "Its upload, results and logs are removed for good. Download what you need first.",
    yes: "Delete session",
    no: "Keep it",
  };
  confirmedAction(deleteButton, context.confirm, deleteDialog, async () => {
    try {
      await api.remove(sessionId);
      store.forget(sessionId);
      window.location.hash = "#/";
    } catch (error) {
      message.textContent = `The session could not be deleted: ${error.message}`;
    }
  });

  async function runDownload(button, path, what, query) {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "Preparing…";
    try {
      await download(sessionId, path, query);
      downloadStatus = `Your browser is downloading ${what}.`;
    } catch (error) {
      downloadStatus = `The download failed: ${error.message}`;
    } finally {
      button.textContent = label;
      draw();
    }
  }

  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  for (const button of downloadButtons) {
    const format = button.dataset.format;
    button.addEventListener("click", () => runDownload(button, `${base}/results`, `the results as ${format.toUpperCase()}`, { format }));
  }
  archiveButton.addEventListener("click", () => runDownload(archiveButton, `${base}/download_archive`, "the session archive"));

  const unsubscribe = store.subscribe((id, change) => {
    if (id !== sessionId) return;
    if (change.kind === "rows") {
      results.rowsArrived(change.rows);
      return;
    }
    const before = element.dataset.status;
    draw();
    const session = store.get(sessionId);
    if (!session) return;
    element.dataset.status = session.status;
    document.title = `${sessionTitle(session)} · Dossier`;
    const ended = change.kind === "session.status" || before !== session.status;
    endNotice.sessionChanged(session, ended);
    if (FINAL_STATUSES.has(session.status) && ended) {
      results.refresh(true);
      deliveries.load(true);
    } else if (change.kind === "snapshot" || (change.kind === "chunk.progress" && change.event.finished)) {
      results.refresh(false);
    }
  });

  function onLive(live) {
    liveClient = live;
    live?.subscribeSession(sessionId);
  }

  const element = h("section", { class: "view", id: "session-view" },
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "← All sessions")),
    h("div", { class: "view-header" }, h("div", { class: "title-row" }, title, badge)),
    meta, reason, message,
    h("section", { class: "card", "aria-labelledby": "progress-title" },
      h("div", { class: "section-header" },
        h("h2", { id: "progress-title" }, "Progress"),
        h("div", { class: "actions" }, startButton, cancelButton, retryButton, retryStepsButton, retryAcceptedButton, qualify.button, deleteButton)),
      progressSlot, announcer, stats, usageSlot, endNotice.element),
    h("section", { class: "card", "aria-labelledby": "downloads-title" },
      h("h2", { id: "downloads-title" }, "Downloads"),
      h("div", { class: "actions wrap" }, downloadButtons, archiveButton),
      downloadNote),
    results.element,
    deliveries.element,
    logs.element,
    qualify.dialog);

  onLive(context.live());
  fetchSession().then((found) => {
    if (!found) return;
    const session = store.get(sessionId);
    element.dataset.status = session?.status || "";
    draw();
    if (session) endNotice.sessionChanged(session, false);
    const names = session?.options?.qualification?.criteria || [];
    if (names.length) results.setQualification(sessionCriteria(api, sessionId, names));
    results.load();
    deliveries.load(FINAL_STATUSES.has(session?.status));
  });

  return {
    element,
    title: "Session",
    onLive,
    destroy() {
      unsubscribe();
      results.destroy();
      deliveries.destroy();
      logs.destroy();
      liveClient?.unsubscribeSession(sessionId);
    },
  };
}
