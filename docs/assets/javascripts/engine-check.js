// Asks once per page load whether this browser can run the calculator
// engine, and where it cannot, shows the words Python wrote for that case;
// and the offline panel's where it cannot run offline.js either.
//
// ES5 in a classic script, unlike the site's other scripts: a browser too old
// for the engine is often too old to parse calculators.js at all (Safari
// before 14, as on iPhones that stopped at iOS 12; Chrome before 85), so that
// module never ran there, and its calculators took typing with no word that
// nothing would answer.  This file stays within what such a browser reads.
(function () {
  "use strict";

  // A calculator page's preload hint asked already, in its head.  Otherwise
  // asked here, on every page, because instant navigation may bring a
  // calculator later; calculators.js and offline.js take this answer.
  var canRun = window.matchPlanBEngineCanRun;
  if (typeof canRun !== "boolean") {
    // Filled in by macros/runtime_assets.py: ENGINE_CAN_RUN, the expression
    // the preload hint asks too.
    canRun = window.matchPlanBEngineCanRun = /* engine check */ true;
  }
  if (canRun) return;

  // What calculators.js shows for the reason "old-browser", where it runs;
  // here for where it cannot.
  function sayEngineCannotRun() {
    var calculators = document.querySelectorAll(".mpb-calculator");
    for (var i = 0; i < calculators.length; i++) {
      var calculator = calculators[i];
      // A div: after instant navigation the no-script words are elements too.
      var off = calculator.querySelector("div.mpb-engine-off");
      if (!off) continue; // none is built without them; one must not stop the others
      var reasons = off.querySelectorAll("[class^='mpb-engine-off-']");
      for (var j = 0; j < reasons.length; j++) {
        reasons[j].hidden = reasons[j].className !== "mpb-engine-off-old-browser";
      }
      off.hidden = false;
      calculator.setAttribute("data-runtime", "failed");
      // Its form answers nothing here, so it takes no typing either.
      calculator.querySelector("fieldset").disabled = true;
    }
    afterPageScript(sayInStatusLines);
  }

  // The words go in the status line too, said by the first calculator only,
  // as calculators.js says a failure's: it went on saying it showed the
  // defaults' result beside a form switched off (jsread audit s44, 3).  Only
  // where calculators.js did not mount the calculator (it could not parse
  // it): where it runs, it says these words itself, and said twice they were
  // read out twice.
  function sayInStatusLines() {
    var calculators = document.querySelectorAll(".mpb-calculator:not([data-mounted]):not([data-said-off])");
    var speaks = true;
    for (var i = 0; i < calculators.length; i++) {
      var status = calculators[i].querySelector(".mpb-status-text");
      var words = calculators[i].querySelector("div.mpb-engine-off .mpb-engine-off-old-browser");
      if (!status || !words) continue;
      calculators[i].setAttribute("data-said-off", "true"); // once, though the page's words are checked again
      var region = status.parentNode;
      if (!speaks) region.setAttribute("aria-live", "off");
      status.textContent = words.textContent.replace(/\s+/g, " ").replace(/^ | $/g, "");
      if (!speaks) setTimeout(quietEnds(region), 500);
      speaks = false;
    }
  }

  function quietEnds(region) {
    return function () {
      region.setAttribute("aria-live", "polite");
    };
  }

  // Module scripts run once the page is parsed, and calculators.js mounts a
  // page that instant navigation brought in the same turn as this script's.
  function afterPageScript(then) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        setTimeout(then, 0);
      });
    } else setTimeout(then, 0);
  }

  // offline.js is ES2021: where `||=` cannot be parsed (Safari before 14) it
  // never runs, and the panel's Save button did nothing when pressed.  Only
  // a SyntaxError says so: a page whose security policy refuses
  // `new Function` (an EvalError) runs offline.js as it is (restricted-browser
  // audit s29, 3).
  var offlineScriptRuns = true;
  try {
    new Function("var a; a ||= 1;");
  } catch (error) {
    offlineScriptRuns = !(error instanceof SyntaxError);
  }

  function sayOfflineCannotBeSaved() {
    var panels = document.querySelectorAll(".mpb-offline");
    for (var i = 0; i < panels.length; i++) {
      var button = panels[i].querySelector(".mpb-offline-save");
      var words = panels[i].querySelector(".mpb-offline-unsupported");
      if (!button || !words) continue;
      button.disabled = true;
      words.hidden = false;
    }
  }

  function sayWhatCannotRun() {
    sayEngineCannotRun();
    if (!offlineScriptRuns) sayOfflineCannotBeSaved();
  }

  // Material's instant navigation swaps pages without running this again;
  // at the end of the body, without it, the page is already parsed.
  var pages = window.document$;
  if (pages && typeof pages.subscribe === "function") pages.subscribe(sayWhatCannotRun);
  else sayWhatCannotRun();
})();
