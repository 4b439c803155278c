// Material's search results are links wrapping an <article>, which gives a
// link no name from its content: a screen reader arrowing through results
// heard "link" and nothing more.  Each result link is named by its heading:
// by reference, not a copy of its words, which a browser's page translation
// would leave in English (translate audit s28, 5).  A classic script, so a
// downloaded copy (file://) runs it too.
(() => {
  let named = 0;
  const name = (list) => {
    for (const link of list.querySelectorAll("a.md-search-result__link:not([aria-labelledby])")) {
      const heading = link.querySelector("h1, h2, h3");
      if (!heading) continue;
      if (!heading.id) heading.id = `mpb-search-result-${++named}`; // not ||=: Chrome 80-84 cannot parse it
      link.setAttribute("aria-labelledby", heading.id);
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
