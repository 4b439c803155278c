// Material opens its navigation drawer from a <label> the keyboard cannot
// reach, and names the toggles of its sections by an icon alone.  The menu
// label becomes a button that Enter or Space works, and each toggle is named
// after its section.  A classic script, so a downloaded copy (file://) runs it
// too; run again after instant navigation, which may swap the header.
(() => {
  const drawer = () => document.getElementById("__drawer");
  const asButton = (label, name) => {
    if (label.dataset.mpbKeyboard) return;
    label.dataset.mpbKeyboard = "true";
    label.tabIndex = 0;
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", name);
    const sync = () => label.setAttribute("aria-expanded", String(Boolean(drawer()?.checked)));
    sync();
    drawer()?.addEventListener("change", sync);
    // Material itself clicks a focused label on Enter (its section toggles
    // rely on it), so only Space, which a button also answers, is added.
    label.addEventListener("keydown", (event) => {
      if (event.key !== " ") return;
      event.preventDefault();
      const toggle = drawer();
      if (!toggle) return;
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    });
  };
  const prepare = () => {
    const menu = document.querySelector('.md-header label[for="__drawer"]');
    if (menu) asButton(menu, "Site navigation");
    for (const toggle of document.querySelectorAll('label.md-nav__link[for^="__nav_"][tabindex]')) {
      if (toggle.getAttribute("aria-label") || toggle.textContent.trim()) continue;
      const section = toggle.parentElement?.querySelector("a")?.textContent.trim();
      if (section) toggle.setAttribute("aria-label", `Pages under ${section}`);
    }
  };
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(prepare);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
