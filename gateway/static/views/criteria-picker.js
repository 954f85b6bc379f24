// "Qualify against": which criteria files, and optionally which of their products. Used
// by the new-session form and by the Qualify… dialog of a finished session.

import { h, replace } from "../dom.js";
import { criteriaCount, criteriaItems, productNames } from "../criteria.js";

const HINT = "Check every company against your products' criteria. Leave all products unticked to qualify for every product of the chosen files.";

function checkbox(id, value, label, hint) {
  const input = h("input", { id, type: "checkbox", value, "aria-describedby": hint ? `${id}-hint` : null });
  return {
    input,
    element: h("div", { class: "choice" },
      input,
      h("label", { for: id }, label),
      hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null),
  };
}

export function createCriteriaPicker(context, { id, legend = "Qualify against" }) {
  const { api } = context;
  let files = [];
  let fileBoxes = [];
  let productBoxes = [];
  let available = false;
  const onChange = new Set();

  const hint = h("p", { class: "hint", id: `${id}-hint` }, HINT);
  const fileList = h("div", { class: "choices", role: "group", "aria-label": "Criteria files" });
  const productList = h("div", { class: "choices" });
  const products = h("fieldset", { class: "products", hidden: true },
    h("legend", {}, "Products (optional)"), productList);
  const message = h("p", { class: "form-message", role: "alert", id: `${id}-message` });
  const element = h("fieldset", { class: "options criteria-picker", id, "aria-describedby": `${id}-hint` },
    h("legend", {}, legend), hint, fileList, products, message);

  function chosenFiles() {
    const names = ticked(fileBoxes);
    return files.filter((file) => names.has(file.name));
  }

  function ticked(boxes) {
    return new Set(boxes.filter((box) => box.input.checked).map((box) => box.input.value));
  }

  function drawProducts(kept = ticked(productBoxes)) {
    const names = productNames(chosenFiles());
    productBoxes = names.map((name, index) => {
      const box = checkbox(`${id}-product-${index}`, name, name);
      box.input.checked = kept.has(name);
      box.input.addEventListener("change", changed);
      return box;
    });
    replace(productList, productBoxes.map((box) => box.element));
    products.hidden = names.length === 0;
  }

  function changed() {
    for (const listener of onChange) listener();
  }

  function drawFiles() {
    fileBoxes = files.map((file, index) => {
      const names = (file.products || []).map((product) => product.name);
      const box = checkbox(`${id}-file-${index}`, file.name, file.name,
        `${names.join(", ") || "No products"} · ${criteriaCount(file.criteria_count ?? 0)}`);
      box.input.addEventListener("change", () => {
        drawProducts();
        changed();
      });
      return box;
    });
    if (files.length) replace(fileList, fileBoxes.map((box) => box.element));
    else {
      replace(fileList, h("p", { class: "hint" },
        "No criteria files yet. ", h("a", { href: "#/criteria" }, "Upload one on the Criteria page"), "."));
    }
  }

  // Choices survive a reload of the list, so reopening keeps what was ticked.
  async function load() {
    message.textContent = "";
    const [keptFiles, keptProducts] = [ticked(fileBoxes), ticked(productBoxes)];
    try {
      files = criteriaItems(await api.listCriteria());
    } catch (error) {
      files = [];
      message.textContent = `Criteria files could not be loaded: ${error.message}`;
    }
    drawFiles();
    for (const box of fileBoxes) box.input.checked = keptFiles.has(box.input.value);
    drawProducts(keptProducts);
    changed();
  }

  return {
    element,
    load,
    onChange: (listener) => onChange.add(listener),
    // Unavailable: the choices are greyed out, cleared, and the hint says why. Resolves
    // once the files are listed.
    setAvailable(isAvailable, reason) {
      available = isAvailable;
      element.disabled = !isAvailable;
      element.classList.toggle("disabled", !isAvailable);
      hint.textContent = isAvailable ? HINT : reason;
      if (isAvailable) return load();
      for (const box of [...fileBoxes, ...productBoxes]) box.input.checked = false;
      drawProducts();
      changed();
      return Promise.resolve();
    },
    focus() {
      (fileBoxes[0]?.input || element.querySelector("a"))?.focus();
    },
    selection() {
      if (!available) return { criteria: [], products: [] };
      return {
        criteria: [...ticked(fileBoxes)],
        products: [...ticked(productBoxes)],
      };
    },
  };
}
