// Progressive enhancement only: every intake form works without JavaScript.
(() => {
  const province = document.querySelector("[data-region-province]");
  const child = document.querySelector("[data-region-child]");
  const showChildrenOf = () => {
    if (!province || !child) return;
    for (const group of child.querySelectorAll("optgroup")) {
      const match = !province.value || group.dataset.province === province.value;
      group.hidden = !match;
      group.disabled = !match;
    }
    const selected = child.selectedOptions[0];
    if (selected && selected.parentElement instanceof HTMLOptGroupElement && selected.parentElement.disabled) {
      child.value = "";
    }
  };
  province?.addEventListener("change", showChildrenOf);
  showChildrenOf();

  const identityFields = document.querySelector("[data-identity-fields]");
  const syncIdentity = () => {
    const chosen = document.querySelector("[data-identity]:checked");
    identityFields?.classList.toggle("is-hidden", chosen?.value === "anonymous");
  };
  document.querySelectorAll("[data-identity]").forEach((input) => input.addEventListener("change", syncIdentity));
  syncIdentity();

  document.querySelector("[data-print]")?.addEventListener("click", () => window.print());
})();
