// Paper cannot be clicked, and CSS cannot open a closed <details>: every one
// in the page's text (a calculator's method, how its inputs moved the result,
// a guide's worked example) opens for printing and closes again after.
// Python marks the ones repeated per item (.mpb-print-if-opened), which print
// only as the reader left them.  A classic script apart from the calculators'
// module, so that a guide prints whole in a browser too old to run that
// module, or from a folder that cannot load one (bridge audit s31, 7).
(() => {
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll(".md-content details:not([open], .mpb-print-if-opened)")) {
      details.open = true;
      details.dataset.openedForPrint = "true";
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
      details.open = false;
      delete details.dataset.openedForPrint;
    }
  });
})();
