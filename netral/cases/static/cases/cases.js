// Case pages: progressive enhancement only; every form works without JavaScript.
(() => {
  // "Check all" for the bulk actions on the queue page.
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.hasAttribute("data-check-all")) {
      box.form?.querySelectorAll("input[name=cases]").forEach((pick) => {
        pick.checked = box.checked;
      });
    }
    if (box instanceof HTMLSelectElement && box.name === "action" && box.form?.id === "bulk-form") {
      showBulkFields(box.form);
    }
  });

  // Show only the fields the chosen bulk action needs.
  function showBulkFields(form) {
    const action = form.querySelector("select[name=action]")?.value || "";
    form.querySelectorAll("[data-bulk-for]").forEach((part) => {
      part.hidden = !part.getAttribute("data-bulk-for").split(" ").includes(action);
    });
  }

  function init() {
    const form = document.getElementById("bulk-form");
    if (form) showBulkFields(form);
  }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSwap", init);
})();
