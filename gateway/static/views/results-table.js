// The results table: one page at a time from GET /results?offset=&limit=, so a session
// of 100,000 rows costs no more than one page. A session with qualification shows the
// same page either as the table or as the qualification view, on two tabs. While the session runs, finished rows
// from the live connection fill the visible page directly; the page is fetched again
// only when the session ends or live rows may have been missed. It never polls. Filters,
// search and sort (results-filters.js) are applied by the server over the whole session.

import { createTabs } from "../components.js";
import { h, replace } from "../dom.js";
import { count } from "../format.js";
import { expandable, field, link, shortHost, sources } from "./cells.js";
import { fieldsCell, hasFieldColumns } from "./field-answers.js";
import { qualificationList, qualifiedProductsCell } from "./qualification.js";
import { createResultFilters } from "./results-filters.js";
import { reviewCell } from "./review-cell.js";

const PAGE_SIZES = [25, 50, 100, 200];
const REFRESH_GAP_MS = 2000;
// A filtered page reads every stored row on the server: refreshed less often.
const FILTERED_REFRESH_GAP_MS = 10000;
const RENDER_GAP_MS = 300;

// The confidence the bands are read from: the website's where rows carry it.
function confidenceCell(row) {
  const value = field(row, "Website_Confidence", "website_confidence") || field(row, "Match_Confidence", "match_confidence");
  return value === "" ? "" : Number(value).toFixed(2);
}

function statusCell(status, duplicateOf) {
  if (!status) return "";
  const badge = h("span", { class: `row-status row-${status}` }, String(status).replace("_", " "));
  if (duplicateOf === null || duplicateOf === undefined || duplicateOf === "") return badge;
  return [badge, h("span", { class: "hint block" }, `of row ${count(Number(duplicateOf) + 1)}`)];
}

// The answers, or why there are none: a failed deep search leaves the row itself `ok`.
function deepSearch(row) {
  const answers = field(row, "Deep_Search", "deep_search");
  const status = field(row, "Deep_Search_Status", "deep_search_status") || "";
  return answers || (String(status).startsWith("failed") ? `Deep search ${status}` : "");
}

// Where a field came from and how sure of it the pipeline is, under the field.
function provenance(row, source, confidence) {
  const from = field(row, source, source.toLowerCase());
  const sure = field(row, confidence, confidence.toLowerCase());
  if (!from && sure === "") return null;
  const parts = [from, sure === "" ? "" : Number(sure).toFixed(2)].filter(Boolean);
  return h("span", { class: "hint block", title: `${source}, ${confidence}` }, parts.join(" · "));
}

// Why the row is not ok, and the candidates a person should decide on.
function problems(row) {
  const error = field(row, "Error", "error");
  // A decided row keeps its candidates for the record; they are no longer to review.
  const open = field(row, "Row_Status", "row_status") === "needs_review";
  const review = open && field(row, "Review_Candidates", "review_candidates");
  return [error, review && `To review: ${review}`].filter(Boolean).join(" — ");
}

const RESULT_COLUMNS = new Set([
  "Company_Name", "Official_Website", "LinkedIn_URL", "Description", "Timestamp",
  "HubSpot_Company_ID", "Row_Status", "Match_Confidence", "Description_Source", "Sources",
  "Deep_Search", "Error", "Notes", "Deep_Search_Status", "HubSpot_Status",
  "Qualified_Products", "Qualification", "Qualification_Status",
  "Attempts", "Last_Attempt_At", "Cached_At",
  "Website_Source", "Website_Confidence", "LinkedIn_Source", "LinkedIn_Confidence",
  "Review_Candidates",
]);

// The user's own columns: the page's output columns before the result columns (and the
// per-product score columns of a session with criteria).
function inputColumnsOf(page) {
  if (page.columns?.length) {
    return page.columns.filter((name) => !RESULT_COLUMNS.has(name) && !name.startsWith("Score: ")
      && !name.startsWith("Field: "));
  }
  const original = page.rows[0]?.original;
  return original ? Object.keys(original) : [];
}

