// A session's webhook calls: each attempt's time, HTTP status and error. Hidden when the
// session has no webhook; read again when the session ends, since delivery follows it.

import { h, replace } from "../dom.js";

// Attempts follow each other within seconds, so their times show the seconds.
function attemptTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString(undefined, {
    month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
}

// The worker retries with a doubling back-off (2 s by default, 5 attempts): reads 2, 4,
// 8, 16 and 32 s apart cover it without polling for long.
const RETRY_READS = 5;
const FIRST_GAP_MS = 2000;

export function createWebhookDeliveries(context, sessionId) {
  const { api } = context;
  let timer = null;
  let reads = 0;
  let ended = false;
  const summary = h("p", { id: "webhook-summary" });
  const refreshButton = h("button", { class: "button small secondary", type: "button", id: "webhook-refresh" }, "Refresh");
  const body = h("tbody");
  const table = h("table", { class: "deliveries", id: "webhook-attempts", hidden: true },
    h("caption", { class: "visually-hidden" }, "Webhook attempts"),
    h("thead", {}, h("tr", {}, ["#", "Time", "Status", "Error"].map((name) => h("th", { scope: "col" }, name)))),
    body);
  const element = h("section", { class: "card", id: "webhook-deliveries", "aria-labelledby": "webhook-deliveries-title", hidden: true },
    h("div", { class: "section-header" },
      h("h2", { id: "webhook-deliveries-title" }, "Webhook deliveries"), refreshButton),
    summary, table);
  refreshButton.addEventListener("click", () => {
    reads = 0;
    load();
  });

  function show(record, final) {
    element.hidden = !record?.url;
    if (!record?.url) return;
    const attempts = record.attempts || [];
    const state = record.delivered ? "delivered"
      : attempts.length ? "not delivered yet" : final ? "no call made yet" : "called when the session ends";
    // After a retry the latest round's call is shown; the API lists every round's.
    const round = record.retry_round ? ` · retry round ${record.retry_round}` : "";
    summary.textContent = `${record.url} · ${state}${record.event ? ` · ${record.event}` : ""}${round}`;
    table.hidden = attempts.length === 0;
    replace(body, attempts.map((attempt) => h("tr", { dataset: { attempt: attempt.attempt } },
      h("td", {}, String(attempt.attempt)),
      h("td", {}, attemptTime(attempt.at)),
      h("td", { class: "status-code" }, attempt.status_code ?? "—"),
      h("td", { class: "error" }, attempt.error || ""))));
  }

  // After the session ends the worker calls the webhook (with retries): read the log a
  // few times until it says delivered.
  async function load(final = false) {
    ended ||= final;
    clearTimeout(timer);
    try {
      const record = await api.webhookDeliveries(sessionId);
      show(record, ended);
      if (ended && record?.url && !record.delivered && reads < RETRY_READS) {
        reads += 1;
        timer = setTimeout(() => load(true), FIRST_GAP_MS * 2 ** (reads - 1));
      }
    } catch {
      // A gateway without webhooks, or a passing error: the panel stays as it was.
    }
  }

  return { element, load, destroy: () => clearTimeout(timer) };
}
