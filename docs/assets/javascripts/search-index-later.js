// Material downloads its search index as soon as a page loads, and its search
// worker then builds it into a lunr index: 0.5-2 s of a processor on every
// full page load (search audit s26, 5), on a calculator page just as the
// engine starts or the reader begins to type, and for nothing if the reader
// never searches.  So the index waits until the reader reaches for the
// search: the pointer over its field or icon, a touch, the field focused by
// Tab or a keyboard shortcut.  Material says "Initializing search" meanwhile.
// The service worker keeps the index for offline reading by itself.
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
    if (new URL(String(url), window.location.href).pathname.endsWith(INDEX)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    held.delete(this);
    released.then(() => send.call(this, body));
  };
  const SEARCH = ".md-search__input, label[for='__search']";
  const reaching = (event) => {
    if (event.target instanceof Element && event.target.closest(SEARCH)) release();
  };
  // A head start: the pointer comes to the field or its icon before the click.
  document.addEventListener("pointerover", reaching);
  document.addEventListener("focusin", reaching);
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") release();
  });
})();
