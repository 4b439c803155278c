// Material opens its navigation drawer from a <label> the keyboard cannot
// reach, names the toggles of its sections by an icon alone, and, in dark
// mode, sends Tab to a colour-scheme switch the reader cannot see.  A real
// button, with the label's icon, takes the menu label's place (a label given
// the button role is not allowed one, and axe says so), and each toggle is
// named after its section.  A classic script, so a downloaded copy (file://)
// runs it too; run again after instant navigation, which may swap the header.
// Without scripts the label stays, and a pointer still opens the drawer.
(() => {
  const drawer = () => document.getElementById("__drawer");
  // Counted across instant navigations, so no two section links share an id.
  let sections = 0;
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
      const toggle = drawer();
      if (!toggle) return;
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
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
  const prepare = () => {
    checkShownScheme();
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
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(prepare);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
