// Material downloads its search index as soon as a page loads, and its search
// worker then builds it into a lunr index.  On a page with a calculator that
// work competes with the calculator engine's start for the reader's
// processor and connection.  So on such a page the index waits until the
// engine is running (or has failed), or until the reader opens the search,
// whichever comes first.
//
// A classic script placed just before Material's bundle (by
// docs/overrides/main.html), because the bundle asks for the index, by
// XMLHttpRequest, the moment it runs.  Every other request passes straight
// through.
(() => {
  const INDEX = "/search/search_index.json";
  const { open, send } = XMLHttpRequest.prototype;
  const held = new WeakSet();
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const isIndex = new URL(String(url), window.location.href).pathname.endsWith(INDEX);
    if (isIndex && document.querySelector(".mpb-calculator")) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    held.delete(this);
    released.then(() => send.call(this, body));
  };
  // Sent by calculators.js once the engine is ready or has failed; released
  // a task later, once the page shows it.
  window.addEventListener("matchplanb:engine", () => setTimeout(release));
  // Opening the search: by its field, its icon or a keyboard shortcut.
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") release();
  });
})();
