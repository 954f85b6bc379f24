// Live session state: the session resources the page knows, kept current by notifier
// snapshots and events. A snapshot replaces what we had. Events normally carry the
// notifier's merged `progress` (status, counters, rate, ETA), which is authoritative.
// Without it, chunk.progress counters (cumulative per chunk, latest wins) are summed on
// top of the snapshot's counters.

import { FINAL_STATUSES } from "./format.js";

const COUNTER_NAMES = ["done", "failed", "duplicates", "dead_links", "not_found", "blocked", "cached", "needs_review"];
const RATE_WINDOW_MS = 30_000;
const STATUS_RANK = { created: 0, queued: 1, running: 2, completed: 3, failed: 3, cancelled: 3 };

function emptyCounters() {
  return { total: 0, done: 0, failed: 0, duplicates: 0, dead_links: 0, not_found: 0, blocked: 0, cached: 0, needs_review: 0 };
}

class LiveSession {
  constructor(resource) {
    this.reset(resource);
  }

  reset(resource) {
    this.resource = { ...resource, counters: { ...emptyCounters(), ...(resource.counters || {}) } };
    this.baseCounters = { ...this.resource.counters };
    this.baseline = new Map(Object.entries(resource.chunks || {}).map(([k, v]) => [Number(k), v]));
    this.latest = new Map();
    this.samples = [];
    this.serverRate = Number(resource.rows_per_second) || null;
    this.serverEta = resource.eta_seconds ?? null;
    this.sample();
  }

  get counters() {
    const result = { ...this.baseCounters };
    for (const [chunk, counters] of this.latest) {
      const before = this.baseline.get(chunk) || {};
      for (const name of COUNTER_NAMES) {
        result[name] += Math.max(0, (counters[name] || 0) - (before[name] || 0));
      }
    }
    if (result.total) result.done = Math.min(result.done, result.total);
    return result;
  }

  view() {
    const counters = this.counters;
    const running = this.resource.status === "running";
    return {
      ...this.resource,
      counters,
      rate: running ? this.rate(counters) : null,
      eta: running ? this.eta(counters) : null,
    };
  }

  sample() {
    const now = Date.now();
    this.samples.push([now, this.counters.done]);
    while (this.samples.length > 2 && now - this.samples[0][0] > RATE_WINDOW_MS) {
      this.samples.shift();
    }
  }

  rate(counters) {
    const [first] = this.samples;
    const elapsed = first ? (Date.now() - first[0]) / 1000 : 0;
    if (first && elapsed >= 2 && counters.done > first[1]) {
      return (counters.done - first[1]) / elapsed;
    }
    if (this.serverRate) return this.serverRate;
    const since = Date.parse(this.resource.running_since || "");
    const seconds = (Date.now() - since) / 1000;
    return since && seconds > 1 && counters.done ? counters.done / seconds : null;
  }

  eta(counters) {
    const rate = this.rate(counters);
    if (!rate || !counters.total) return this.serverEta;
    return Math.max(0, counters.total - counters.done) / rate;
  }

  // A finished session runs again in retry rounds. Figures of an earlier round than the
  // one shown are stale; a later round reopens the session: its own status, not finalized.
  // Returns false when the figures belong to an earlier round.
  enterRound(round, status) {
    const resource = this.resource;
    const shown = resource.retry_round || 0;
    if (round === undefined || round === null || round === shown) return true;
    if (round < shown) return false;
    Object.assign(resource, { retry_round: round, status, finalized: false, finished_at: null, reason: null });
    return true;
  }

  // The notifier's merged figures for the session after this event.
  applyProgress(progress) {
    const resource = this.resource;
    if (!this.enterRound(progress.retry_round, progress.status)) return;
    if (progress.status && (STATUS_RANK[progress.status] ?? 0) >= (STATUS_RANK[resource.status] ?? 0)) {
      resource.status = progress.status;
    }
    if (progress.counters) {
      this.baseCounters = { ...emptyCounters(), ...progress.counters };
      this.baseline.clear();
      this.latest.clear();
    }
    if (progress.chunk_count !== undefined) resource.chunk_count = progress.chunk_count;
    if (progress.chunks_done !== undefined) resource.chunks_done = progress.chunks_done;
    // Outside calls grow as chunks end; a notifier without them leaves the snapshot's.
    if (progress.usage) resource.usage = { ...progress.usage };
    this.serverRate = Number(progress.rows_per_second) || null;
    this.serverEta = progress.eta_seconds ?? null;
  }

