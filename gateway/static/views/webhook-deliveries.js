// A session's webhook calls: each attempt's time, HTTP status and error. Hidden when the
// session has no webhook; read again when the session ends, since delivery follows it.

import { h, replace } from "../dom.js";
import { dateTime } from "../format.js";

const RETRY_READS = 5;
const RETRY_GAP_MS = 2000;

export function createWebhookDeliveries(context, sessionId) {
  const { api } = context;
  let timer = null;
  let reads = 0;
  const summary = h("p", { id: "webhook-summary" });
  const body = h("tbody");
  const table = h("table", { class: "deliveries", id: "webhook-attempts", hidden: true },
    h("caption", { class: "visually-hidden" }, "Webhook attempts"),
    h("thead", {}, h("tr", {}, ["#", "Time", "Status", "Error"].map((name) => h("th", { scope: "col" }, name)))),
    body);
  const element = h("section", { class: "card", id: "webhook-deliveries", "aria-labelledby": "webhook-deliveries-title", hidden: true },
    h("h2", { id: "webhook-deliveries-title" }, "Webhook deliveries"), summary, table);

  function show(record, final) {
    element.hidden = !record?.url;
    if (!record?.url) return;
    const attempts = record.attempts || [];
    const state = record.delivered ? "delivered"
      : attempts.length ? "not delivered yet" : final ? "no call made yet" : "called when the session ends";
    summary.textContent = `${record.url} · ${state}${record.event ? ` · ${record.event}` : ""}`;
    table.hidden = attempts.length === 0;
    replace(body, attempts.map((attempt) => h("tr", { dataset: { attempt: attempt.attempt } },
      h("td", {}, String(attempt.attempt)),
      h("td", {}, dateTime(attempt.at)),
      h("td", { class: "status-code" }, attempt.status_code ?? "—"),
      h("td", { class: "error" }, attempt.error || ""))));
  }

  // After the session ends the worker calls the webhook (with retries): read the log a
  // few times until it says delivered.
  async function load(final = false) {
    clearTimeout(timer);
    try {
      const record = await api.webhookDeliveries(sessionId);
      show(record, final);
      if (final && record?.url && !record.delivered && reads < RETRY_READS) {
        reads += 1;
        timer = setTimeout(() => load(true), RETRY_GAP_MS);
      }
    } catch {
      // A gateway without webhooks, or a passing error: the panel stays as it was.
    }
  }

  return { element, load, destroy: () => clearTimeout(timer) };
}
