// Material's search results are links wrapping an <article>, which gives a
// link no name from its content: a screen reader arrowing through results
// heard "link" and nothing more.  Each result link is named by its heading.
// A classic script, so a downloaded copy (file://) runs it too.
(() => {
  const name = (list) => {
    for (const link of list.querySelectorAll("a.md-search-result__link:not([aria-label])")) {
      const heading = link.querySelector("h1, h2, h3")?.textContent.trim();
      if (heading) link.setAttribute("aria-label", heading);
    }
  };
  const watched = new WeakSet();
  const watch = () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list || watched.has(list)) return;
    watched.add(list);
    name(list);
    new MutationObserver(() => name(list)).observe(list, { childList: true, subtree: true });
  };
  // Instant navigation may swap the header, and the list with it.
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(watch);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
