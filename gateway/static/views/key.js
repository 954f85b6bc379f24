// API key entry: pasted once, checked against the API, kept in this browser only.

import { ApiError, api, getApiKey, setApiKey } from "../api.js";
import { h } from "../dom.js";

export function renderKeyView(context) {
  const current = getApiKey();
  const input = h("input", {
    id: "api-key", name: "api-key", type: "password", autocomplete: "off",
    required: true, value: current, "aria-describedby": "api-key-help",
  });
  input.spellcheck = false;
  const reveal = h("input", { id: "api-key-reveal", type: "checkbox" });
  reveal.addEventListener("change", () => { input.type = reveal.checked ? "text" : "password"; });
  const message = h("p", { class: "form-message", role: "alert", id: "api-key-message" });
  const save = h("button", { class: "button primary", type: "submit" }, "Save key");
  const forget = current
    ? h("button", { class: "button secondary", type: "button", onclick: () => {
      setApiKey("");
      context.onKeyChanged();
      context.rerender();
    } }, "Forget key")
    : null;

  const form = h("form", { class: "card narrow", novalidate: true },
    h("h1", {}, "API key"),
    context.missingKey
      ? h("p", { class: "notice", role: "status" },
        "Paste your Dossier API key to see and start sessions. Ask your administrator for one if you do not have it.")
      : null,
    h("label", { for: "api-key" }, "API key"),
    input,
    h("p", { class: "hint", id: "api-key-help" },
      "The key is stored in this browser (local storage) and sent only to this Dossier server."),
    h("label", { class: "inline" }, reveal, " Show the key"),
    message,
    h("div", { class: "actions" }, save, forget),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    message.textContent = "";
    if (!key) {
      message.textContent = "Paste an API key first.";
      input.focus();
      return;
    }
    save.disabled = true;
    save.textContent = "Checking…";
    const previous = getApiKey();
    setApiKey(key);
    try {
      await api.listSessions({ limit: 1 });
      context.onKeyChanged();
      // A link to a session opened without a key leads to that session once it is set.
      if (window.location.hash.startsWith("#/key")) window.location.hash = "#/";
      else context.rerender();
    } catch (error) {
      setApiKey(previous);
      message.textContent = error instanceof ApiError && error.unauthorized
        ? "This API key was not accepted. Check that you pasted the whole key."
        : `The key could not be checked: ${error.message}`;
      input.focus();
    } finally {
      save.disabled = false;
      save.textContent = "Save key";
    }
  });

  return { element: h("section", { class: "view" }, form), title: "API key" };
}
