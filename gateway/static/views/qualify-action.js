// "Qualify…" on a completed session: choose criteria, and a new session qualifies the
// same companies from their known websites. It opens ready to start.

import { h } from "../dom.js";
import { readCapabilities } from "../capabilities.js";
import { createCriteriaPicker } from "./criteria-picker.js";

export function createQualifyAction(context, sessionId) {
  const { api } = context;
  const picker = createCriteriaPicker(context, { id: "qualify-again", legend: "Criteria" });
  const button = h("button", {
    class: "button secondary", type: "button", id: "qualify-session", hidden: true, "aria-haspopup": "dialog",
  }, "Qualify…");
  const message = h("p", { class: "form-message", role: "alert", id: "qualify-message" });
  const submit = h("button", { class: "button primary", type: "submit", id: "qualify-submit" }, "Create qualification session");
  const close = h("button", { class: "button secondary", type: "button" }, "Cancel");
  const form = h("form", { novalidate: true },
    h("h2", { id: "qualify-title" }, "Qualify these companies"),
    h("p", { class: "hint" },
      "A new session checks the companies of this one against the criteria you choose, starting from the websites already found."),
    picker.element,
    message,
    h("div", { class: "dialog-actions" }, close, submit));
  const dialog = h("dialog", { class: "dialog wide", id: "qualify-dialog", "aria-labelledby": "qualify-title" }, form);

  function updateSubmit() {
    submit.disabled = picker.selection().criteria.length === 0;
  }
  picker.onChange(updateSubmit);

  button.addEventListener("click", async () => {
    message.textContent = "";
    dialog.showModal();
    updateSubmit();
    try {
      const caps = readCapabilities(await context.capabilities());
      await picker.setAvailable(caps.qualification, caps.qualificationReason);
      // The dialog opened before the files were listed: start on the first of them.
      if (dialog.open && caps.qualification) picker.focus();
    } catch (error) {
      picker.setAvailable(false, `Unavailable: the server's capabilities could not be read (${error.message}).`);
    }
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => button.focus());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const selection = picker.selection();
    if (!selection.criteria.length) {
      message.textContent = "Choose at least one criteria file.";
      return;
    }
    submit.disabled = true;
    message.textContent = "";
    try {
      const created = await api.qualify(sessionId, selection);
      context.store.put(created);
      dialog.close();
      window.location.hash = `#/sessions/${encodeURIComponent(created.session_id)}`;
    } catch (error) {
      message.textContent = `The qualification session could not be created: ${error.message}`;
      submit.disabled = false;
    }
  });

  return {
    button,
    dialog,
    update(session) {
      button.hidden = session.status !== "completed";
    },
  };
}
