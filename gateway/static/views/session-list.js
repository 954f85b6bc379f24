// Every session of the tenant, newest first, kept live through the tenant subscription.

import { h, replace } from "../dom.js";
import { createUsagePanel } from "./usage.js";
import { progressBar, progressText, sessionTitle, statusBadge } from "../components.js";
import { count, dateTime, STATUS_LABELS } from "../format.js";

const PAGE_SIZE = 50;

export function listItems(body) {
  if (Array.isArray(body)) return { items: body, next: null };
  const items = body?.items || body?.sessions || body?.data || [];
  return { items, next: body?.next_cursor || body?.cursor || null };
}

function sortNewestFirst(sessions) {
  return [...sessions].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
}

export function renderSessionList(context) {
  const { api, store } = context;
  let ids = [];
  let nextCursor = null;
  let status = "";
  let liveClient = null;
  let refetchTimer = null;
  const rows = new Map();

  const message = h("p", { class: "form-message", role: "alert" });
  const body = h("tbody");
  const empty = h("p", { class: "empty", hidden: true },
    "No sessions yet. ", h("a", { href: "#/new" }, "Start one by uploading a list of companies."));
  const more = h("button", { class: "button secondary", type: "button", hidden: true },
    "Load more");
  const filter = h("select", { id: "status-filter" },
    h("option", { value: "" }, "All statuses"),
    Object.entries(STATUS_LABELS).map(([value, label]) => h("option", { value }, label)));
  const table = h("table", { class: "sessions-table" },
    h("caption", { class: "visually-hidden" }, "Sessions, newest first"),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "File"),
      h("th", { scope: "col" }, "Status"),
      h("th", { scope: "col", class: "col-progress" }, "Progress"),
      h("th", { scope: "col", class: "num" }, "Rows"),
      h("th", { scope: "col", class: "num" }, "Failed"),
      h("th", { scope: "col" }, "Created"))),
    body);

  function rowFor(id) {
    const session = store.get(id);
    if (!session) return null;
    const counters = session.counters;
    const link = h("a", { href: `#/sessions/${encodeURIComponent(id)}`, class: "session-link" },
      sessionTitle(session));
    return h("tr", { dataset: { sessionId: id, status: session.status } },
      h("td", { "data-label": "File" }, link),
      h("td", { "data-label": "Status" }, statusBadge(session.status)),
      h("td", { "data-label": "Progress", class: "col-progress" },
        progressBar(counters, `Progress of ${sessionTitle(session)}`)),
      h("td", { "data-label": "Rows", class: "num" }, progressText(counters)),
      h("td", { "data-label": "Failed", class: "num" }, count(counters.failed)),
      h("td", { "data-label": "Created" },
        h("time", { dateTime: session.created_at || "" }, dateTime(session.created_at))));
  }

  function draw() {
    rows.clear();
    replace(body, ids.map((id) => {
      const row = rowFor(id);
      if (row) rows.set(id, row);
      return row;
    }));
    empty.hidden = ids.length > 0;
    table.hidden = ids.length === 0;
    more.hidden = !nextCursor;
  }

  async function load(append = false) {
    message.textContent = "";
    more.disabled = true;
    try {
      const query = { limit: PAGE_SIZE, status: status || undefined };
      if (append && nextCursor) query.cursor = nextCursor;
      const { items, next } = listItems(await api.listSessions(query));
      for (const item of items) store.put(item);
      const fresh = items.map((item) => item.session_id);
      ids = append ? [...ids, ...fresh.filter((id) => !ids.includes(id))] : fresh;
      ids = sortNewestFirst(ids.map((id) => store.get(id)).filter(Boolean))
        .map((s) => s.session_id);
      nextCursor = next;
      draw();
    } catch (error) {
      message.textContent = `Sessions could not be loaded: ${error.message}`;
    } finally {
      more.disabled = false;
    }
  }

  // A session this page has not seen (created elsewhere) appears after a short delay.
  function refetchSoon() {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(() => load(false), 500);
  }

  const unsubscribe = store.subscribe((id, change) => {
    const old = rows.get(id);
    if (change.kind === "deleted") {
      ids = ids.filter((known) => known !== id);
      draw();
      return;
    }
    if (!old && !status && (change.kind === "unknown-session" || change.kind === "snapshot")) {
      const known = store.get(id);
      if (known && known.created_at) {
        ids = sortNewestFirst([...ids, id].map((each) => store.get(each)).filter(Boolean))
          .map((each) => each.session_id);
        draw();
      } else refetchSoon();
      return;
    }
    if (!old || change.kind === "rows") return;
    const session = store.get(id);
    if (status && session.status !== status) {
      ids = ids.filter((known) => known !== id);
      draw();
      return;
    }
    const fresh = rowFor(id);
    old.replaceWith(fresh);
    rows.set(id, fresh);
  });

  function onLive(live) {
    liveClient = live;
    live?.subscribeTenant();
  }

  filter.addEventListener("change", () => {
    status = filter.value;
    nextCursor = null;
    load(false);
  });
  more.addEventListener("click", () => load(true));

  const usagePanel = createUsagePanel(context.api);
  const element = h("section", { class: "view" },
    h("div", { class: "view-header" },
      h("h1", {}, "Sessions"),
      h("div", { class: "view-tools" },
        h("label", { for: "status-filter", class: "visually-hidden" }, "Filter by status"),
        filter,
        h("a", { class: "button primary", href: "#/new" }, "New session"))),
    message,
    h("div", { class: "table-wrap" }, table),
    empty,
    h("div", { class: "actions center" }, more),
    usagePanel.element);
  table.hidden = true;

  onLive(context.live());
  load(false);

  return {
    element,
    title: "Sessions",
    onLive,
    destroy() {
      unsubscribe();
      clearTimeout(refetchTimer);
      liveClient?.unsubscribeTenant();
    },
  };
}
