// A guide's table wider than the window scrolls sideways in Material's
// wrapper, which Safari's keyboard cannot reach, and which a screen reader
// meets with no name.  Each wrapper that scrolls becomes a region that takes
// focus, named by words the page holds: the table's caption (the build gives
// each guide table one, from its section's heading) and main.html's "scrolls
// sideways".  Only while it scrolls: a table that fits is no extra Tab stop.
// A classic script, so a page opened from a folder (file://) runs it too.
(() => {
  const SIDEWAYS = "mpb-words-scrolls-sideways";
  const TABLE = "mpb-words-table";
  const scrolls = (box) => box.scrollWidth > box.clientWidth + 1;
  const mark = () => {
    // Python builds the reference tables (the data page's, a guide's dates)
    // as regions that take focus, as they must with scripts off; one that
    // fits the window is no Tab stop (tablet audit s32, 3).  A calculator's
    // are left alone: each new answer draws them again.
    for (const region of document.querySelectorAll(".mpb-scroll")) {
      if (region.closest(".mpb-calculator")) continue;
      if (scrolls(region)) region.tabIndex = 0;
      else region.removeAttribute("tabindex");
    }
    for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
      // The calculators' and the data page's tables sit in regions of their
      // own, built by Python, whose wrapper here does not scroll.
      if (wrapper.closest(".mpb-calculator, .mpb-scroll")) continue;
      if (scrolls(wrapper)) {
        const caption = wrapper.querySelector("caption[id]");
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-labelledby", `${caption?.id ?? TABLE} ${SIDEWAYS}`);
      } else if (wrapper.getAttribute("role") === "region") {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-labelledby");
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
