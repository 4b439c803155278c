// A guide's table wider than the window scrolls sideways in Material's
// wrapper, which Safari's keyboard cannot reach, and which a screen reader
// meets with no name.  Each wrapper that scrolls becomes a region that takes
// focus, named by words the page holds: the table's caption (the build gives
// each guide table one, from its section's heading) and main.html's "scrolls
// sideways".  Only while it scrolls: a table that fits is no extra Tab stop.
// A code block that scrolls is named by its section's heading the same way:
// Material makes one focusable only where the pointer can hover, so on any
// touch screen, a tablet's keyboard and a switch never reached the end of a
// command (phone audit s40, 1).
// A classic script, so a page opened from a folder (file://) runs it too.
(() => {
  const SIDEWAYS = "mpb-words-scrolls-sideways";
  const TABLE = "mpb-words-table";
  const scrolls = (box) => box.scrollWidth > box.clientWidth + 1;
  // The words of the heading whose section holds `node`, without its "¶"
  // link: wrapped in a span of their own, which a page's translation still
  // reaches.  Null before the page's first heading.
  const sectionWords = (node) => {
    for (let at = node; at && !at.matches(".md-content"); at = at.parentElement) {
      for (let before = at.previousElementSibling; before; before = before.previousElementSibling) {
        if (!/^H[1-6]$/.test(before.tagName) || !before.id) continue;
        const id = `${before.id}-words`;
        if (!document.getElementById(id)) {
          const words = document.createElement("span");
          words.id = id;
          words.append(...[...before.childNodes].filter((child) => !child.matches?.(".headerlink")));
          before.prepend(words);
        }
        return id;
      }
    }
    return null;
  };
  // Material sets or clears a code block's tabindex whenever the block
  // changes size, as a closed section opens; marked again after it.
  const resized = "ResizeObserver" in window ? new ResizeObserver(() => soon()) : null;
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
    for (const code of document.querySelectorAll(".md-typeset .highlight pre > code")) {
      resized?.observe(code);
      if (code.closest(".mpb-calculator")) continue;
      if (scrolls(code)) {
        const heading = sectionWords(code);
        code.tabIndex = 0;
        code.setAttribute("role", "region");
        code.setAttribute("aria-labelledby", heading ? `${heading} ${SIDEWAYS}` : SIDEWAYS);
      } else {
        code.removeAttribute("tabindex");
        code.removeAttribute("role");
        code.removeAttribute("aria-labelledby");
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
