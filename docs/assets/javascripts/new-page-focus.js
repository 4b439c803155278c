// Instant navigation swaps a page in without loading it, so neither focus nor
// a screen reader follows the reader: focus stays on the link they used, or
// falls to the body when that link was in the content just replaced.  Move it
// to the new page's heading, where a page load would start reading.  A jump
// to an anchor is Material's to place.  A classic script, so a page opened
// from a folder (file://), where there is no instant navigation, runs it too.
(() => {
  let firstPage = true;
  // Back and Forward return to where the reader was; Material restores it.
  let returning = false;
  window.addEventListener("popstate", () => (returning = true));
  globalThis.document$?.subscribe?.(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    const back = returning;
    returning = false;
    if (location.hash.length > 1) return;
    const heading = document.querySelector(".md-content h1");
    if (!heading) return;
    heading.tabIndex = -1;
    // Material now and then leaves a new page scrolled where the old one was;
    // a page without an anchor starts at its top, where its heading is.
    if (!back) window.scrollTo(0, 0);
    heading.focus({ preventScroll: true });
  });
})();
