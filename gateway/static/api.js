// HTTP API client: every call carries the stored API key as a Bearer token.

const KEY_STORAGE = "dossier.apiKey";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  get unauthorized() {
    return this.status === 401 || this.status === 403;
  }
}

export function getApiKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) || "";
  } catch {
    return "";
  }
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

const unauthorizedListeners = new Set();

export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

async function errorFrom(response) {
  let code = `http_${response.status}`;
  let message = response.statusText || "Request failed";
  try {
    const body = await response.json();
    const detail = body && typeof body === "object" ? body : {};
    code = detail.code || code;
    message = detail.message || (typeof detail.detail === "string" ? detail.detail : message);
  } catch {
    // A body that is not JSON keeps the status text as the message.
  }
  return new ApiError(response.status, code, message);
}

export async function request(path, { method = "GET", body, query, signal, contentType } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
    else if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const headers = { Accept: "application/json" };
  const key = getApiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (contentType) headers["Content-Type"] = contentType;
  let response;
  try {
    response = await fetch(url, { method, body, headers, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "The server cannot be reached. Check your connection.");
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.unauthorized) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  return response;
}

export async function json(path, options) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  return response.json();
}

export const api = {
  capabilities: () => json("/api/capabilities"),
  listSessions: (query) => json("/api/sessions", { query }),
  getSession: (id) => json(`/api/sessions/${encodeURIComponent(id)}`),
  createSession: (form, onProgress) => upload("/api/sessions", form, onProgress),
  preview: (id) => json(`/api/sessions/${encodeURIComponent(id)}/preview`),
  // `choice`: sheet, name_column, website_column (null: no website column).
  setColumns: (id, choice) => json(`/api/sessions/${encodeURIComponent(id)}/columns`, {
    method: "PUT", body: JSON.stringify(choice), contentType: "application/json",
  }),
  review: (id, row, decision) => json(`/api/sessions/${encodeURIComponent(id)}/rows/${row}/review`, {
    method: "POST", body: JSON.stringify({ decision }), contentType: "application/json",
  }),
  start: (id) => json(`/api/sessions/${encodeURIComponent(id)}/start`, { method: "POST" }),
  cancel: (id) => json(`/api/sessions/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
  usage: (month) => json("/api/usage", { query: month ? { month } : undefined }),
  // `statuses`, `steps` (optional steps whose failures run again) and `reviewed` (rows a
  // person decided on, `["accepted"]`): the server's default statuses when none is given.
  retry: (id, statuses, steps, reviewed) => {
    const body = {
      ...(statuses ? { statuses } : {}),
      ...(steps ? { steps } : {}),
      ...(reviewed ? { reviewed } : {}),
    };
    return json(`/api/sessions/${encodeURIComponent(id)}/retry`, {
      method: "POST",
      body: Object.keys(body).length ? JSON.stringify(body) : undefined,
      contentType: "application/json",
    });
  },
  remove: (id) => request(`/api/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  // `filters`: status, confidence, q and sort of the results query (see docs/api.md).
  results: (id, offset, limit, signal, filters = {}) =>
    json(`/api/sessions/${encodeURIComponent(id)}/results`, { query: { offset, limit, ...filters }, signal }),
  logText: async (id, type, signal) =>
    (await request(`/api/sessions/${encodeURIComponent(id)}/logs/${type}`, { signal })).text(),
  qualify: (id, selection) => json(`/api/sessions/${encodeURIComponent(id)}/qualify`, {
    method: "POST", body: JSON.stringify(selection), contentType: "application/json",
  }),
  listCriteria: () => json("/api/criteria"),
  getCriteria: (name) => json(`/api/criteria/${encodeURIComponent(name)}`),
  uploadCriteria: (form, onProgress) => upload("/api/criteria", form, onProgress),
  replaceCriteria: (name, form, onProgress) =>
    upload(`/api/criteria/${encodeURIComponent(name)}`, form, onProgress, "PUT"),
  removeCriteria: (name) => request(`/api/criteria/${encodeURIComponent(name)}`, { method: "DELETE" }),
  listFieldSets: () => json("/api/field_sets"),
  getFieldSet: (id) => json(`/api/field_sets/${encodeURIComponent(id)}`),
  createFieldSet: (body) => sendJson("/api/field_sets", "POST", body),
  replaceFieldSet: (id, body) => sendJson(`/api/field_sets/${encodeURIComponent(id)}`, "PUT", body),
  removeFieldSet: (id) => request(`/api/field_sets/${encodeURIComponent(id)}`, { method: "DELETE" }),
  getWebhook: () => json("/api/webhook"),
  setWebhook: (url) => sendJson("/api/webhook", "PUT", { url }),
  webhookDeliveries: (id) => json(`/api/sessions/${encodeURIComponent(id)}/webhook_deliveries`),
};

function sendJson(path, method, body) {
  return json(path, { method, body: JSON.stringify(body), contentType: "application/json" });
}

// A link the browser follows itself streams the file straight to disk, however large.
// A link cannot send the Bearer header, so a short-lived token for this one session's
// downloads goes in the query instead.
export async function download(sessionId, path, query) {
  const { token } = await json(`/api/sessions/${encodeURIComponent(sessionId)}/download_token`, { method: "POST" });
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) url.searchParams.set(key, value);
  url.searchParams.set("token", token);
  const link = document.createElement("a");
  link.href = url.toString();
  // Keeps the page where it is even if the server answered with an error instead of a file.
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

// Uploads go through XMLHttpRequest, the one browser API that reports upload progress.
export function upload(path, form, onProgress, method = "POST") {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, new URL(path, window.location.origin));
    xhr.setRequestHeader("Accept", "application/json");
    const key = getApiKey();
    if (key) xhr.setRequestHeader("Authorization", `Bearer ${key}`);
    xhr.responseType = "text";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener("error", () => {
      reject(new ApiError(0, "network", "The server cannot be reached. Check your connection."));
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      const error = new ApiError(
        xhr.status,
        body?.code || `http_${xhr.status}`,
        body?.message || xhr.statusText || "The upload failed",
      );
      if (error.unauthorized) for (const listener of unauthorizedListeners) listener(error);
      reject(error);
    });
    xhr.send(form);
  });
}