  applyEvent(event, progress) {
    if (progress) {
      if (event.kind === "session.status") this.applyStatus(event);
      this.applyProgress(progress);
      this.sample();
      return true;
    }
    if (event.kind === "chunk.progress") {
      if (!this.enterRound(event.round, "running")) return false;
      this.latest.set(event.chunk, event.counters || {});
      this.sample();
      return true;
    }
    if (event.kind !== "session.status") return false;
    this.applyStatus(event);
    if (event.counters) {
      this.baseCounters = { ...emptyCounters(), ...event.counters };
      this.baseline.clear();
      this.latest.clear();
    }
    if (event.total_rows !== undefined && event.total_rows !== null) {
      this.baseCounters.total = event.total_rows;
    }
    this.sample();
    return true;
  }

  applyStatus(event) {
    const resource = this.resource;
    if (!this.enterRound(event.round, event.status)) return;
    if ((STATUS_RANK[event.status] ?? 0) >= (STATUS_RANK[resource.status] ?? 0)) {
      resource.status = event.status;
    }
    if (event.chunk_count !== undefined && event.chunk_count !== null) {
      resource.chunk_count = event.chunk_count;
    }
    if (event.reason) resource.reason = event.reason;
    if (event.status === "running" && !resource.running_since) resource.running_since = event.at;
    if (event.status === "queued" && !resource.started_at) resource.started_at = event.at;
    if (FINAL_STATUSES.has(event.status)) {
      resource.finished_at = resource.finished_at || event.at;
      resource.finalized = true;
    }
  }
}

export class SessionStore {
  constructor() {
    this.sessions = new Map();
    this.listeners = new Set();
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(id, change) {
    for (const listener of this.listeners) listener(id, change);
  }

  get(id) {
    return this.sessions.get(id)?.view() || null;
  }

  // A resource fetched over HTTP. Live state that is already further along wins, so a
  // slow response never moves a session backwards.
  put(resource) {
    const id = resource.session_id;
    const existing = this.sessions.get(id);
    if (!existing) this.sessions.set(id, new LiveSession(resource));
    else {
      const rankNow = STATUS_RANK[existing.resource.status] ?? 0;
      const rankNew = STATUS_RANK[resource.status] ?? 0;
      const behind = rankNew < rankNow
        || (rankNew === rankNow && (resource.counters?.done ?? 0) < existing.counters.done);
      // A retry reopens a finished session: its newer round wins over the old final state,
      // and a resource of an earlier round is stale.
      const roundNew = resource.retry_round ?? 0;
      const roundNow = existing.resource.retry_round ?? 0;
      if (roundNew > roundNow || (roundNew === roundNow && !behind)) existing.reset(resource);
    }
    this.notify(id, { kind: "resource" });
  }

  forget(id) {
    this.sessions.delete(id);
    this.notify(id, { kind: "deleted" });
  }

  // A snapshot replaces what we had, but never reopens a finished session (the HTTP API
  // reads the stored final status, which a notifier may not have heard of yet) unless it
  // is of a later retry round; one of an earlier round is stale.
  snapshot(id, state) {
    const existing = this.sessions.get(id);
    const resource = { ...state, session_id: state.session_id || id };
    const round = resource.retry_round || 0;
    const shown = existing?.resource.retry_round || 0;
    if (round < shown) return;
    if (existing && round === shown && FINAL_STATUSES.has(existing.resource.status)
      && !FINAL_STATUSES.has(resource.status)) {
      return;
    }
    if (existing) existing.reset(resource);
    else this.sessions.set(id, new LiveSession(resource));
    this.notify(id, { kind: "snapshot" });
  }

  event(id, event, progress = null) {
    const session = this.sessions.get(id);
    if (event.kind === "rows.finished") {
      this.notify(id, { kind: "rows", rows: event.rows || [], chunk: event.chunk });
      return;
    }
    if (!session) {
      this.notify(id, { kind: "unknown-session", event });
      return;
    }
    if (session.applyEvent(event, progress)) this.notify(id, { kind: event.kind, event });
  }
}
