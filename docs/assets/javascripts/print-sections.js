// Paper cannot be clicked, and CSS cannot open a closed <details>: every one
// in the page's text (a calculator's method, how its inputs moved the result,
// a guide's worked example) opens for printing and closes again after.
// Python marks the ones repeated per item (.mpb-print-if-opened), which print
// only as the reader left them.  A classic script apart from the calculators'
// module, so that a guide prints whole in a browser too old to run that
// module, or from a folder that cannot load one (bridge audit s31, 7).
(() => {
  // Material opens every <details> for printing too, in listeners it adds as
  // it mounts each one, after this script's (below).  So what the reader
  // left open is read as printing starts, and while the page prints a
  // section the reader did not open is closed again as soon as it opens: the
  // backup finder printed eleven sections it says it leaves out (print
  // audit s34, 1).
  const leftAsTheReaderLeftIt = (details) => {
    if (details.open && details.dataset.readerOpened !== "true") details.open = false;
  };
  // "Print only my plan", a button the timeline's result offers (Python
  // renders it): the page is marked while that print runs, and
  // calculators.css leaves the form, the method and the guide off paper.
  // Printed whole, the plan came with some 6,000 words around it (planner
  // audit s54, 7).  Asked for by the click, the mark is set (or cleared, for
  // the browser's own Print) as printing starts, so it never outlives the
  // print it was for.  Listened for on the document: each answer replaces
  // the result, and instant navigation the page.
  const PLAN_ONLY = "mpb-print-plan-only";
  let planOnlyAsked = false;
  const clearPlanOnly = () => document.documentElement.classList.remove(PLAN_ONLY);
  // Where afterprint never fires (some mobile browsers), the mark stayed set
  // until the next beforeprint, and where that never fires either, the
  // browser's own Print then printed the plan alone (diff review s55b, 8).
  // So the print media query's end clears it too, as does the page's return
  // to focus or to view once the print dialog has gone.  Only print styles
  // read the mark, so clearing it late or twice changes nothing on screen.
  const printMedia = window.matchMedia("print");
  const printEnded = () => {
    if (!printMedia.matches) clearPlanOnly();
  };
  // addListener: Safari before 14 has no addEventListener on a media query.
  if (printMedia.addEventListener) printMedia.addEventListener("change", printEnded);
  else printMedia.addListener(printEnded);
  window.addEventListener("focus", clearPlanOnly);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") clearPlanOnly();
  });
  document.addEventListener("click", (event) => {
    // Without optional chaining: a browser too old for the calculators' module
    // still reads this script (above).
    if (!(event.target instanceof Element && event.target.closest(".mpb-print-plan"))) return;
    planOnlyAsked = true;
    document.documentElement.classList.add(PLAN_ONLY);
    window.print();
  });
  const whilePrinting = new MutationObserver((records) => {
    for (const { target } of records) if (target.matches(".mpb-print-if-opened")) leftAsTheReaderLeftIt(target);
  });
  // What is open when printing starts is what the reader left open: read
  // then.  This script runs as the page is parsed, so its listener comes
  // before those Material adds as it mounts each section (on document$, even
  // after instant navigation).  A toggle event, which this was learnt from,
  // comes a task after the change, so a section opened just before printing
  // was closed as one the reader had not opened, on paper and, once that
  // event came, on screen too (flakes audit s39, 1).
  window.addEventListener(
    "beforeprint",
    () => {
      document.documentElement.classList.toggle(PLAN_ONLY, planOnlyAsked);
      planOnlyAsked = false;
      for (const details of document.querySelectorAll(".mpb-print-if-opened")) {
        details.dataset.readerOpened = String(details.open);
      }
      whilePrinting.observe(document.body, { attributes: true, attributeFilter: ["open"], subtree: true });
      for (const details of document.querySelectorAll(".md-content details:not([open], .mpb-print-if-opened)")) {
        details.open = true;
        details.dataset.openedForPrint = "true";
      }
    },
  );
  window.addEventListener("afterprint", () => {
    clearPlanOnly();
    whilePrinting.disconnect();
    for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
      details.open = false;
      delete details.dataset.openedForPrint;
    }
  });
})();
