// New session: choose a file, write the context, pick options, upload, check the
// detected columns and first rows, then start.

import { h, replace } from "../dom.js";
import { readCapabilities } from "../capabilities.js";
import { bytes, count } from "../format.js";
import { createCriteriaPicker } from "./criteria-picker.js";
import { createFieldsEditor } from "./fields-editor.js";
import { renderPreview } from "./preview.js";

const ACCEPTED = [".csv", ".xlsx", ".xls"];

function toggle(id, label, hint) {
  const input = h("input", { id, name: id, type: "checkbox", role: "switch", "aria-describedby": `${id}-hint` });
  const hintEl = h("span", { class: "hint", id: `${id}-hint` }, hint);
  const wrapper = h("div", { class: "toggle" },
    input, h("label", { for: id }, label), hintEl);
  return { input, hintEl, wrapper, baseHint: hint };
}

export function renderNewSession(context) {
  const { api } = context;
  let file = null;
  let caps = readCapabilities(null);
  let created = null;

  const fileInput = h("input", {
    id: "file", name: "file", type: "file", class: "visually-hidden",
    accept: ACCEPTED.join(",") + ",text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel",
    "aria-describedby": "file-hint",
  });
  const fileName = h("span", { class: "file-name", id: "file-chosen", "aria-live": "polite" }, "No file chosen");
  const dropzone = h("label", { for: "file", class: "dropzone", id: "dropzone" },
    h("span", { class: "dropzone-title" }, "Drop a spreadsheet here or choose a file"),
    h("span", { class: "hint", id: "file-hint" }, "CSV, XLSX or XLS. Company names, optionally websites and any extra columns."),
    fileName);

  const contextInput = h("textarea", {
    id: "context", name: "context_text", rows: 5, "aria-describedby": "context-count context-hint",
    placeholder: "What should the research focus on? e.g. “Which of these run their own game launcher?”",
  });
  const contextCount = h("span", { id: "context-count", class: "counter" });
  const contextAlert = h("span", { class: "visually-hidden", "aria-live": "polite" });

  const deep = toggle("run_llm_deep_search_pipeline", "Deep search",
    "Answer the questions your context implies, with sources.");
  const useHubspot = toggle("use_hubspot_integration", "Reuse HubSpot descriptions",
    "Take descriptions fresher than six months from HubSpot instead of recomputing them.");
  const writeHubspot = toggle("write_to_hubspot", "Write results to HubSpot",
    "Create or update the companies in HubSpot with the results.");
  const useCache = toggle("use_cache", "Reuse recent findings",
    "Answer companies your team enriched recently from the cache, without fetching them again.");
  useCache.input.checked = true;

  const qualify = createCriteriaPicker(context, { id: "qualify" });
  const fields = createFieldsEditor(context);
  const webhookInput = h("input", {
    id: "webhook_url", name: "webhook_url", type: "url", autocomplete: "off",
    placeholder: "https://crm.example.com/hooks/dossier", "aria-describedby": "webhook-hint webhook-error",
  });
  const webhookError = h("p", { class: "form-message", id: "webhook-error", "aria-live": "polite" });

  const message = h("p", { class: "form-message", role: "alert", id: "new-session-message" });
  const upload = h("button", { class: "button primary", type: "submit", id: "upload" }, "Upload and preview");
  const previewSlot = h("div", { id: "preview-slot" });

  function updateCounter() {
    const used = contextInput.value.length;
    contextCount.textContent = `${count(used)} / ${count(caps.contextChars)} characters`;
    const over = used > caps.contextChars;
    contextCount.classList.toggle("over", over);
    contextInput.setAttribute("aria-invalid", over ? "true" : "false");
    const text = over ? `Context is ${count(used - caps.contextChars)} characters over the limit.` : "";
    if (contextAlert.textContent !== text) contextAlert.textContent = text;
  }

  function applyCapabilities() {
    for (const [option, available, reason] of [
      [deep, caps.deepSearch, caps.deepSearchReason],
      [useHubspot, caps.hubspot, caps.hubspotReason],
      [writeHubspot, caps.hubspot, caps.hubspotReason],
    ]) {
      option.input.disabled = !available;
      if (!available) option.input.checked = false;
      option.wrapper.classList.toggle("disabled", !available);
      option.hintEl.textContent = available ? option.baseHint : reason;
    }
    qualify.setAvailable(caps.qualification, caps.qualificationReason);
    fields.setAvailable(caps.llm, caps.customFieldsReason);
    updateCounter();
  }

  function chooseFile(candidate) {
    message.textContent = "";
    if (!candidate) return;
    const lower = candidate.name.toLowerCase();
    if (!ACCEPTED.some((ext) => lower.endsWith(ext))) {
      message.textContent = `“${candidate.name}” is not a CSV, XLSX or XLS file.`;
      return;
    }
    if (caps.uploadBytes && candidate.size > caps.uploadBytes) {
      message.textContent = `“${candidate.name}” is ${bytes(candidate.size)}; the limit is ${bytes(caps.uploadBytes)}.`;
      return;
    }
    file = candidate;
    fileName.textContent = `${candidate.name} · ${bytes(candidate.size)}`;
    dropzone.classList.add("has-file");
  }

  fileInput.addEventListener("change", () => chooseFile(fileInput.files[0]));
  for (const type of ["dragenter", "dragover"]) {
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add("dragging");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    dropzone.addEventListener(type, () => dropzone.classList.remove("dragging"));
  }
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    chooseFile(event.dataTransfer?.files?.[0]);
  });
  contextInput.addEventListener("input", updateCounter);

  const form = h("form", { class: "card", id: "new-session-form", novalidate: true },
    h("h2", {}, "1. Your list"),
    fileInput, dropzone,
    h("label", { for: "context" }, "Context (optional)"),
    contextInput,
    h("div", { class: "field-footer" },
      h("span", { class: "hint", id: "context-hint" }, "Guides descriptions and deep-search questions."),
      contextCount, contextAlert),
    h("fieldset", { class: "options" },
      h("legend", {}, "Options"),
      deep.wrapper, useHubspot.wrapper, writeHubspot.wrapper, useCache.wrapper),
    qualify.element,
    fields.element,
    h("label", { for: "webhook_url" }, "Webhook URL (optional)"),
    webhookInput,
    h("p", { class: "hint", id: "webhook-hint" },
      "Called when the session completes, fails or is cancelled. Empty: the default from Webhook settings."),
    webhookError,
    message,
    h("div", { class: "actions" }, upload));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    if (!file) {
      message.textContent = "Choose a CSV, XLSX or XLS file first.";
      fileInput.focus();
      return;
    }
    if (contextInput.value.length > caps.contextChars) {
      message.textContent = `The context is limited to ${count(caps.contextChars)} characters.`;
      contextInput.focus();
      return;
    }
    webhookError.textContent = "";
    const webhook = webhookInput.value.trim();
    if (webhook && !/^https?:\/\/[^/\s]+/i.test(webhook)) {
      webhookError.textContent = "A webhook URL starts with http:// or https:// and names a host.";
      webhookInput.focus();
      return;
    }
    if (!fields.check()) {
      message.textContent = "Fix the custom fields marked above.";
      return;
    }
    const data = new FormData();
    data.append("file", file, file.name);
    data.append("context_text", contextInput.value);
    for (const option of [deep, useHubspot, writeHubspot, useCache]) {
      data.append(option.input.name, option.input.checked ? "true" : "false");
    }
    const { criteria, products } = qualify.selection();
    if (criteria.length) {
      data.append("criteria", criteria.join(","));
      if (products.length) data.append("products", products.join(","));
    }
    const fieldList = fields.value();
    if (fieldList) data.append("custom_fields", fieldList);
    if (webhook) data.append("webhook_url", webhook);
    upload.disabled = true;
    upload.textContent = "Uploading…";
    try {
      created = await api.createSession(data, (share) => {
        upload.textContent = share < 1 ? `Uploading… ${Math.floor(share * 100)}%` : "Reading the file…";
      });
      context.store.put(created);
      showPreview();
    } catch (error) {
      message.textContent = error.status ? `Upload refused: ${error.message}` : error.message;
      if (error.code === "invalid_webhook_url") {
        webhookError.textContent = error.message;
        webhookInput.focus();
      } else fields.showRefusal(error);
    } finally {
      upload.disabled = false;
      upload.textContent = "Upload and preview";
    }
  });

  function showPreview() {
    form.hidden = true;
    replace(previewSlot, renderPreview(context, created, {
      onDiscarded: () => {
        created = null;
        replace(previewSlot);
        form.hidden = false;
        fileInput.focus();
      },
    }));
  }

  context.capabilities()
    .then((loaded) => { caps = readCapabilities(loaded); applyCapabilities(); })
    .catch((error) => {
      message.textContent = `Server capabilities could not be read (${error.message}); optional features are off.`;
      applyCapabilities();
    });
  applyCapabilities();

  const element = h("section", { class: "view" },
    h("div", { class: "view-header" }, h("h1", {}, "New session")),
    form, previewSlot);
  return { element, title: "New session" };
}
