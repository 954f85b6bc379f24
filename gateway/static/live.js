// WebSocket client for the notifier (protocol v1): authenticates with the API key,
// keeps its subscriptions across reconnects, checks per-session sequence numbers and
// asks for a fresh snapshot (by re-subscribing) whenever one is missed. It never polls.

const AUTH_CLOSE_CODES = new Set([1008, 4001, 4003, 4401, 4403]);
const HEARTBEAT_MS = 20_000;
const SILENCE_LIMIT_MS = 50_000;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const RESUBSCRIBE_MS = 2_000;

export class LiveClient {
  constructor({ url, token, onSnapshot, onEvent, onStatus }) {
    this.url = url;
    this.token = token;
    this.onSnapshot = onSnapshot;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.sessions = new Set();
    this.tenantScope = false;
    this.lastSeq = new Map();
    this.status = "idle";
    this.attempt = 0;
    this.socket = null;
    this.timers = { retry: null, heartbeat: null };
    this.lastHeard = 0;
    this.stopped = false;
    this.listeners = new AbortController();
    const signal = this.listeners.signal;
    window.addEventListener("online", () => this.reconnectNow(), { signal });
    window.addEventListener("offline", () => this.setStatus("offline"), { signal });
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.listeners.abort();
    clearTimeout(this.timers.retry);
    clearInterval(this.timers.heartbeat);
    if (this.socket) this.socket.close(1000, "bye");
    this.socket = null;
    this.setStatus("idle");
  }

  subscribeSession(id) {
    if (this.sessions.has(id)) return;
    this.sessions.add(id);
    this.send({ type: "subscribe", session_id: id });
  }

  unsubscribeSession(id) {
    if (!this.sessions.delete(id)) return;
    this.lastSeq.delete(id);
    this.send({ type: "unsubscribe", session_id: id });
  }

  subscribeTenant() {
    if (this.tenantScope) return;
    this.tenantScope = true;
    this.send({ type: "subscribe", scope: "tenant" });
  }

  unsubscribeTenant() {
    if (!this.tenantScope) return;
    this.tenantScope = false;
    this.send({ type: "unsubscribe", scope: "tenant" });
  }

  setStatus(status, detail = "") {
    if (this.status === status && !detail) return;
    this.status = status;
    this.onStatus?.(status, detail);
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  connect() {
    if (this.stopped) return;
    if (!navigator.onLine) {
      this.setStatus("offline");
      return;
    }
    this.setStatus(this.attempt ? "reconnecting" : "connecting");
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      this.setStatus("unavailable", String(error.message || error));
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.lastHeard = Date.now();
      this.lastSeq.clear();
      socket.send(JSON.stringify({ type: "auth", token: this.token }));
      if (this.tenantScope) socket.send(JSON.stringify({ type: "subscribe", scope: "tenant" }));
      for (const id of this.sessions) {
        socket.send(JSON.stringify({ type: "subscribe", session_id: id }));
      }
      this.startHeartbeat(socket);
    });
    socket.addEventListener("message", (message) => this.receive(message.data));
    socket.addEventListener("close", (event) => this.closed(socket, event));
  }

  // Pings keep the server's idle timeout away; a server silent for several heartbeats is
  // treated as gone, since a dead network path may never deliver a close.
  startHeartbeat(socket, intervalMs = HEARTBEAT_MS) {
    clearInterval(this.timers.heartbeat);
    const silenceLimit = Math.max(SILENCE_LIMIT_MS, intervalMs * 2.5);
    this.timers.heartbeat = setInterval(() => {
      if (socket !== this.socket) return;
      if (Date.now() - this.lastHeard > silenceLimit) socket.close(4000, "silent server");
      else this.send({ type: "ping" });
    }, intervalMs);
  }

  closed(socket, event) {
    if (socket !== this.socket) return;
    clearInterval(this.timers.heartbeat);
    this.socket = null;
    if (this.stopped) return;
    if (AUTH_CLOSE_CODES.has(event.code)) {
      this.setStatus("unauthorized", event.reason || "The live connection refused the API key.");
      return;
    }
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    clearTimeout(this.timers.retry);
    if (!navigator.onLine) {
      this.setStatus("offline");
      return;
    }
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** this.attempt);
    const delay = base * (0.7 + Math.random() * 0.6);
    this.attempt += 1;
    this.setStatus("reconnecting");
    this.timers.retry = setTimeout(() => this.connect(), delay);
  }

  reconnectNow() {
    if (this.stopped || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    clearTimeout(this.timers.retry);
    this.connect();
  }

  resync(id) {
    this.lastSeq.delete(id);
    if (this.sessions.has(id)) {
      this.send({ type: "unsubscribe", session_id: id });
      this.send({ type: "subscribe", session_id: id });
    }
  }

  // The notifier could not read the session from storage, so the subscription does not
  // exist: without asking again the page would wait for events that never come.
  retrySubscribe(id) {
    const socket = this.socket;
    setTimeout(() => {
      if (socket === this.socket && this.sessions.has(id)) {
        this.send({ type: "subscribe", session_id: id });
      }
    }, RESUBSCRIBE_MS);
  }

  receive(data) {
    this.lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    switch (message.type) {
      case "hello":
        this.attempt = 0;
        this.setStatus("live");
        if (message.heartbeat_interval > 0 && this.socket) {
          this.startHeartbeat(this.socket, Math.max(1000, message.heartbeat_interval * 1000));
        }
        break;
      case "resync":
        // The server dropped queued messages for this session; a fresh snapshot follows.
        this.lastSeq.delete(message.session_id);
        break;
      case "snapshot":
        this.attempt = 0;
        if (this.status !== "live") this.setStatus("live");
        this.lastSeq.set(message.session_id, message.seq);
        this.onSnapshot?.(message.session_id, message.state);
        break;
      case "event":
        this.acceptEvent(message);
        break;
      case "error":
        if (/auth|token|unauthor/i.test(message.code || "")) {
          this.setStatus("unauthorized", message.message || "");
        } else if (message.code === "unavailable" && message.session_id) {
          this.retrySubscribe(message.session_id);
        }
        break;
      default:
        break;
    }
  }

  acceptEvent(message) {
    const id = message.session_id;
    const last = this.lastSeq.get(id);
    if (last !== undefined && message.seq <= last) return;
    if (last !== undefined && message.seq > last + 1 && this.sessions.has(id)) {
      this.resync(id);
      return;
    }
    this.lastSeq.set(id, message.seq);
    this.onEvent?.(id, message.event, message.progress || null);
  }
}
