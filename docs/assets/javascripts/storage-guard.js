// Material reads localStorage outside any try (the default argument of its
// __md_get and __md_set): where a browser refuses site data ("Block all
// cookies", a work or school policy) that throws on every page, the theme
// toggle vanishes and search never starts (restricted-browser audit s29).
// These replace Material's two helpers with the same behaviour, storage read
// inside a try.  In the head, after Material defines them and before anything
// calls them (docs/overrides/main.html); a classic script, for file:// too.
(function () {
  // Where a policy blocks inline scripts, Material's own definitions never ran.
  if (typeof window.__md_scope === "undefined") {
    window.__md_scope = new URL("../../", document.currentScript.src);
  }
  if (typeof window.__md_hash === "undefined") {
    window.__md_hash = function (text) {
      return Array.from(text).reduce(function (hash, c) {
        return (hash << 5) - hash + c.charCodeAt(0);
      }, 0);
    };
  }
  window.__md_get = function (key, storage, scope) {
    try {
      return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
    } catch (refused) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, scope) {
    try {
      (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value));
    } catch (refused) {
      // Nothing kept: the page works on without it, as Material's own does.
    }
  };
})();
