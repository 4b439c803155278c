// Material opens its navigation drawer from a <label> the keyboard cannot
// reach, names the toggles of its sections by an icon alone, and, in dark
// mode, sends Tab to a colour-scheme switch the reader cannot see.  A real
// button, with the label's icon, takes the menu label's place (a label given
// the button role is not allowed one, and axe says so), and each toggle is
// named after its section.  Open, the drawer behaves as a dialog for the
// keyboard: focus goes into it, Escape closes it, and focus leaving it closes
// it; the back control of a section's panel, and the current page's contents
// list, which Material offers to a pointer only, take focus too.  A classic
// script, so a downloaded copy (file://) runs it too; run again after instant
// navigation, which may swap the header.  Without scripts the label stays, and
// a pointer still opens the drawer.
(() => {
  const drawer = () => document.getElementById("__drawer");
  const sidebar = () => document.querySelector(".md-sidebar--primary");
  // Counted across instant navigations, so no two section links share an id.
  let sections = 0;
  let titles = 0;
  // Focus follows the drawer for the keyboard only: moved on a tap or a
  // click, it left a link the reader had not chosen lit in Material's accent
  // beside the current page's (diff review s32).
  let byKeyboard = false;
  document.addEventListener("keydown", () => (byKeyboard = true), true);
  document.addEventListener("pointerdown", () => (byKeyboard = false), true);
  const setDrawer = (open) => {
    const toggle = drawer();
    if (!toggle || toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  };
  // The first link or toggle of the panel shown (navigation.css hides the
  // rest), after its title, the back control, which Shift+Tab reaches.
  const firstShown = (within) =>
    [...within.querySelectorAll('a[href], label[tabindex="0"]:not(.md-nav__title)')].find(
      (node) => getComputedStyle(node).visibility === "visible" && node.getClientRects().length > 0,
    );
  const replaceWithButton = (label, nameId) => {
    if (label.dataset.mpbReplaced) return;
    label.dataset.mpbReplaced = "true";
    const button = document.createElement("button");
    button.type = "button";
    button.className = `${label.className} mpb-menu-button`;
    button.setAttribute("aria-labelledby", nameId);
    button.append(...[...label.childNodes].map((node) => node.cloneNode(true)));
    const sync = () => button.setAttribute("aria-expanded", String(Boolean(drawer()?.checked)));
    sync();
    drawer()?.addEventListener("change", sync);
    button.addEventListener("click", () => {
      const opening = !drawer()?.checked;
      setDrawer(opening);
      const into = opening && byKeyboard && sidebar() && firstShown(sidebar());
      if (into) into.focus();
    });
    label.before(button);
  };
  // Until the reader picks a colour scheme, Material follows the system's
  // and leaves both of its radios unchecked, so Tab lands on the first one,
  // "Switch to dark mode", whose label is hidden in dark mode: no focus ring,
  // a name that says the opposite of what Enter does (audit s25,
  // contrast-modes 3).  Checking the radio of the scheme shown sends Tab to
  // the one whose label is on screen.
  const checkShownScheme = () => {
    const palette = document.querySelector('[data-md-component="palette"]');
    if (!palette || palette.querySelector(".md-option:checked")) return;
    const shown = document.body.getAttribute("data-md-color-scheme");
    const option = palette.querySelector(`.md-option[data-md-color-scheme="${shown}"]`);
    if (option) option.checked = true;
  };
  // A panel's title is its back control, the current page's entry opens its
  // contents, and the current section's toggle (tabindex="", which takes no
  // focus) opens it again after going back: Material answers Enter on a
  // label that takes focus.
  const reachable = (root) => {
    const labels = 'label.md-nav__title[for^="__nav_"], label[for="__toc"], label.md-nav__link[for^="__nav_"][tabindex=""]';
    for (const label of root.querySelectorAll(labels)) {
      if (label.tabIndex === 0) continue;
      label.tabIndex = 0;
      if (!label.matches(".md-nav__title")) continue;
      label.id ||= `mpb-nav-title-${++titles}`;
      label.setAttribute("aria-labelledby", `mpb-words-back-from ${label.id}`);
    }
  };
  // After a panel opens or closes, the control that opened it is hidden or
  // shown again: focus goes to the panel's first link, or back to that
  // control.  Once Material has handled the key, which leaves focus on the
  // page's body.
  const followPanel = (event) => {
    const toggle = event.target;
    if (!byKeyboard || !toggle.matches?.(".md-sidebar--primary input.md-nav__toggle") || !drawer()?.checked) return;
    setTimeout(() => {
      const panel = toggle.parentElement.querySelector(":scope > nav");
      const opener = toggle.parentElement.querySelector(`label[for="${toggle.id}"]:not(.md-nav__title)`);
      const next = toggle.checked ? panel && firstShown(panel) : opener;
      next?.focus();
    });
  };
  const prepare = () => {
    checkShownScheme();
    const nav = sidebar();
    if (nav) reachable(nav);
    // Named by words main.html writes into the page (and the section's own
    // link), which a browser's translation reaches, as it never does an
    // aria-label (bridge audit s31, 4).
    const menu = document.querySelector('.md-header label[for="__drawer"]');
    if (menu) replaceWithButton(menu, "mpb-words-site-navigation");
    for (const toggle of document.querySelectorAll('label.md-nav__link[for^="__nav_"][tabindex]')) {
      if (toggle.getAttribute("aria-labelledby") || toggle.textContent.trim()) continue;
      const section = toggle.parentElement?.querySelector("a");
      if (!section?.textContent.trim()) continue;
      section.id ||= `mpb-nav-section-${++sections}`;
      toggle.setAttribute("aria-labelledby", `mpb-words-pages-under ${section.id}`);
    }
  };
  document.addEventListener("change", followPanel);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !drawer()?.checked) return;
    setDrawer(false);
    document.querySelector(".mpb-menu-button")?.focus();
  });
  // Focus that leaves the open drawer (Tab past its last link) closes it, as
  // a pointer's click on the scrim does, instead of moving on behind it.
  document.addEventListener("focusin", (event) => {
    if (!drawer()?.checked || event.target.closest?.(".md-sidebar--primary, .mpb-menu-button")) return;
    setDrawer(false);
  });
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(prepare);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