export function resultPage(body) {
  if (Array.isArray(body)) return { rows: body, total: null };
  const rows = body?.rows || body?.items || body?.results || [];
  const total = body?.total ?? body?.total_rows ?? body?.available ?? body?.count ?? null;
  return {
    rows, total, columns: body?.columns || null,
    available: body?.available ?? null, partial: Boolean(body?.partial),
    matched: body?.matched ?? null,
  };
}

export function createResultsTable(context, sessionId) {
  const { api } = context;
  let offset = 0;
  let limit = 50;
  let known = 0;
  let inputTotal = 0;
  let focusSort = null;
  let showInput = false;
  let inputColumns = [];
  let abort = null;
  let refreshTimer = null;
  let lastRefresh = 0;
  let pendingOnPage = true;
  let serverRows = [];
  let partial = false;
  let renderTimer = null;
  let qualification = null;
  let mode = "table";
  let customFields = false;
  // Rows of the visible page that arrived live and are not in the fetched page yet.
  const liveRows = new Map();

  const status = h("p", { class: "table-status", id: "results-status", "aria-live": "polite" });
  const tableWrap = h("div", {
    class: "table-wrap results-wrap", id: "results-panel", tabindex: "0", role: "region", "aria-label": "Results table",
  });

  const first = h("button", { class: "button small", type: "button", "aria-label": "First page" }, "«");
  const prev = h("button", { class: "button small", type: "button", "aria-label": "Previous page" }, "‹ Prev");
  const next = h("button", { class: "button small", type: "button", "aria-label": "Next page" }, "Next ›");
  const last = h("button", { class: "button small", type: "button", "aria-label": "Last page" }, "»");
  const size = h("select", { id: "page-size" }, PAGE_SIZES.map((n) => h("option", { value: n, selected: n === limit }, `${n} rows`)));
  const jump = h("input", { id: "row-jump", type: "number", min: 1, inputMode: "numeric", class: "jump" });
  const inputToggle = h("input", { id: "show-input", type: "checkbox" });
  const inputLabel = h("label", { class: "inline" }, inputToggle, " Show input columns");
  const tabsSlot = h("div", { class: "results-tabs" });
  const filters = createResultFilters((options) => {
    focusSort = options?.focusSort || null;
    offset = 0;
    liveRows.clear();
    load();
  });

  // While the session runs, rows not finished yet are absent from a fetched page: live
  // rows fill in, the rest show as pending so the page keeps its input order.
  function pageRows() {
    if (!partial || filters.active()) return serverRows;
    const end = Math.min(offset + limit, known);
    const byRow = new Map(serverRows.map((row) => [Number(row.row), row]));
    const filled = [];
    for (let index = offset; index < end; index += 1) {
      filled.push(byRow.get(index) || liveRows.get(index) || { row: index, pending: true });
    }
    return filled;
  }

  function show() {
    const rows = pageRows();
    pendingOnPage = filters.active()
      ? partial
      : rows.some((row) => row.pending) || (partial && rows.length < limit);
    render(rows);
    updateControls(rows.length);
  }

  // A re-render (a live row, a refresh) keeps open criteria lists open and focus in place.
  function render(rows) {
    const open = new Set([...tableWrap.querySelectorAll("details[open][data-key]")].map((d) => d.dataset.key));
    const active = tableWrap.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = active?.closest("[data-key]")?.dataset.key;
    replace(tableWrap, mode === "qualification" ? qualificationList(rows, qualification.texts) : table(rows));
    for (const details of tableWrap.querySelectorAll("details[data-key]")) {
      if (open.has(details.dataset.key)) details.open = true;
      if (details.dataset.key === focusKey) details.querySelector("summary").focus();
    }
    inputLabel.hidden = mode === "qualification";
    if (focusSort) tableWrap.querySelector(`button.sort[data-column="${focusSort}"]`)?.focus();
    focusSort = null;
  }

  function table(rows) {
    const extra = showInput ? inputColumns : [];
    const qualified = Boolean(qualification);
    const width = 10 + extra.length + (qualified ? 1 : 0) + (customFields ? 1 : 0);
    const sortable = (label, column) => filters.sortHeader(label, column);
    const plain = (label) => h("th", { scope: "col" }, label);
    return h("table", { class: "results-table", id: "results-table" },
      h("caption", { class: "visually-hidden" }, "Results"),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", class: "num" }, "#"),
        extra.map(plain),
        sortable("Company", "Company_Name"), sortable("Website", "Official_Website"),
        plain("LinkedIn"), sortable("Status", "Row_Status"),
        sortable("Confidence", "Match_Confidence"),
        qualified && plain("Qualified products"),
        customFields && plain("Fields"),
        ["Description", "Sources", "Deep search", "Error"].map(plain))),
      h("tbody", {}, rows.map((row) => {
        if (row.pending) {
          return h("tr", { class: "pending", dataset: { row: row.row } },
            h("td", { class: "num" }, count(row.row + 1)),
            h("td", { colSpan: width - 1 }, "Pending"));
        }
        const original = row.original || {};
        const website = field(row, "Official_Website", "official_website");
        const linkedin = field(row, "LinkedIn_URL", "linkedin_url");
        return h("tr", { dataset: { row: row.row ?? "" } },
          h("td", { class: "num" }, row.row !== undefined ? count(Number(row.row) + 1) : ""),
          extra.map((name) => h("td", {}, original[name] ?? row[name] ?? "")),
          h("td", { class: "company" }, field(row, "Company_Name", "company_name")),
          h("td", { class: "website" }, link(website, shortHost(website)),
            provenance(row, "Website_Source", "Website_Confidence")),
          h("td", {}, link(linkedin, linkedin ? "LinkedIn" : ""),
            provenance(row, "LinkedIn_Source", "LinkedIn_Confidence")),
          h("td", { class: "status" }, statusCell(field(row, "Row_Status", "row_status"), row.duplicate_of),
            reviewCell(row, decide)),
          h("td", { class: "num confidence" }, confidenceCell(row)),
          qualified ? h("td", { class: "qualified" }, qualifiedProductsCell(row)) : null,
          customFields ? h("td", { class: "fields" }, fieldsCell(row)) : null,
          h("td", { class: "description" }, expandable(field(row, "Description", "description"))),
          h("td", {}, sources(field(row, "Sources", "sources"))),
          h("td", { class: "description" }, expandable(deepSearch(row), 80)),
          h("td", { class: "error" }, expandable(problems(row), 80)));
      })));
  }

  function updateControls(rowsOnPage) {
    const pages = Math.max(1, Math.ceil(known / limit));
    const page = Math.floor(offset / limit) + 1;
    first.disabled = prev.disabled = offset === 0;
    next.disabled = last.disabled = offset + limit >= known;
    const from = rowsOnPage ? offset + 1 : 0;
    const range = `Rows ${count(from)}–${count(offset + rowsOnPage)}`;
    if (filters.active()) {
      status.textContent = known
        ? `${range} of ${count(known)} matching · page ${page} of ${pages} · ${count(inputTotal)} rows in total`
        : `No finished rows match · ${count(inputTotal)} rows in total`;
    } else if (!known) {
      status.textContent = "No finished rows yet.";
    } else {
      status.textContent = `${range} of ${count(known)} · page ${page} of ${pages}`;
    }
    jump.max = Math.max(1, known);
  }

  async function load() {
    abort?.abort();
    abort = new AbortController();
    lastRefresh = Date.now();
    tableWrap.setAttribute("aria-busy", "true");
    try {
      const page = resultPage(await api.results(sessionId, offset, limit, abort.signal, filters.query()));
      inputTotal = page.total ?? inputTotal;
      if (filters.active() && page.matched !== null) known = page.matched;
      else if (page.total !== null) known = page.total;
      else known = Math.max(known, offset + page.rows.length);
      if (!inputColumns.length) inputColumns = inputColumnsOf(page);
      customFields = hasFieldColumns(page.columns);
      serverRows = page.rows;
      partial = page.partial;
      for (const row of serverRows) liveRows.delete(Number(row.row));
      show();
    } catch (error) {
      if (error.name === "AbortError") return;
      status.textContent = `Results could not be loaded: ${error.message}`;
    } finally {
      tableWrap.removeAttribute("aria-busy");
    }
  }

  // Accept or reject a row's review candidate; the server answers the row as decided.
  async function decide(row, decision) {
    try {
      const decided = await api.review(sessionId, row.row, decision);
      serverRows = serverRows.map((each) => (Number(each.row) === Number(decided.row) ? decided : each));
      liveRows.delete(Number(decided.row));
      show();
      status.textContent = `${decision === "accept" ? "Accepted" : "Rejected"} the candidate for ${field(decided, "Company_Name", "company_name")}.`;
      // The decision moves the row in the session's counters: show them as now stored.
      api.getSession(sessionId).then((session) => context.store?.put(session), () => {});
      return true;
    } catch (error) {
      status.textContent = `The decision was not saved: ${error.message}`;
      return false;
    }
  }

  function goTo(newOffset) {
    const maxOffset = Math.max(0, Math.floor(Math.max(known - 1, 0) / limit) * limit);
    offset = Math.min(Math.max(0, newOffset), maxOffset);
    liveRows.clear();
    load();
  }

  first.addEventListener("click", () => goTo(0));
  prev.addEventListener("click", () => goTo(offset - limit));
  next.addEventListener("click", () => goTo(offset + limit));
  last.addEventListener("click", () => goTo(Number.MAX_SAFE_INTEGER));
  size.addEventListener("change", () => {
    limit = Number(size.value);
    goTo(Math.floor(offset / limit) * limit);
  });
  jump.addEventListener("change", () => {
    const row = Number(jump.value);
    if (row >= 1) goTo(Math.floor((row - 1) / limit) * limit);
  });
  inputToggle.addEventListener("change", () => {
    showInput = inputToggle.checked;
    load();
  });

  // Finished rows from the live connection: those on the visible page show at once.
  function rowsArrived(rows) {
    // A filtered page holds matching rows, not input positions: a refresh brings new ones.
    if (filters.active()) return;
    let visible = false;
    for (const row of rows) {
      const index = Number(row.row);
      if (index >= offset && index < offset + limit) {
        liveRows.set(index, row);
        visible = true;
      }
    }
    if (visible && partial && !renderTimer) {
      renderTimer = setTimeout(() => {
        renderTimer = null;
        show();
      }, RENDER_GAP_MS);
    }
  }

  // Fetch the page again: always when the session ended, otherwise only while it still
  // shows pending rows (after a resync or a stored chunk), at most every couple of seconds.
  function refresh(always) {
    if (!always && !pendingOnPage) return;
    clearTimeout(refreshTimer);
    const gap = filters.active() ? FILTERED_REFRESH_GAP_MS : REFRESH_GAP_MS;
    const wait = always ? 0 : Math.max(0, gap - (Date.now() - lastRefresh));
    refreshTimer = setTimeout(load, wait);
  }

  // `texts` resolves to the criteria texts; until then criteria show by id.
  function setQualification(texts) {
    qualification = { texts: null };
    mode = "qualification";
    const tabs = createTabs({
      label: "Show results as",
      tabs: [["qualification", "Qualification"], ["table", "Table"]],
      panel: tableWrap,
      selected: mode,
      onSelect: (key) => {
        mode = key;
        show();
      },
    });
    tableWrap.removeAttribute("aria-label");
    replace(tabsSlot, tabs.element);
    texts.then((loaded) => {
      qualification.texts = loaded;
      if (mode === "qualification" && serverRows.length + liveRows.size) show();
    });
  }

  const element = h("section", { class: "card", "aria-labelledby": "results-title", id: "results" },
    h("div", { class: "section-header" },
      h("h2", { id: "results-title" }, "Results"),
      inputLabel),
    tabsSlot,
    filters.element,
    h("div", { class: "pager" },
      first, prev, next, last,
      h("label", { for: "page-size", class: "visually-hidden" }, "Rows per page"), size,
      h("label", { for: "row-jump" }, "Go to row"), jump),
    status,
    tableWrap);

  return {
    element,
    load,
    rowsArrived,
    refresh,
    setQualification,
    destroy() {
      abort?.abort();
      filters.destroy();
      clearTimeout(refreshTimer);
      clearTimeout(renderTimer);
    },
  };
}
