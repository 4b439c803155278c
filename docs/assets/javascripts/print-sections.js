// Paper cannot be clicked, and CSS cannot open a closed <details>: every one
// in the page's text (a calculator's method, how its inputs moved the result,
// a guide's worked example) opens for printing and closes again after.
// Python marks the ones repeated per item (.mpb-print-if-opened), which print
// only as the reader left them.  A classic script apart from the calculators'
// module, so that a guide prints whole in a browser too old to run that
// module, or from a folder that cannot load one (bridge audit s31, 7).
(() => {
  // Material opens every <details> for printing too, in a listener that may
  // run before or after this one, so the reader's own choice is kept as it
  // happens (a toggle event reports a change after it is made; printing's
  // open and close come as one, after the print), and while the page prints
  // a section it did not open is closed again as soon as it opens: the
  // backup finder printed eleven sections it says it leaves out (print
  // audit s34, 1).
  const leftAsTheReaderLeftIt = (details) => {
    if (details.open && details.dataset.readerOpened !== "true") details.open = false;
  };
  const whilePrinting = new MutationObserver((records) => {
    for (const { target } of records) if (target.matches(".mpb-print-if-opened")) leftAsTheReaderLeftIt(target);
  });
  document.addEventListener(
    "toggle",
    ({ target }) => {
      if (target.matches?.(".mpb-print-if-opened")) target.dataset.readerOpened = String(target.open);
    },
    { capture: true },
  );
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll(".mpb-print-if-opened").forEach(leftAsTheReaderLeftIt);
    whilePrinting.observe(document.body, { attributes: true, attributeFilter: ["open"], subtree: true });
    for (const details of document.querySelectorAll(".md-content details:not([open], .mpb-print-if-opened)")) {
      details.open = true;
      details.dataset.openedForPrint = "true";
    }
  });
  window.addEventListener("afterprint", () => {
    whilePrinting.disconnect();
    for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
      details.open = false;
      delete details.dataset.openedForPrint;
    }
  });
})();
