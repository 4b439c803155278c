// Reading without a connection.  A classic script, not a module: browsers
// refuse module scripts on pages opened from a folder (file://), and this one
// must run there too.  Every address is resolved from this script's own URL,
// never the page's, so the site works under any base path and on any page.
(() => {
  const SCRIPT_URL = new URL(document.currentScript.src);
  const SITE_ROOT = new URL("../../", SCRIPT_URL);
  const SERVICE_WORKER_URL = new URL("sw.js", SITE_ROOT);

  // Pages opened from disk.  The downloadable copy starts the calculators
  // through its classic loader (macros/offline_engine.py).  Any other page
  // read from disk cannot start them (its module script is refused), so say
  // so now in the words Python wrote at build time, keep the prerendered
  // result, and switch the form off rather than leave fields that look live
  // but change nothing.
  if (location.protocol === "file:") {
    if (document.querySelector('script[src$="calculators-offline.js"]')) return;
    for (const root of document.querySelectorAll(".mpb-calculator")) {
      const engineOff = root.querySelector(".mpb-engine-off");
      if (!engineOff || root.dataset.mounted) continue;
      root.dataset.runtime = "failed";
      engineOff.hidden = false;
      root.querySelector(".mpb-status-text").textContent = engineOff.querySelector("p").textContent;
      root.querySelector(".mpb-form fieldset").disabled = true;
    }
    return;
  }

  // The zip with no connection: the browser cancelled the download without
  // a word (offline-phone-print audit s35, 2).
  document.addEventListener("click", (event) => {
    const zip = event.target.closest?.(".mpb-offline-zip");
    const note = zip && document.querySelector(".mpb-offline-zip-offline");
    if (!note) return;
    note.textContent = "";
    if (navigator.onLine) return;
    event.preventDefault();
    // Emptied, then written a moment later: the same words written again
    // would be no change for a screen reader to announce.
    setTimeout(() => {
      note.textContent = note.dataset.offline;
    }, 100);
  });

  // Only the hosted build has a service worker; it names its web manifest,
  // which the downloadable copy (served from a folder) does not.  A browser
  // set to refuse site data ("Block all cookies", a work or school policy)
  // refuses the service worker and its caches as well: a press failed at
  // once, every time, and the panel blamed the connection (restricted-browser
  // audit s29, 2).  Said on every page that shows the panel, instant
  // navigation's included.
  const cannotKeep =
    !("serviceWorker" in navigator) || !document.querySelector('link[rel="manifest"]')
      ? "unsupported"
      : siteDataRefused()
        ? "refused"
        : null;
  if (cannotKeep) {
    const say = () => showCannotKeep(cannotKeep);
    if (typeof globalThis.document$?.subscribe === "function") globalThis.document$.subscribe(say);
    else say();
    return;
  }

  // A browser asking to save data gets no background downloads: nothing is
  // stored until the reader presses "Save for offline use".
  const saveData = Boolean(navigator.connection && navigator.connection.saveData);
  // Registering waits this long at most for a start to settle.  The page
  // gives up only after 20 s of silence (90 s while Python starts), and each
  // progress message restarts that clock, so a slow link's start can outlast
  // this: the storing then shares the line with it, as keeping the pages for
  // offline reading should not wait on the engine for good.
  const ENGINE_PATIENCE_MS = 120_000;
  // The first seconds after an engine is up belong to the reader's first
  // answers, and to the next start if they reload at once: the service
  // worker's storing (pages, then the runtime) outlives this page and, on
  // 2 cores, held a reload's start back by 0.4 s.
  const AFTER_ENGINE_MS = 2_000;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Shared by every caller while it runs; forgotten if it fails, so that a
  // later press asks again rather than failing at once on the old answer.
  let registering = null;
  function register() {
    registering ??= navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: SITE_ROOT.href, updateViaCache: "none" })
      .then(() => navigator.serviceWorker.ready)
      .catch((error) => {
        registering = null;
        throw error;
      });
    return registering;
  }

  // A new build's worker takes over at once (skipWaiting in sw.js); this page
  // came from the old one, so offer a reload, quietly.
  let controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) showUpdated();
    controlled = true;
    completeRuntime();
  });

  // A runtime kept in part (a new build's files, after an update) is
  // completed by the worker, for a reader who had it kept.  After a new
  // Pyodide the wasm is missing too, which only a page can keep (it decodes
  // the xz file): this page does, in the background, once per wasm address
  // in this browser, so a browser that will not keep it is not asked on
  // every page.  Otherwise that reader found every calculator dead offline
  // until one had run online again.  A page from before the update (it
  // offers a reload) would keep the older build's wasm, so it leaves this
  // to the next page, and its update note says to reload while online: a
  // reader who went offline after that one page found the calculators dead
  // (upgrade audit s30, 2).
  const WASM_ASKED_KEY = "matchplanb:runtime-refill-asked";
  // A fresh copy of the note's words, which main.html writes into every
  // page, hidden (undefined on a page without them).
  const updateWords = (part) => document.querySelector(`.mpb-update-words-${part}`)?.cloneNode(true);
  let reloadForOffline = false;
  function completeRuntime() {
    const worker = navigator.serviceWorker.controller;
    if (saveData || !worker) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      channel.port1.close();
      const keepWasm = wasmKeeper();
      if (!data?.keepWasm || !keepWasm) return;
      if (keepWasm.url !== data.keepWasm) {
        // Asked again once the engine has run (registerQuietly): said once.
        if (reloadForOffline) return;
        reloadForOffline = true;
        const note = document.querySelector(".mpb-updated");
        // Still empty, it is filled in a frame, with these words (showUpdated).
        if (note?.hasChildNodes()) note.append(" ", ...updateWords("offline").childNodes);
        return;
      }
      if (askedBefore(data.keepWasm)) return;
      keepWasm(() => {}).catch((error) => console.warn("Match Plan B: could not keep the calculators' runtime:", error));
    };
    worker.postMessage({ type: "complete-runtime" }, [channel.port2]);
  }

  function askedBefore(wasm) {
    try {
      if (localStorage.getItem(WASM_ASKED_KEY) === wasm) return true;
      localStorage.setItem(WASM_ASKED_KEY, wasm);
      return false;
    } catch {
      return true; // storage refused: no note to stop a download on every page
    }
  }

  function showUpdated() {
    // Every page of this build has the words; a page of another deploy
    // without them (it would come with its own script) gets no half note.
    if (document.querySelector(".mpb-updated") || !updateWords("note")) return;
    const note = document.createElement("div");
    note.className = "mpb-updated";
    note.setAttribute("role", "status");
    // The reader may be mid-edit: "Not now" leaves the page as it is.
    // Focus goes back where the reader was when the note came, or else
    // where they last were before it (removing the focused button dropped
    // focus to the body, and the next Tab started at the top), or else to
    // the text in view.
    const interrupted = lastPlace;
    const notNow = () => {
      // Read first: the removal may blur to nowhere.
      const back = interrupted?.isConnected ? interrupted : lastPlace;
      note.remove();
      document.removeEventListener("focusin", keepClear);
      document.documentElement.classList.remove("mpb-updated-shown");
      if (back?.isConnected) return back.focus();
      globalThis.matchPlanBFocusFirstInView?.(); // new-page-focus.js: the text in view
    };
    // Early in the Tab order, after Material's skip link: at the end of the
    // body it sat after the footer, 53 Tabs from a page's heading, though
    // drawn in a corner of the screen.  After the link's holder, not in it:
    // instant navigation replaces the holder with the next page's.
    const skip = document.querySelector('[data-md-component="skip"]');
    if (skip) skip.after(note);
    else document.body.prepend(note);
    // Put in empty and filled a frame later: a status that arrives already
    // holding its words is not reliably read out.
    requestAnimationFrame(() => {
      const words = updateWords("note");
      words.querySelector('[data-mpb-act="reload"]').addEventListener("click", () => location.reload());
      words.querySelector('[data-mpb-act="not-now"]').addEventListener("click", notNow);
      note.append(...words.childNodes);
      if (reloadForOffline) note.append(" ", ...updateWords("offline").childNodes);
      // It floats over the page: a field Tab or Shift+Tab scrolls to stops
      // clear of it (offline.css), where the note had covered it (a11y
      // audit s20, 4).
      const root = document.documentElement;
      const measure = () => root.style.setProperty("--mpb-updated-height", `${note.offsetHeight}px`);
      measure();
      new ResizeObserver(measure).observe(note);
      root.classList.add("mpb-updated-shown");
    });
    // The browser scrolls only to a field out of view: one already in view
    // under the note (a heading's link, say) is moved clear of it here.
    const keepClear = ({ target }) =>
      requestAnimationFrame(() => {
        if (!note.isConnected || note.contains(target) || !target.getBoundingClientRect) return;
        const field = target.getBoundingClientRect();
        const over = note.getBoundingClientRect();
        const apart = field.bottom <= over.top || field.top >= over.bottom || field.right <= over.left || field.left >= over.right;
        if (apart) return;
        const noteAtTop = over.top < innerHeight / 2;
        const top = noteAtTop ? field.top - over.bottom - 8 : field.bottom - over.top + 8;
        window.scrollBy({ top, behavior: "instant" });
      });
    document.addEventListener("focusin", keepClear);
  }

  // The reader's last place on the page, for "Not now" to give focus back
  // to: not the note, nor the header and skip link that Shift+Tab passes on
  // the way to it (a11y audit s20, 4); none once focus has gone nowhere.
  let lastPlace = null;
  document.addEventListener("focusin", ({ target }) => {
    if (!target.closest?.('.mpb-updated, .md-header, [data-md-component="skip"]')) lastPlace = target;
  });
  document.addEventListener("focusout", ({ relatedTarget }) => {
    if (relatedTarget === null && document.hasFocus()) lastPlace = null;
  });

  // Ask the worker to keep the calculator runtime, all but the wasm, which
  // the page keeps (keepWasm below); it reports the bytes it downloads.
  async function saveRuntime(onMessage) {
    const registration = await register();
    const channel = new MessageChannel();
    const finished = new Promise((resolve, reject) => {
      channel.port1.onmessage = ({ data }) => {
        onMessage?.(data);
        if (data.type === "done") resolve(data);
        if (data.type === "failed") reject(new Error(data.text));
      };
    });
    registration.active.postMessage({ type: "save-runtime" }, [channel.port2]);
    return finished;
  }

  // After a calculator has started, its runtime is in the browser's HTTP
  // cache; copying it into the worker's cache then costs no download.
  // One wait serves the whole visit, as instant navigation keeps the body it
  // watches: a wait per calculator page piled up while no engine ran, each
  // searching the page at every change of state (jsread audit s42, 5).
  let waitingForEngine = false;
  function keepRuntimeAfterACalculatorStarts() {
    if (waitingForEngine || saveData || !document.querySelector(".mpb-calculator")) return;
    waitingForEngine = true;
    whenEngine(() => document.querySelector('.mpb-calculator[data-runtime="ready"]')).then(async () => {
      await pause(AFTER_ENGINE_MS);
      saveRuntime().catch((error) => console.warn("Match Plan B: could not keep the calculators for offline use:", error));
    });
  }

  // Resolves with true once `condition()` holds, checked whenever a
  // calculator's engine changes state, or with false after `patience` ms.
  function whenEngine(condition, patience = Infinity) {
    return new Promise((resolve) => {
      if (condition()) return resolve(true);
      const watch = new MutationObserver(() => {
        if (!condition()) return;
        watch.disconnect();
        resolve(true);
      });
      watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-runtime"] });
      if (patience !== Infinity) setTimeout(() => watch.disconnect() || resolve(false), patience);
    });
  }

  function showState(panel, state) {
    for (const name of ["saving", "done", "no-engine", "old-browser", "failed", "unsupported", "refused"]) {
      const message = panel.querySelector(`.mpb-offline-${name}`);
      if (message) message.hidden = name !== state;
    }
  }

  function showCannotKeep(state) {
    for (const panel of document.querySelectorAll(".mpb-offline")) {
      const button = panel.querySelector(".mpb-offline-save");
      if (!button) continue;
      button.disabled = true;
      showState(panel, state);
    }
  }

  // Storage a browser refuses throws on the mere reading of its name.
  function siteDataRefused() {
    try {
      return localStorage === null;
    } catch {
      return true;
    }
  }

  // The wasm is the page's to keep (calculators.js): it downloads the xz
  // file, a quarter of the plain file's size, and decodes it, as a
  // calculator's start does.  The service worker downloads the rest.  Null
  // when the calculators' script is missing or did not run.
  const wasmKeeper = () => globalThis.matchPlanBKeepWasm ?? null;

  async function saveEverything(panel) {
    const button = panel.querySelector(".mpb-offline-save");
    const progress = panel.querySelector(".mpb-offline-progress");
    // Not `disabled`: that took focus from the button to the page's body for
    // the whole save and after it (a11y audit s20, 3).  Presses are ignored
    // while it says so (the click listener below).
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    // Asked now, on the reader's press: kept "best effort", a site's storage
    // is the first a browser clears when space runs short.  Firefox asks the
    // reader; Chromium decides by itself.  Either way the panel's words hold.
    navigator.storage?.persist?.().catch(() => {});
    progress.hidden = false;
    progress.removeAttribute("value"); // indeterminate while the pages are stored
    showState(panel, "saving");
    // Bytes downloaded of bytes to download, by the page and by the service
    // worker; the bar stays indeterminate until both have said how many.
    const keepWasm = wasmKeeper();
    // A browser that cannot run the engine (engine-check.js) keeps the pages
    // the service worker holds once it is active, and none of the runtime.
    const engineRuns = globalThis.matchPlanBEngineCanRun !== false;
    const counts = { page: keepWasm ? null : { loaded: 0, total: 0 }, worker: null };
    const show = () => {
      if (!counts.page || !counts.worker) return;
      const total = counts.page.total + counts.worker.total;
      if (!total) return;
      progress.max = total;
      progress.value = counts.page.loaded + counts.worker.loaded;
    };
    // Without the calculators' script the pages and the rest of the runtime
    // are still worth keeping.  Both halves are waited for, whichever fails:
    // the panel must not say "did not finish" and offer the button again
    // while the service worker is still downloading.  (Another page's button
    // pressed meanwhile joins both downloads under way rather than repeating
    // them: the wasm's in calculators.js, the rest in the service worker.)
    const [wasm, rest] = await Promise.allSettled([
      keepWasm?.((loaded, total) => {
        counts.page = { loaded, total };
        show();
      }),
      engineRuns
        ? saveRuntime(({ loaded, total }) => {
            if (total === undefined) return;
            counts.worker = { loaded, total };
            show();
          })
        : register(),
    ]);
    for (const half of [wasm, rest]) {
      if (half.status === "rejected") console.error("Match Plan B: saving for offline use failed:", half.reason);
    }
    if (wasm.status === "rejected" || rest.status === "rejected") showState(panel, "failed");
    else if (!engineRuns) showState(panel, "old-browser");
    else if (!keepWasm) {
      console.warn("Match Plan B: the calculators' script did not run, so their engine was not saved");
      showState(panel, "no-engine");
    } else showState(panel, "done");
    progress.hidden = true;
    button.removeAttribute("aria-disabled");
  }

  // One listener for every page, including pages swapped in by instant navigation.
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".mpb-offline-save");
    if (button) saveEverything(button.closest(".mpb-offline"));
  });

  // Registered once the page has loaded and, on a calculator page, a little
  // after its engine is up (or has given up): storing the pages (about
  // 0.5 MB) must not share a slow link with the downloads the reader is
  // waiting for, nor 2 cores with the first answers.
  const registerQuietly = () =>
    register()
      .then(completeRuntime)
      .catch((error) => console.warn("Match Plan B: offline reading is not available:", error));
  const engineSettled = () =>
    !document.querySelector('.mpb-calculator:not([data-runtime="ready"]):not([data-runtime="failed"])');
  const loaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  });
  const hasEngine = Boolean(document.querySelector(".mpb-calculator"));
  if (!saveData) {
    loaded
      .then(() => whenEngine(engineSettled, ENGINE_PATIENCE_MS))
      .then(() => hasEngine && pause(AFTER_ENGINE_MS))
      .then(registerQuietly);
  }

  // Material's instant navigation announces each new page on document$.
  if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
    globalThis.document$.subscribe(() => keepRuntimeAfterACalculatorStarts());
  } else {
    keepRuntimeAfterACalculatorStarts();
  }
})();
