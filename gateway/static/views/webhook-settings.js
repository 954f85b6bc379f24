// Webhook settings: the tenant's default URL (called when a session without its own URL
// ends), the secret that signs every call, and how a receiver checks the signature.

import { h } from "../dom.js";

const VERIFY_STEPS = [
  "Read the X-Dossier-Timestamp and X-Dossier-Signature headers and the raw request body.",
  "Compute HMAC-SHA256 of “<timestamp>.<body>” with the secret, as lowercase hex.",
  "Compare “sha256=<hex>” with the signature in constant time, and refuse timestamps more than a few minutes from now.",
];

export function renderWebhookSettings(context) {
  const { api } = context;
  const urlInput = h("input", {
    id: "webhook-default-url", type: "url", autocomplete: "off", placeholder: "https://crm.example.com/hooks/dossier",
    "aria-describedby": "webhook-default-hint webhook-default-message",
  });
  const saveButton = h("button", { class: "button primary", type: "submit", id: "webhook-save" }, "Save");
  const clearButton = h("button", { class: "button secondary", type: "button", id: "webhook-clear" }, "Clear");
  const message = h("p", { class: "form-message", role: "alert", id: "webhook-default-message" });
  const status = h("p", { class: "hint", role: "status", id: "webhook-status" });
  const current = h("p", { id: "webhook-current" }, "Loading…");
  const secret = h("code", { class: "secret", id: "webhook-secret" }, "…");
  const copyButton = h("button", { class: "button small secondary", type: "button", id: "webhook-copy" }, "Copy secret");
  const copyStatus = h("span", { class: "hint", "aria-live": "polite", id: "webhook-copy-status" });

  function show(view) {
    urlInput.value = view.url || "";
    current.textContent = view.url ? `Default URL: ${view.url}` : "No default URL: only sessions that name their own webhook call one.";
    secret.textContent = view.secret;
  }

  async function save(url) {
    message.textContent = "";
    status.textContent = "";
    saveButton.disabled = clearButton.disabled = true;
    try {
      show(await api.setWebhook(url));
      status.textContent = url ? "The default webhook URL is saved." : "The default webhook URL is cleared.";
    } catch (error) {
      message.textContent = `Not saved: ${error.message}`;
      urlInput.focus();
    } finally {
      saveButton.disabled = clearButton.disabled = false;
    }
  }

  const form = h("form", { class: "card", id: "webhook-form", novalidate: true },
    h("h2", {}, "Default URL"),
    current,
    h("label", { for: urlInput.id }, "Webhook URL"),
    urlInput,
    h("p", { class: "hint", id: "webhook-default-hint" },
      "Called with a signed JSON body when a session completes, fails or is cancelled, unless the session names its own URL."),
    message,
    h("div", { class: "actions" }, saveButton, clearButton),
    status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = urlInput.value.trim();
    if (!url) {
      message.textContent = "Enter a URL, or use Clear to remove the default.";
      urlInput.focus();
      return;
    }
    save(url);
  });
  clearButton.addEventListener("click", () => save(null));
  copyButton.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(secret.textContent);
      copyStatus.textContent = "Copied.";
    } catch {
      // Clipboard access can be refused (an http page, a denied permission): select it instead.
      window.getSelection().selectAllChildren(secret);
      copyStatus.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });

  const element = h("section", { class: "view", id: "webhook-view" },
    h("div", { class: "view-header" }, h("h1", {}, "Webhook")),
    form,
    h("section", { class: "card", "aria-labelledby": "signing-title" },
      h("h2", { id: "signing-title" }, "Signing secret"),
      h("p", {}, secret, " ", copyButton, " ", copyStatus),
      h("h3", {}, "Checking a call"),
      h("ol", {}, VERIFY_STEPS.map((step) => h("li", {}, step)))));

  api.getWebhook().then(show).catch((error) => {
    current.textContent = "";
    message.textContent = `The webhook settings could not be loaded: ${error.message}`;
  });
  return { element, title: "Webhook" };
}
