// The tenant's criteria files: upload one, see each file's products, audiences and
// counts, replace or delete a file.

import { h, replace } from "../dom.js";
import { countsText, criteriaCount, criteriaItems } from "../criteria.js";
import { dateTime } from "../format.js";
import { CRITERIA_ACCEPT, criteriaActions } from "./criteria-actions.js";

const COLUMNS_HINT = "One criterion a row, under the columns Product, Target Audience, Criteria Type (General, Qualification, Mandatory or NTH), Criteria, Place, Search Query and Signals. A blank Product or Target Audience repeats the one above.";

export function fileHref(name) {
  return `#/criteria/${encodeURIComponent(name)}`;
}

export function productsSummary(products = []) {
  if (!products.length) return "—";
  return h("ul", { class: "plain" }, products.map((product) => h("li", {},
    h("strong", {}, product.name),
    product.audiences?.length ? ` · ${product.audiences.join(", ")}` : "",
    h("span", { class: "hint block" }, countsText(product.counts)))));
}

export function renderCriteriaList(context) {
  const { api } = context;
  let items = [];

  const fileInput = h("input", {
    id: "criteria-file", name: "file", type: "file", accept: CRITERIA_ACCEPT, "aria-describedby": "criteria-file-hint",
  });
  const nameInput = h("input", {
    id: "criteria-name", name: "name", type: "text", autocomplete: "off", maxLength: 64,
    "aria-describedby": "criteria-name-hint",
  });
  const uploadButton = h("button", { class: "button primary", type: "submit", id: "criteria-upload" }, "Upload criteria");
  const message = h("p", { class: "form-message", role: "alert", id: "criteria-message" });
  const status = h("p", { class: "hint", role: "status", id: "criteria-status" });
  const actionMessage = h("p", { class: "form-message", role: "alert", id: "criteria-action-message" });
  const body = h("tbody");
  const table = h("table", { class: "criteria-table", id: "criteria-table", hidden: true },
    h("caption", { class: "visually-hidden" }, "Criteria files"),
    h("thead", {}, h("tr", {},
      ["Name", "Products and audiences", "Criteria", "Uploaded", "Actions"]
        .map((name) => h("th", { scope: "col", class: name === "Criteria" ? "num" : null }, name)))),
    body);
  const empty = h("p", { class: "empty", hidden: true }, "No criteria files yet. Upload one above.");

  // Upload problems show by the form; replace and delete outcomes by the list.
  function reportUpload(text, isError) {
    message.textContent = isError ? text : "";
    actionMessage.textContent = "";
    status.textContent = isError ? "" : text;
  }

  function report(text, isError) {
    message.textContent = "";
    actionMessage.textContent = isError ? text : "";
    status.textContent = isError ? "" : text;
  }

  function rowFor(item) {
    return h("tr", { dataset: { criteria: item.name } },
      h("td", { "data-label": "Name" },
        h("a", { href: fileHref(item.name), class: "session-link" }, item.name),
        item.filename ? h("span", { class: "hint block" }, item.filename) : null),
      h("td", { "data-label": "Products" }, productsSummary(item.products)),
      h("td", { "data-label": "Criteria", class: "num" }, String(item.criteria_count ?? "—")),
      h("td", { "data-label": "Uploaded" }, h("time", { dateTime: item.uploaded_at || "" }, dateTime(item.uploaded_at))),
      h("td", { "data-label": "Actions" }, h("div", { class: "actions tight" },
        criteriaActions(context, item.name, { report, onReplaced: load, onDeleted: load }))));
  }

  async function load() {
    try {
      items = criteriaItems(await api.listCriteria());
    } catch (error) {
      report(`Criteria files could not be loaded: ${error.message}`, true);
      return;
    }
    replace(body, items.map(rowFor));
    table.hidden = items.length === 0;
    empty.hidden = items.length > 0;
  }

  const form = h("form", { class: "card", id: "criteria-form", novalidate: true },
    h("h2", {}, "Upload a criteria file"),
    h("label", { for: "criteria-file" }, "Criteria file (CSV, XLSX or XLS)"),
    fileInput,
    h("p", { class: "hint", id: "criteria-file-hint" }, COLUMNS_HINT),
    h("label", { for: "criteria-name" }, "Name (optional)"),
    nameInput,
    h("p", { class: "hint", id: "criteria-name-hint" },
      "How sessions refer to it: letters, digits, “.”, “_” or “-”, up to 64. Taken from the file name when empty."),
    message,
    h("div", { class: "actions" }, uploadButton));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    reportUpload("", false);
    const file = fileInput.files[0];
    if (!file) {
      reportUpload("Choose a criteria file first.", true);
      fileInput.focus();
      return;
    }
    const data = new FormData();
    data.append("file", file, file.name);
    if (nameInput.value.trim()) data.append("name", nameInput.value.trim());
    uploadButton.disabled = true;
    uploadButton.textContent = "Uploading…";
    try {
      const item = await api.uploadCriteria(data);
      const size = item?.criteria_count === undefined ? "" : `: ${criteriaCount(item.criteria_count)}`;
      reportUpload(`Uploaded “${item?.name || file.name}”${size}.`, false);
      form.reset();
      await load();
    } catch (error) {
      const hint = error.code === "criteria_exists"
        ? " Use Replace on that file below, or choose another name." : "";
      reportUpload(`“${file.name}” was refused: ${error.message}${hint}`, true);
    } finally {
      uploadButton.disabled = false;
      uploadButton.textContent = "Upload criteria";
    }
  });

  load();

  const element = h("section", { class: "view", id: "criteria-view" },
    h("div", { class: "view-header" }, h("h1", {}, "Criteria")),
    h("p", { class: "meta" },
      "Criteria files say, per product, what makes a company a fit. New sessions can qualify their companies against them, and so can finished ones (Qualify… on a session's page)."),
    form,
    h("section", { class: "card", "aria-labelledby": "criteria-files-title" },
      h("h2", { id: "criteria-files-title" }, "Your criteria files"),
      status,
      actionMessage,
      h("div", { class: "table-wrap" }, table),
      empty));
  return { element, title: "Criteria" };
}
