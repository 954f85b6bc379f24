// A row left for review: Accept or Reject its candidates (listed in its Error cell).
// The decision is stored by the server (POST /rows/{row}/review) and shows everywhere
// the row does: pages, filters and downloads.

import { h } from "../dom.js";
import { field } from "./cells.js";

export function reviewCell(row, decide) {
  const status = field(row, "Row_Status", "row_status");
  if (status !== "needs_review") return null;
  const name = field(row, "Company_Name", "company_name");
  const button = (decision, label) => {
    const element = h("button", {
      type: "button", class: "button small", dataset: { decision },
      "aria-label": `${label} the candidate for ${name}`,
    }, label);
    element.addEventListener("click", async () => {
      for (const other of element.parentElement.querySelectorAll("button")) other.disabled = true;
      if (!(await decide(row, decision))) {
        for (const other of element.parentElement.querySelectorAll("button")) other.disabled = false;
      }
    });
    return element;
  };
  return h("div", { class: "review" },
    h("div", { class: "review-actions" }, button("accept", "Accept"), button("reject", "Reject")));
}
