// A guide's table wider than a phone scrolls sideways in Material's wrapper,
// which Safari's keyboard cannot reach, and which a screen reader meets with
// no name.  Each wrapper that scrolls becomes a named region that takes
// focus, as the calculators' own wide tables are built.  A classic script, so
// a page opened from a folder (file://) runs it too.
(() => {
  const label = (wrapper) => {
    const caption = wrapper.querySelector("caption")?.textContent.trim();
    if (caption) return `${caption} (scrolls sideways)`;
    let node = wrapper.closest(".md-typeset__table") ?? wrapper;
    while ((node = node.previousElementSibling) && !/^H[1-6]$/.test(node.tagName));
    const heading = node?.textContent.replace("¶", "").trim();
    return heading ? `Table: ${heading} (scrolls sideways)` : "Table (scrolls sideways)";
  };
  const mark = () => {
    for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrapper.closest(".mpb-calculator")) continue; // built as regions already
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", label(wrapper));
      } else if (wrapper.getAttribute("role") === "region") {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    }
  };
  let timer = 0;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(mark, 200);
  };
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(soon);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", soon);
  else soon();
  window.addEventListener("resize", soon);
})();
