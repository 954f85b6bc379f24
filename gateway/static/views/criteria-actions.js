// Replace and Delete for one criteria file, on the list and on the file's own page.

import { confirmedAction } from "../components.js";
import { h } from "../dom.js";

export const CRITERIA_ACCEPT = ".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel";

// `report(text, isError)` shows the outcome; `onReplaced(item)` and `onDeleted()` follow
// a success.
export function criteriaActions(context, name, { report, onReplaced, onDeleted }) {
  const { api } = context;
  // The button opens the browser's file chooser, so the input itself stays out of the
  // tab order.
  const input = h("input", {
    type: "file", class: "visually-hidden", accept: CRITERIA_ACCEPT, tabindex: "-1", "aria-hidden": "true",
  });
  const replaceButton = h("button", {
    class: "button small secondary", type: "button", "aria-label": `Replace ${name}`, dataset: { action: "replace" },
  }, "Replace…");
  const deleteButton = h("button", {
    class: "button small danger", type: "button", "aria-label": `Delete ${name}`, dataset: { action: "delete" },
  }, "Delete");

  replaceButton.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const form = new FormData();
    form.append("file", file, file.name);
    replaceButton.disabled = true;
    replaceButton.textContent = "Uploading…";
    try {
      const item = await api.replaceCriteria(name, form);
      report(`Replaced “${name}” with ${file.name}.`, false);
      onReplaced(item);
    } catch (error) {
      report(`“${file.name}” was refused: ${error.message}`, true);
    } finally {
      input.value = "";
      replaceButton.disabled = false;
      replaceButton.textContent = "Replace…";
      replaceButton.focus();
    }
  });

  const deleteDialog = {
    title: `Delete the criteria file “${name}”?`,
    text: "New sessions can no longer qualify against it. Sessions that already used it keep their results.",
    yes: "Delete criteria",
    no: "Keep it",
  };
  confirmedAction(deleteButton, context.confirm, deleteDialog, async () => {
    try {
      await api.removeCriteria(name);
      report(`Deleted “${name}”.`, false);
      onDeleted();
    } catch (error) {
      report(`“${name}” could not be deleted: ${error.message}`, true);
    }
  });

  return [replaceButton, input, deleteButton];
}
