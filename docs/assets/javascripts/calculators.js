// Mounts every calculator on a page and carries values between its form and
// one Python worker.  Python decides everything a reader sees (validation
// messages, results, which saved values to accept); this module moves
// strings, so the live result can never disagree with the built page.  Where
// only the page knows the state (why the engine failed, whether a result is
// still for the form as it is), it picks among words Python wrote.

// Filled in by macros/runtime_assets.py at build time, as in the worker.  The
// page fetches the wasm itself (see compileRuntime), so besides the build and
// the runtime folder it reads that download's address, size and decoder, and
// the progress bar's total; which files come compressed is the worker's part.
const BUILD = /* build manifest */ {};
// Named by this script's build: the worker's address is otherwise the same
// from one deploy to the next, and a host's HTTP cache could hand this script
// the previous deploy's engine (the worker checks the build it is asked for).
const WORKER_URL = new URL(`./calculator-worker.js?build=${BUILD.build}`, import.meta.url);
const XZ_DECODER_URL = new URL("./xz-decoder.js", import.meta.url);
// Read here, as the module runs: the offline copy's classic version of this
// script reads its own address from document.currentScript, which is null by
// the time a function runs (offline_engine.classic_calculators).
const RUNTIME_FOLDER = new URL(BUILD.runtimeDir, import.meta.url);
// Set only in the offline copy read from a folder (file://), where a worker
// cannot start from a file: its classic loader (macros/offline_loader.js)
// starts this same worker from a data: URL instead, adds the runtime files to
// the start message's config and holds later messages until they are ready.
const ENGINE_FROM_MEMORY = globalThis.matchPlanBEngineFromMemory;
const PROFILE_KEY = "matchplanb:profile";
// Set and at once removed by "Forget my answers", so the site's other tabs
// hear it (a storage event) and drop what they keep; unticking Remember,
// which also removes PROFILE_KEY, must not (shared-computer audit s35, 2).
const FORGET_KEY = "matchplanb:forget";
// The service worker's runtime cache (offline-worker.js).  The page keeps its
// decoded copy of the wasm there: later visits compile it from there, which
// keeps Chromium's compiled code, and the service worker serves it offline.
const RUNTIME_CACHE = "match-plan-b-runtime";
// The address of the decoded wasm this browser keeps in Cache Storage, noted
// where the preload hint in a calculator page's head can read it at once
// (runtime_assets.py): a page that will compile the kept copy then leaves
// the 2.64 MB download alone.  Not an answer the reader gave.
const RUNTIME_KEPT_KEY = "matchplanb:runtime-kept";
const WASM_HEADERS = { "Content-Type": "application/wasm" };
const TYPING_PAUSE_MS = 250;
// The result follows the reader's typing at once, but the status line, a live
// region, speaks only once they pause: a screen reader heard a whole summary
// for "1" on the way to "12", and one for every option an arrow key passed.
const ANNOUNCE_PAUSE_MS = 1000;
// A typed field waits longer: a reader finding each key by touch with a
// screen reader can take more than a second a key, and at a 1 s pause heard
// "under 1% matched" for the "2" and the "23" of 235 (announce audit s34, 1).
// Leaving the field or pressing Enter commits what was typed, and its answer
// is said at once.  A date control's change comes with every part typed,
// so it waits as typing does, until the reader leaves it.
const TYPED_ANNOUNCE_PAUSE_MS = 2500;
const TYPED_FIELDS = 'input[type="text"], input[type="date"], textarea';
const COMMITTED_BY_CHANGE = 'input[type="text"], textarea';
// What the page sends for a date its control cannot read (31 February, or
// half typed): the control reports such a date as empty, which an optional
// field would take as "left empty", so Python must see that something was
// typed and say what is allowed.  Python knows it as UNREADABLE_BY_CONTROL.
const UNREADABLE_DATE = "unreadable";

// This tab's copy of each calculator's inputs on each page
// (calculators/reader_state.py): a reload, Back and Forward, and a jump to a
// heading (Material then inserts the page again) bring the form back from
// it, and it usually ends with the tab.  Keyed by the page each widget
// belongs to, so an answer that comes after the reader left is kept for
// their return.
const TAB_COPY_PREFIX = "matchplanb:inputs:";
// Whether a reload finds the tab's copy: a browser refusing site data throws
// on sessionStorage, and the copy then lives in this document's memory only.
const TAB_STORAGE_WORKS = (() => {
  try {
    window.sessionStorage.setItem(`${TAB_COPY_PREFIX}probe`, "1");
    window.sessionStorage.removeItem(`${TAB_COPY_PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
})();
// The same copies in memory, for a browser that refuses storage: instant
// navigation keeps this module alive, so Back and a jump to a heading still
// find them (a reload cannot).
const tabCopies = new Map();
// Counts "Forget my answers", here or in another tab: an answer to a form
// sent before it came back after it and wrote the tab's copy again (the
// button takes focus from a typed field, whose change asks for one), so the
// forgotten answers returned on a reload (shared-computer audit s35, 1).
let forgets = 0;

// One worker, and so one Python runtime, for the whole visit: instant
// navigation keeps this module alive across pages.
let worker = null;
let lastId = 0;
const pending = new Map();
const widgets = new Set();
let runtime = { phase: "idle", loaded: 0, total: 0 };
// Bytes downloaded so far: the worker's files and the page's wasm.
const downloaded = { worker: 0, page: 0 };

// The worker cannot report that it is stuck (a wasm that fails to
// instantiate leaves Pyodide waiting forever), so the bridge keeps its own
// clock.  It restarts on every word from the worker, progress included, so a
// slow download keeps its progress bar; only silence counts.  One stretch
// is silent by nature: Python's start, once it has the compiled wasm (the
// worker marks "python-starting" before it asks for it), until Python is
// up.  The worker, busy starting it, can say nothing: 1-6 s on a busy
// 2-core machine, and 10.4 s with the whole browser slowed about 8 times
// (slow-cpu audit s26, 1), so a slow phone gets far longer there.
const STARTUP_SILENCE_MS = 20_000;
const PYTHON_START_SILENCE_MS = 90_000;
let watchdog = 0;
// The worker's last mark: where in its start the silence falls.
let lastMark = "";

function keepWatching() {
  clearTimeout(watchdog);
  if (runtime.phase === "loading") {
    const pythonStarting = lastMark === "python-starting" && (runtime.starting || ENGINE_FROM_MEMORY);
    const limit = pythonStarting ? PYTHON_START_SILENCE_MS : STARTUP_SILENCE_MS;
    watchdog = setTimeout(() => {
      const reason = stalledDownload();
      // Ended, its bytes kept: "Try again" then asks only for the rest,
      // where it would have joined the same stalled request.
      if (reason) abortWasmDownload();
      failRuntime(`no word from the calculator engine for ${limit / 1000} s while starting`, reason);
    }, limit);
  }
}

// Silence while a download is still open is a download that stalled: the
// network's doing, not the browser's.  Once Python is up, the worker waits
// only for the wheel.
function stalledDownload() {
  if (wasmDownload && !wasmDownload.downloaded) return "unreachable";
  if (lastMark === "runtime-started" || lastMark === "snapshot-restored") return "unreachable";
  return undefined;
}

// Whether this browser has what the engine needs, as engine-check.js (a
// classic script that runs before this module) or a calculator page's
// preload hint asked it (runtime_assets.ENGINE_CAN_RUN): without the answer
// the engine failed only after its 3 MB had downloaded, and the page said to
// reload (compat audit s27, 1).  Missing only if that script did not load; the
// start then goes ahead and fails, if it must, like any other.
const ENGINE_CAN_RUN = globalThis.matchPlanBEngineCanRun ?? true;

function startWorker() {
  if (worker) return worker;
  setRuntime("loading");
  try {
    if (!ENGINE_CAN_RUN) throw Object.assign(new Error("this browser lacks what Pyodide needs"), { reason: "old-browser" });
    worker = ENGINE_FROM_MEMORY ? ENGINE_FROM_MEMORY.worker() : new Worker(WORKER_URL, { type: "module" });
  } catch (error) {
    worker = { postMessage() {} }; // keep later calls harmless
    failRuntime(error);
    return worker;
  }
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "mark") lastMark = data.name;
    if (runtime.phase === "loading") keepWatching();
    if (data.type === "status") {
      if (data.phase === "failed") failRuntime(data.text, data.reason);
      else setRuntime(data.phase);
      return;
    }
    if (data.type === "progress") return setProgress("worker", data.loaded, data.total);
    if (data.type === "mark") return markTime(data.name, data.at);
    if (data.type === "wasm-wanted") return compileForWorker();
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (!waiting) return;
    if (data.error) waiting.reject(new Error(data.error));
    else waiting.resolve(JSON.parse(data.json));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failRuntime(`worker error: ${event.message || "the worker script did not load"}`);
  });
  if (!ENGINE_FROM_MEMORY) compileRuntime();
  worker.postMessage({ type: "start", build: BUILD.build, config: { wasmFromPage: true } });
  keepWatching();
  return worker;
}

// Compiled here rather than in the worker because only a page's compiled
// wasm gets Chromium's optimised-code cache (see calculator-worker.js); the
// compiling itself happens off this thread.  Started with the worker, not
// when it asks: a worker takes a few hundred milliseconds to come up.
let compiled = null;

function compileRuntime() {
  compiled ??= compiledWasm();
  compiled.catch(() => {}); // reported when the worker asks for it
  return compiled;
}

async function compileForWorker() {
  try {
    const module = await compileRuntime();
    markNow("wasm-compiled");
    worker.postMessage({ type: "wasm", module });
    // Python starts now, for seconds on a slow phone, and the little left to
    // download (the wheel) is counted only once it is up: a bar standing at
    // 97% read as a stalled download (audit s25, slow-link 4), so it says
    // "working" instead.
    runtime = { ...runtime, starting: true };
    keepWatching(); // Python's clock, if its start is what waited for the wasm
    for (const widget of widgets) widget.showProgress();
  } catch (error) {
    worker.postMessage({ type: "wasm", error: String(error?.message || error) });
    failRuntime(error);
  }
}

// The copy this browser kept, compiled; or else the xz file (2.64 MB where
// gzip would send 3.55 MB), decoded, kept and compiled.  A kept copy that
// does not compile is dropped and downloaded again: kept, it would fail
// every visit after, offline ones included.
async function compiledWasm() {
  const { folder, url } = wasmAddresses();
  // No Cache Storage outside a secure context, and a browser may refuse it.
  const cache = await globalThis.caches?.open(RUNTIME_CACHE).catch(() => null);
  const kept = await cache?.match(url).catch(() => null);
  if (kept) {
    dropBrokenOff(); // kept meanwhile, by another tab or a save
    worker.postMessage({ type: "wasm-in-page" }); // no download for the worker's wheel to wait for
    try {
      const module = await WebAssembly.compileStreaming(kept);
      noteWasmKept(url);
      return module;
    } catch (error) {
      console.warn(`Match Plan B: the kept runtime did not compile (${error?.message || error}); downloading it again`);
      noteWasmKept(null);
      await cache.delete(url).catch(() => {});
    }
  }
  return WebAssembly.compileStreaming(await downloadedWasm(folder, url, cache));
}

// The runtime folder, and the address the decoded wasm is kept under.
function wasmAddresses() {
  return { folder: RUNTIME_FOLDER, url: new URL("pyodide.asm.wasm", RUNTIME_FOLDER).href };
}

// The xz download, decoded and kept (where the browser lets the page keep
// it), as a Response to compile.
async function downloadedWasm(folder, url, cache) {
  const { bytes, kept } = await sharedWasmDownload(folder, url, cache, {
    onBytes(loaded) {
      setProgress("page", loaded);
      // The worker's words restart the silence clock; the page's own bytes must too.
      if (runtime.phase === "loading") keepWatching();
    },
    onDownloaded() {
      worker.postMessage({ type: "wasm-in-page" }); // the wheel may come now
      markNow("wasm-downloaded");
    },
  });
  markNow("wasm-decoded");
  // Compiled from the kept copy, not from the decoded bytes: Chromium caches
  // compiled code only for a wasm read from a cache or the network, so the
  // second visit then starts as fast as any later one.
  const stored = kept && (await cache?.match(url).catch(() => null));
  if (stored) {
    markNow("wasm-kept");
    return stored;
  }
  // Storage full or refused: compile the decoded bytes, without keeping them
  // (each Response copies the bytes, so they serve a second time).
  return new Response(bytes, { headers: WASM_HEADERS });
}

// One download of the wasm's xz file at a time for the whole visit, shared
// by the engine's start and "Save for offline use": the reader may save from
// a guide page and open a calculator by instant navigation (this module
// lives on) before it is in, and a second 2.64 MB download, with a second
// decoder's memory, would help neither.  Resolves with the decoded bytes and
// whether they were kept under `url`.  `listener` (onBytes, onDownloaded)
// hears this download's progress, at once what it missed.  Forgotten once
// settled: a kept wasm is then found in the cache, and a failed download
// can be tried again.
let wasmDownload = null;

function sharedWasmDownload(folder, url, cache, listener) {
  if (!wasmDownload) {
    const download = { loaded: 0, downloaded: false, listeners: new Set() };
    download.result = decodedWasmDownload(folder, {
      onBytes(loaded) {
        download.loaded = loaded;
        for (const each of download.listeners) each.onBytes?.(loaded);
      },
      onDownloaded() {
        download.downloaded = true;
        for (const each of download.listeners) each.onDownloaded?.();
      },
    })
      .then(async (bytes) => ({ bytes, kept: Boolean(cache && (await keptWasm(cache, url, bytes))) }))
      .finally(() => {
        if (wasmDownload === download) wasmDownload = null;
      });
    wasmDownload = download;
  }
  const download = wasmDownload;
  download.listeners.add(listener);
  if (download.loaded) listener.onBytes?.(download.loaded);
  if (download.downloaded) listener.onDownloaded?.();
  return download.result.finally(() => download.listeners.delete(listener));
}

// The decoded wasm, put where later visits compile it from and the service
// worker serves it offline; that kept copy, or null if the browser refused.
async function keptWasm(cache, url, bytes) {
  try {
    await cache.put(url, new Response(bytes, { headers: WASM_HEADERS }));
    const kept = (await cache.match(url)) ?? null;
    if (kept) noteWasmKept(url);
    return kept;
  } catch {
    return null;
  }
}

function noteWasmKept(url) {
  try {
    if (url) window.localStorage.setItem(RUNTIME_KEPT_KEY, url);
    else window.localStorage.removeItem(RUNTIME_KEPT_KEY);
  } catch {
    // storage refused: the hint then downloads, as on a first visit
  }
}

// "Save for offline use" (offline.js) keeps the wasm as a calculator's start
// does: the xz file, decoded here and kept under the same address, so a
// guide page downloads 2.64 MB for it, not the plain 9.6 MB.  Calls
// onProgress(loaded, total) with the bytes of the wasm's download, this
// visit's engine's if that is under way (one download serves both); (0, 0)
// when the wasm is kept already.
async function keepWasmForOffline(onProgress) {
  const { folder, url } = wasmAddresses();
  const total = BUILD.wasmDownloadBytes;
  const cache = await caches.open(RUNTIME_CACHE);
  if (await cache.match(url)) {
    // This visit's engine may be compiling that copy, and downloads it again
    // if it does not compile: its word first.
    if (compiled) await compiled.catch(() => {});
    if (await cache.match(url)) {
      dropBrokenOff();
      return onProgress(0, 0);
    }
  }
  onProgress(0, total);
  const { kept } = await sharedWasmDownload(folder, url, cache, {
    onBytes: (loaded) => onProgress(Math.min(loaded, total), total),
  });
  if (!kept) throw new Error("the browser did not keep the calculators' runtime");
  onProgress(total, total);
}

// The offline copy's engine runs from memory and has nothing to keep.  The
// address it keeps the wasm under goes with it: a page from before an
// update keeps the older build's, which the service worker no longer wants.
if (!ENGINE_FROM_MEMORY && ENGINE_CAN_RUN) {
  globalThis.matchPlanBKeepWasm = Object.assign(keepWasmForOffline, { url: wasmAddresses().url });
}

// The wasm's xz download, decoded.
function decodedWasmDownload(folder, report) {
  return downloadedAndDecoded(new URL(BUILD.wasmDownload, folder).href, new URL(BUILD.xzDecoder, folder).href, report);
}

// The download goes to a decoder worker piece by piece, each counted
// (onBytes: the bytes so far), and is decoded as it arrives (off this
// thread): on a slow link the decoding is done when the last byte is in.
// onDownloaded is called once the last byte is in.  The decoder worker is
// ended as soon as it has answered, which frees its memory.
async function downloadedAndDecoded(url, decoderURL, { onBytes = () => {}, onDownloaded = () => {} } = {}) {
  // A download that broke off goes on from its last byte, with its decoder,
  // if the host answers the Range request for the rest of the same file.
  // A new decoder starts before the request, so it is ready by the first byte.
  const part = brokenOff?.url === url ? brokenOff : null;
  if (part) brokenOff = null; // taken up here
  else dropBrokenOff(); // none, or an older build's
  let download = part ?? freshDownload(url, decoderURL);
  const stop = new AbortController();
  abortWasmDownload = () => stop.abort();
  let response;
  try {
    response = await fetch(url, { signal: stop.signal, headers: part ? rangeAfter(part) : {} });
  } catch (error) {
    if (part) brokenOff = part; // nothing more arrived: the next try may still go on from it
    else download.decoder.terminate();
    throw Object.assign(new Error(`download failed: ${url} (${error?.message || error})`), { reason: "unreachable" });
  }
  if (part && !continues(response, part)) {
    part.decoder.terminate();
    // Part of the file, but not the part asked for (a proxy's own range):
    // nothing to go on from, and the next try starts from the first byte.
    if (response.status === 206) {
      response.body?.cancel().catch(() => {});
      throw Object.assign(new Error(`HTTP 206 for another range of ${url}`), { reason: "unreachable" });
    }
    // The whole file came (the host ignored the range, or the file changed).
    download = freshDownload(url, decoderURL);
  }
  if (!response.ok) {
    download.decoder.terminate();
    throw Object.assign(new Error(`HTTP ${response.status} for ${url}`), {
      // A host failing for a while (5xx, 408, 429) is the network's side too:
      // the reader was told their browser could not run the engine, and
      // offered no "Try again" (recovery audit s33, 2).
      reason: response.status === 404 ? "missing" : response.status >= 500 || [408, 429].includes(response.status) ? "unreachable" : undefined,
    });
  }
  download.validator ??= validatorOf(response);
  const { decoder } = download;
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      download.loaded += value.length;
      onBytes(download.loaded);
      decoder.postMessage({ type: "chunk", bytes: value });
    }
  } catch (error) {
    // A download that broke off part-way is the network's doing too.  Its
    // bytes are kept, in its decoder, for the engine's next start: on a
    // metered link each megabyte costs the reader.
    if (error instanceof TypeError || error?.name === "AbortError") {
      error.reason = "unreachable";
      if (download.loaded > 0 && download.validator) {
        brokenOff = download;
        throw error;
      }
    }
    decoder.terminate();
    throw error;
  }
  decoder.postMessage({ type: "end" });
  onDownloaded();
  return download.decoded;
}

// The wasm's download as it stood when the connection broke (a
// freshDownload, counted and fed so far), until a start goes on from it or
// finds the wasm kept.
let brokenOff = null;
// Ends the download under way, as a broken connection would (the watchdog's, for a stalled one).
let abortWasmDownload = () => {};

function dropBrokenOff() {
  brokenOff?.decoder.terminate();
  brokenOff = null;
}

function freshDownload(url, decoderURL) {
  const decoder = new Worker(XZ_DECODER_URL, { type: "module" });
  const decoded = new Promise((resolve, reject) => {
    decoder.addEventListener("message", ({ data }) => {
      if (data.error) reject(new Error(`the runtime could not be decoded: ${data.error}`));
      else resolve(data.bytes);
    });
    decoder.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error(`the wasm decoder did not start: ${event.message || "no reason given"}`));
    });
  });
  decoded.catch(() => {}).finally(() => decoder.terminate());
  decoder.postMessage({ type: "start", decoder: decoderURL });
  return { url, loaded: 0, decoder, decoded, validator: null };
}

// Only bytes as the file holds them can be counted on to continue it: a
// host that compressed the download on the way sends other bytes for a
// range.  The validator (If-Range) makes a host whose file has changed
// since send the whole new one.
function validatorOf(response) {
  if (response.headers.get("Content-Encoding")) return null;
  return response.headers.get("ETag") || response.headers.get("Last-Modified");
}

function rangeAfter({ loaded, validator }) {
  return { Range: `bytes=${loaded}-`, "If-Range": validator };
}

function continues(response, { loaded }) {
  const range = /^bytes (\d+)-/.exec(response.headers.get("Content-Range") || "");
  return response.status === 206 && range !== null && Number(range[1]) === loaded;
}

// ``args`` go to the Python function after the payload, as they are.
// A running engine answers in milliseconds: 8 ms at the median and 13 ms at
// the 95th percentile, round trip, in `make benchmark`.  The slowest is a
// page's first answer (its restore and first compute, after the imports):
// with every renderer slowed 4 times, as the benchmark's slow phone, it took
// 0.1-0.9 s, the timeline's the longest (measured cold for each calculator,
// 2026-12-06).  A reply that has not come in over ten times that will not:
// the worker died (a phone short of memory ends it without a word), and the
// form went on showing the old result beside the new inputs with nothing
// said (recovery audit s33, 7).  At 30 s that was half a minute of another
// specialty's verdict beside the form (jsread audit s44, 2).  Asked while the
// engine starts, the start's own watchdog answers for it.
const REPLY_SILENCE_MS = 10_000;
// No reply this long after an edit, from a running engine: the result and
// the phone's headline say they are not updated yet, as while it loads.
// Shorter waits pass unmarked, so a result that follows typing does not
// flicker.
const SLOW_REPLY_MS = 1_500;
// ... and says so in the status line this long after the edit: at 1.5 s, a
// reply slowed by a loaded machine was announced twice, these words first.
const SLOW_REPLY_SAID_MS = 4_000;
let replyRestarted = false;

function ask(fn, name, payload, ...args) {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    if (runtime.phase === "failed") return reject(runtimeFailure());
    pending.set(id, { resolve, reject });
    startWorker().postMessage({ id, fn, name, payload: JSON.stringify(payload), args });
    if (runtime.phase !== "ready") return;
    setTimeout(() => {
      if (!pending.has(id)) return;
      // The worker is gone, with whatever else it was asked: a fresh one is
      // started, once, and the widgets answer the form as it then is.  The
      // second time, the reader is told to reload.
      const silence = new Error(`no reply from the calculator engine in ${REPLY_SILENCE_MS / 1000} s`);
      silence.again = replyRestarted;
      rejectPending(silence);
      if (!replyRestarted) {
        replyRestarted = true;
        restartEngine();
      }
    }, REPLY_SILENCE_MS);
  });
}

function rejectPending(error) {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

// Starts the engine if no calculator has yet (a guide page left by instant
// navigation for a calculator page), then waits for it to run or fail.
function engineSettled() {
  startWorker();
  if (runtime.phase === "ready" || runtime.phase === "failed") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("matchplanb:engine", resolve, { once: true }));
}

function runtimeFailure() {
  return Object.assign(new Error("the calculator engine is not running"), { runtimeFailed: true });
}

// The reader sees only the plain words prerendered on the page; the cause
// is for whoever opens the console.  `reason`, when a download failed:
// "unreachable" or "missing" (see calculator-worker.js).
function failRuntime(cause, reason = cause?.reason) {
  if (runtime.phase === "failed") return;
  console.error("Match Plan B: the calculator engine could not start:", cause);
  clearTimeout(watchdog);
  // Offline words promise a new start once back online ("online" below).
  runtime = { ...runtime, reason, offline: navigator.onLine === false };
  // A kept page older than the site: the service worker's check for the new
  // build brings the "site has been updated" note with its Reload button.
  if (failureWords() === "updated") navigator.serviceWorker.getRegistration().then((r) => r?.update()).catch(() => {});
  setRuntime("failed");
  rejectPending(runtimeFailure());
}

// The paragraphs calculators/render.py writes for a failed start, by cause.
const FAILURE_WORDS = ["why", "offline", "unreachable", "updated", "newer", "old-browser", "incomplete"];

// The paragraph for this cause shown, the others hidden; a page built
// before one of them existed lacks it.
function showFailureWords(engineOff, shown) {
  for (const words of FAILURE_WORDS) {
    const paragraph = engineOff.querySelector(`.mpb-engine-off-${words}`);
    if (paragraph) paragraph.hidden = words !== shown;
  }
}

function failureWords() {
  // Neither a connection nor a reload would help.
  if (runtime.reason === "old-browser") return "old-browser";
  // The engine's worker came from another deploy than this script and page.
  if (runtime.reason === "other-build") return "newer";
  // A copy opened from a folder that could not read a file of its engine.
  if (runtime.reason === "incomplete-copy") return "incomplete";
  // A copy opened from a folder holds its engine: no download failed, and it
  // has no button to save one.
  if (window.location.protocol === "file:") return "why";
  if (navigator.onLine === false) return "offline";
  if (runtime.reason === "unreachable") return "unreachable";
  // The service worker served a page it kept from before the site's last
  // update, whose engine files the site has since replaced.
  if (runtime.reason === "missing" && navigator.serviceWorker?.controller) return "updated";
  return "why";
}

// Back online after a start that failed for want of the network, or asked
// to by the reader's "Try again": start again.  The page said to reconnect
// and reload, and a reload during a slow start began the download from
// nothing (audit s25, slow-link 3); what the reader typed stays in the form,
// and the restore sends it as typed.
function startAgain() {
  if (runtime.phase !== "failed" || !(runtime.reason === "unreachable" || runtime.offline) || ENGINE_FROM_MEMORY) return;
  // A worker of another build fails the same way again: only a reload mends it.
  if (runtime.reason === "other-build") return;
  restartEngine();
}

function restartEngine() {
  worker?.terminate?.();
  worker = null;
  compiled = null;
  downloaded.worker = downloaded.page = 0;
  lastMark = "";
  runtime = { phase: "idle", loaded: 0, total: 0, restarted: true };
  // A page without a calculator downloads no part of the engine: the next
  // calculator mounted starts it (engineSettled).
  if (calculatorOfThisBuild()) startWorker();
}

window.addEventListener("online", startAgain);
// The button Python writes into the words for a site that could not be
// reached: the browser may never have gone offline, so no "online" comes.
document.addEventListener("click", (event) => {
  if (event.target.closest?.(".mpb-engine-retry")) startAgain();
  if (event.target.closest?.(".mpb-engine-reload")) window.location.reload();
});

// A file a calculator offers (the timeline's calendar) is written by Python
// into its link as a data: address, which downloads with no script at all.
// The browser's download history keeps such an address, and with it the
// reader's plan, after the file is deleted; a blob: address it keeps names
// nothing (shared-computer audit s35, 4).
document.addEventListener("click", (event) => {
  const link = event.target.closest?.(".mpb-calculator a[download][href^='data:']");
  if (!link) return;
  event.preventDefault();
  const comma = link.href.indexOf(",");
  const type = link.href.slice("data:".length, comma).split(";")[0];
  const file = new Blob([decodeURIComponent(link.href.slice(comma + 1))], { type });
  const address = URL.createObjectURL(file);
  Object.assign(document.createElement("a"), { href: address, download: link.download }).click();
  setTimeout(() => URL.revokeObjectURL(address), 60_000);
});

function setRuntime(phase) {
  // A start given up for silence that completes after all, or a start made
  // again once back online: the widgets waiting on the failed one go live.
  // A worker given up on that speaks after all says "loading" first: that is
  // a restart too, or its "ready" found the widgets' restore given up and
  // the form answered no edit (recovery audit s33, 1).
  const restarting = runtime.phase === "failed" && phase === "loading";
  const recovered = (runtime.phase === "failed" || runtime.restarted) && phase === "ready";
  runtime = { ...runtime, phase, restarted: restarting || (runtime.restarted && !recovered) };
  // Heard by engineSettled, for a page whose module waits on the engine.
  if (phase === "ready" || phase === "failed") window.dispatchEvent(new CustomEvent("matchplanb:engine", { detail: phase }));
  if (phase !== "loading") clearTimeout(watchdog);
  for (const widget of widgets) widget.showRuntime();
  if (recovered) for (const widget of widgets) widget.resume();
}

function setProgress(who, loaded, total = runtime.total || BUILD.bytes || 0) {
  downloaded[who] = loaded;
  runtime = { ...runtime, loaded: downloaded.worker + downloaded.page, total };
  for (const widget of widgets) widget.showProgress();
}

// Timing marks from the worker, on the page's clock, for `make benchmark`.
function markTime(name, at) {
  try {
    performance.mark(`mpb:${name}`, { startTime: at - performance.timeOrigin });
  } catch {
    // marks are a measuring aid only
  }
}

function markNow(name) {
  markTime(name, performance.timeOrigin + performance.now());
}

function readStorage() {
  try {
    return window.localStorage.getItem(PROFILE_KEY);
  } catch {
    return null; // storage blocked: behave as if nothing was remembered
  }
}

function writeStorage(text) {
  try {
    if (text === null) window.localStorage.removeItem(PROFILE_KEY);
    else window.localStorage.setItem(PROFILE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

// The shape of remembered answers this script writes (reader_state.read_stored).
const STORED_VERSION = 1;

// What a write of remembered answers adds to.  A shape of another version
// (a later deploy's, written by another tab) is not merged, or it went back
// stamped as this version; Python drops it with a note too, so the form
// starts afresh (jsread audit s44, 6).
function rememberedValues(stored = storedShape()) {
  if (stored.version !== STORED_VERSION) return {};
  return stored.values && typeof stored.values === "object" && !Array.isArray(stored.values) ? stored.values : {};
}

// The remembered answers' stored object, read once for each use; {} when
// there is none or it is not JSON.
function storedShape() {
  try {
    return JSON.parse(readStorage() || "{}") ?? {};
  } catch {
    return {};
  }
}

// An element's words with the numbers masked, which change with the answer:
// how a section or a focused control is found again in the next result.
const maskedWords = (node) => `${node.tagName}:${node.textContent.replace(/[0-9.,−+-]+/g, "#").trim()}`;

class Widget {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    // The title's heading level the build gave this widget (a guide may embed
    // it under a ### section); live results are rendered to match it.
    this.level = root.dataset.headingLevel ? [Number(root.dataset.headingLevel)] : [];
    this.form = root.querySelector(".mpb-form");
    this.status = root.querySelector(".mpb-status-text");
    this.statusBox = root.querySelector(".mpb-status");
    this.progress = root.querySelector(".mpb-progress");
    this.engineOff = root.querySelector(".mpb-engine-off");
    this.notes = root.querySelector(".mpb-notes");
    this.result = root.querySelector(".mpb-result");
    this.keySections();
    this.staleNote = root.querySelector(".mpb-stale-note");
    this.staleWhy = this.staleNote.querySelector(".mpb-stale-why");
    this.staleWhyBuilt = this.staleWhy.textContent;
    // The note and the phone's headline say the engine is still loading, or
    // (staleWhileWaiting) that a running engine has not yet answered an edit.
    this.staleWhileLoading = false;
    this.staleWhileWaiting = false;
    this.slowReply = 0;
    this.slowReplySaid = 0;
    this.profile = root.querySelector(".mpb-profile");
    this.remember = root.querySelector(".mpb-remember");
    if (!TAB_STORAGE_WORKS) root.querySelector(".mpb-tab-copy-refused")?.removeAttribute("hidden");
    this.profileStatus = root.querySelector(".mpb-profile-status");
    this.offer = root.querySelector(".mpb-offer");
    // As Python built it: the offer is announced (see showOffer).
    this.offerLive = this.offer.getAttribute("aria-live");
    this.makeLink = root.querySelector(".mpb-make-link");
    this.linkPanel = root.querySelector(".mpb-link");
    this.linkText = root.querySelector(".mpb-link-text");
    this.linkStatus = root.querySelector(".mpb-link-status");
    this.linkSaid = this.linkStatus.textContent;
    // The page this widget belongs to, which its tab copy is kept under: after
    // instant navigation, late replies still belong to the page left.
    this.pathname = window.location.pathname;
    // The last valid inputs as remembered answers, written only if the
    // reader ticked Remember, has no open link-versus-remembered offer, and
    // the form is not a link's answers unchanged (rememberWaits).
    this.rememberable = null;
    this.rememberKeys = {};
    // What the tab keeps of the form, as the last reply said, and the link
    // the form started from, kept with it (see restore in browser.py).
    this.tabCopy = null;
    this.startedFrom = null;
    // The part after "#" of a link to the last valid inputs, and whether a
    // field is in error since (the link then holds the older answers).
    this.link = null;
    this.linkStale = false;
    // The inputs of the last valid answer, kept in the tab's copy while a
    // field is in error (see TabCopy in reader_state.py).
    this.lastValid = null;
    this.offerOpen = false;
    // The form shows a link's answers the reader has neither changed nor
    // chosen: none are remembered until they do (restore in browser.py).
    this.rememberWaits = false;
    this.restored = false;
    // The restore gave up with a failed start or a silent worker (see resume).
    this.gaveUp = false;
    // Fields the reader changed before the starting values came back: the
    // engine may take seconds to start, and what they typed must not be
    // replaced by a remembered or linked value.
    this.typedEarly = new Set();
    // Fields the reader changed here since this form last wrote remembered
    // answers, each with the number of its latest edit: only these are
    // written, so a form's older copy of an answer the reader changed
    // elsewhere never goes back over it (remember_keys).  A field edited
    // again while an answer was on its way stays, for the next answer.
    this.unremembered = new Map();
    this.edits = 0;
    // The whole form is written at the next answer: a link's answers the
    // reader has now made theirs, as the page told them it would.
    this.rememberWhole = false;
    this.latest = 0;
    this.timer = 0;
    // Why a remembered or linked value was dropped: kept until the reader edits.
    this.restoreNotes = [];
    // What the status line last said, and for which inputs (see showStatus).
    this.shownStatus = null;
    // The inputs the result shown answers: the built ones until the first reply.
    this.answeredFor = JSON.stringify(this.builtValues());
    this.lastEdit = -Infinity;
    this.announcePause = ANNOUNCE_PAUSE_MS;
    // The words the page was built with, and whether the next answer leaves
    // them standing (Python's word on the restored values: see restore).
    this.builtStatus = this.status.textContent;
    // The status line's words as last written (null: Python's markup), kept
    // because a translated page never reads back what was written.
    this.statusSaid = this.builtStatus;
    this.quietAnswer = false;
    this.failureSaid = false;
    // The form's values when it last agreed with the tab's copy (restored, or
    // answered): what a later edit is told apart from (see unanswered).
    this.inStep = null;
    this.statusTimer = 0;
  }

  async mount() {
    this.root.dataset.mounted = "true";
    this.profile.hidden = false;
    // A field that differs from the markup now was typed before this script
    // ran (the controls are autocomplete="off", so no browser put it back),
    // or before the engine's first answer on this page earlier in this tab
    // (EARLY_COPY): kept as typed, as the restore writes every other field.
    const built = this.builtValues();
    this.writeForm(readEarlyCopy(this.pathname, this.name));
    for (const [name, value] of Object.entries(this.readForm())) {
      if (value === built[name]) continue;
      this.typedEarly.add(name);
      this.unremembered.set(name, ++this.edits);
    }
    if (this.typedEarly.size) this.markUnansweredWhileLoading();
    this.remember.checked = readStorage() !== null;
    // The Forget count when the form was last edited: an answer asked after
    // Forget for values typed before it (a typing pause not yet over, an
    // engine not yet restored) would write them back for a reload to show.
    this.editedAtForgets = forgets;
    this.form.addEventListener("input", () => this.edited() || this.schedule());
    this.form.addEventListener("change", () => this.edited() || this.recompute());
    for (const type of ["input", "change"]) {
      this.form.addEventListener(
        type,
        (event) => {
          this.lastEdit = performance.now();
          this.editedAtForgets = forgets;
          const target = event.target;
          this.editedField = target.name;
          this.announcePause =
            type === "change" && target.matches?.(COMMITTED_BY_CHANGE)
              ? 0
              : target.matches?.(TYPED_FIELDS)
                ? TYPED_ANNOUNCE_PAUSE_MS
                : ANNOUNCE_PAUSE_MS;
          // A summary still waiting for the pause answers the value before
          // this edit: dropped, or a reader typing a key a second heard the
          // answer for "2" while typing the "4" of 240.  The next reply is
          // said afresh, once they pause again.
          if (this.statusTimer) {
            clearTimeout(this.statusTimer);
            this.statusTimer = 0;
            this.shownStatus = null;
          }
          if (!this.restored && event.target.name) {
            this.typedEarly.add(event.target.name);
            keepCopy(tabCopyKey(this.pathname, `${this.name}${EARLY_COPY}`), JSON.stringify(this.typedEarlyValues()));
            this.markUnansweredWhileLoading();
          }
          if (event.target.name) this.unremembered.set(event.target.name, ++this.edits);
        },
        { capture: true },
      );
    }
    // A date typed into an empty date control that cannot be read fires no
    // input or change (its value stays ""), nor does clearing it again, so
    // leaving such a field, or one marked wrong, is the cue.
    this.form.addEventListener("focusout", (event) => {
      const control = event.target;
      if (control.matches?.(TYPED_FIELDS)) this.typingDone();
      if (control.validity?.badInput || control.getAttribute?.("aria-invalid") === "true") this.edited() || this.recompute();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.recompute();
    });
    // Enter in a text box commits what was typed, though with the value as
    // it was at the last change Chromium fires no change event, nor (with
    // two text boxes and no button) a submit (diff review s34, 4).
    this.form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.matches?.('input[type="text"]')) this.typingDone();
    });
    this.remember.addEventListener("change", () => this.toggleRemember());
    this.root.querySelector(".mpb-forget").addEventListener("click", () => forgetEverywhere(this));
    this.makeLink.addEventListener("click", () => this.toggleLink());
    this.root.querySelector(".mpb-copy-link").addEventListener("click", () => this.copyLink());
    this.showRuntime();
    await this.restore();
  }

  // A start given up for silence loses the restore as well: the address, the
  // tab's copy and remembered answers are read again when the engine comes
  // back after all.
  resume() {
    if (!this.onItsPage()) return;
    if (this.restored) this.recompute();
    else if (this.gaveUp) this.restore();
  }

  async restore() {
    // The address is read now: the reader may jump to a heading while the
    // engine starts, which replaces a link's fragment.
    const address = {
      address: window.location.hash,
      search: window.location.search,
      page: [...document.querySelectorAll(".mpb-calculator")].map((root) => root.dataset.calculator),
    };
    // Asked once the engine runs, so that Python sees what the reader typed
    // while it started (a queued request would carry the form as it was).
    await engineSettled();
    return this.restoreFrom(address);
  }

  async restoreFrom(address) {
    // Storage is read only now, with the engine running: Remember, Forget
    // and the link are live from mount, and a Forget pressed while the
    // engine started was undone by the answers read before it, which came
    // back into the form or the tab (jsread audit s44, 1).
    const forgetsAsked = forgets;
    const found = {
      ...address,
      tab_copy: readTabCopy(this.pathname, this.name),
      own_copy: readTabCopy(this.pathname, `${this.name}${OWN_COPY}`),
      stored: readStorage(),
      today: deviceDate(),
      // The form as built, as Python and writeForm write it (a checkbox as
      // "true" or "false"): what the page's built result answers.
      built: Object.fromEntries(Object.entries(this.builtValues()).map(([name, value]) => [name, String(value)])),
    };
    this.noteHalfTypedDates();
    const saved = await ask("restore", this.name, { ...found, typed: this.typedEarlyValues() }).catch((error) => {
      if (!error.runtimeFailed) console.error("Match Plan B: restoring saved answers failed:", error);
      return null;
    });
    // Forget, or a change to the remembered answers (Remember unticked, here
    // or in another tab), while Python chose: its choice is of answers since
    // removed, so it chooses again from what is kept now.
    if (saved && (forgets !== forgetsAsked || readStorage() !== found.stored)) return this.restoreFrom(address);
    // Given up with the start, or with a worker that went silent: the fresh
    // one would answer the form as built, and the link or remembered answers
    // went unsaid (jsread audit s42, 1).  resume() asks again once an engine
    // runs (a widget still waiting for it is not asked twice).
    this.gaveUp = !saved && runtime.phase !== "ready";
    if (this.gaveUp) return;
    this.restored = true;
    // Storage decides, not a box state the browser put back since mount.
    this.remember.checked = readStorage() !== null;
    // The form now holds the reader's values: "ready" alone comes a message
    // earlier, while it may still show the defaults.
    this.root.dataset.restored = "true";
    if (saved) {
      // Python put what was typed before the request first; a field typed
      // into while the request was on its way keeps its newer value.
      this.noteHalfTypedDates();
      const typedSince = this.typedEarlyValues();
      // Every field, from the markup where Python gives no value: a browser
      // that put back a control's state on Back brought back answers the
      // reader had just told this device to forget (audit s19, state 4).
      this.writeForm({ ...found.built, ...saved.values, ...typedSince });
      this.restoreNotes = saved.notes;
      // Python judged the form it chose against the built one; only the page
      // sees what was typed as the reply came back.
      this.quietAnswer = saved.announce === false && this.answersTheForm();
      this.startedFrom = saved.link;
      this.fragmentWithoutLink = saved.fragment_without_link;
      for (const name of saved.unremembered ?? []) if (!this.unremembered.has(name)) this.unremembered.set(name, ++this.edits);
      if (saved.set_aside) keepCopy(tabCopyKey(this.pathname, `${this.name}${OWN_COPY}`), found.tab_copy);
      this.rememberWaits = Boolean(saved.remember_waits);
      if (saved.offer && this.remember.checked) this.showOffer(saved.offer);
      if (saved.last_valid) await this.showLastValid(saved.last_valid);
      // Not once the reader has moved on: the query string is another page's.
      if (saved.drop_search && this.onItsPage() && window.location.search) {
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.hash);
      }
    }
    this.inStep = this.readForm();
    this.recompute();
  }

  // Keys typed into an empty date control fire no input or change event
  // until the date is whole, so the listeners never counted them as typed:
  // the restore then wrote a default or a remembered date over them.
  noteHalfTypedDates() {
    for (const control of this.form.elements) if (control.name && control.validity?.badInput) this.typedEarly.add(control.name);
  }

  // As Python and writeForm write them: a checkbox as "true" or "false".
  typedEarlyValues() {
    const values = this.readForm();
    return Object.fromEntries(
      [...this.typedEarly].filter((name) => name in values).map((name) => [name, String(values[name])]),
    );
  }

  // The form as the build wrote it (the markup's own values), whatever the
  // browser or the reader has put in since.
  builtValues() {
    const values = {};
    for (const control of this.form.elements) {
      if (!control.name) continue;
      if (control.type === "checkbox") values[control.name] = control.defaultChecked;
      else if (control.tagName === "SELECT") {
        const options = [...control.options];
        values[control.name] = (options.find((option) => option.defaultSelected) ?? options[0])?.value ?? "";
      } else values[control.name] = control.defaultValue;
    }
    return values;
  }

  // Whether the result shown is the answer to the form as it is now.
  answersTheForm() {
    return this.answeredFor === JSON.stringify(this.readForm());
  }

  readForm() {
    const values = {};
    for (const control of this.form.elements) {
      if (!control.name) continue;
      if (control.type === "checkbox") values[control.name] = control.checked;
      else values[control.name] = control.validity?.badInput ? UNREADABLE_DATE : control.value;
    }
    return values;
  }

  writeForm(values) {
    for (const [name, text] of Object.entries(values)) {
      const control = this.form.elements.namedItem(name);
      if (!control) continue;
      if (control.type === "checkbox") control.checked = text === "true";
      // The control itself holds the reader's keys, which no value can put
      // back: writing the word would empty it and hide the error.
      else if (text === UNREADABLE_DATE && control.validity?.badInput) continue;
      else control.value = text;
    }
  }

  edited() {
    this.restoreNotes = [];
    this.quietAnswer = false;
    if (this.rememberWaits) this.rememberWhole = true;
    this.rememberWaits = false;
    if (!this.offerOpen) this.offer.replaceChildren(); // an old "Done" confirmation
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), TYPING_PAUSE_MS);
  }

  async recompute() {
    clearTimeout(this.timer);
    // An edit while the engine starts waits for the restore, which answers
    // the form as it then is: asked at once, it was answered first, for a
    // form still without the reader's remembered answers.
    if (!this.restored) return;
    const ticket = ++this.latest;
    const forgetsAsked = this.editedAtForgets;
    let reply;
    const values = this.readForm();
    const edited = new Map(this.unremembered);
    const editedField = this.editedField;
    clearTimeout(this.slowReply);
    this.slowReply = setTimeout(() => ticket === this.latest && this.markUnansweredWhileWaiting(), SLOW_REPLY_MS);
    try {
      reply = await ask("compute", this.name, values, ...this.level);
    } catch (error) {
      if (ticket === this.latest) {
        clearTimeout(this.slowReply);
        this.computeFailed(error);
      }
      return;
    }
    if (ticket !== this.latest) return; // a newer edit has been sent since
    clearTimeout(this.slowReply);
    const successor = this.successor();
    if (successor) return successor.adopt(this.unanswered(values));
    this.answeredFor = JSON.stringify(values);
    this.inStep = values;
    this.staleForAnotherReason();
    this.staleNote.hidden = reply.ok;
    // Python's words for a failure it did not foresee are the reader's; what
    // went wrong is for whoever debugs a report of it (dead-code audit s32, 1).
    if (reply.detail) console.error("Match Plan B:", this.name, reply.detail);
    delete this.staleNote.dataset.shownForPrint; // this answer decides it now
    this.showErrors(reply.ok ? [] : reply.errors);
    this.closeChoices(reply.closed);
    const quiet = this.quietAnswer;
    this.quietAnswer = false;
    if (reply.ok) {
      this.replaceResult(reply.html);
      // The defaults' answer, which the built page already said it shows: a
      // reader who just arrived heard "Updated for your inputs", twice on a
      // guide with two calculators, over the text they had started reading.
      // Only the first calculator's "Loading" needs taking back.
      if (!quiet) this.showStatus(reply.status_html, this.restoreNotes);
      else if (this.statusSaid !== this.builtStatus) {
        this.say(this.failureSaid ? this.statusBox.dataset.runningAgain : this.builtStatus);
      }
      this.failureSaid = false;
      // The end of `make benchmark`'s breakdown: the first live answer is in.
      if (!performance.getEntriesByName("mpb:first-answer").length) markNow("first-answer");
      [this.rememberable, this.rememberKeys] = [reply.remember, reply.remember_keys];
      if (this.remember.checked && !this.offerOpen && !this.rememberWaits) this.rememberChanges(reply, edited);
    } else {
      // Python wrote both; only the page knows whether a valid answer has
      // replaced the result it was built with.
      const status = this.link === null ? reply.status_over_defaults : reply.status;
      // The same error is not news: typing on in a field heard its long
      // message again at every pause (announce audit s34, 2).  Said again
      // if other words wait to replace it, or once the reader edits another
      // field, whose value this answer did not take: moving on in silence,
      // they could not tell (keyboard-sr audit s37, 5).
      const alreadySaid =
        status === this.statusSaid && editedField === this.errorSaidFor && !this.statusTimer && !this.restoreNotes.length;
      if (!alreadySaid) this.say(status, this.restoreNotes, { field: editedField });
      this.headlineStale(status);
    }
    // The result now answers the form, whether or not the status line spoke.
    this.root.dataset.answered = "true";
    if (reply.ok) [this.link, this.lastValid] = [reply.link, reply.tab_copy.inputs];
    this.linkStale = !reply.ok;
    this.showLink();
    // With a field in error, the tab keeps what was typed, so coming back
    // shows it again with its message; but not while a link's offer waits,
    // whose reload brings back the offer with the last valid inputs.
    if (!reply.tab_copy || (!reply.ok && this.offerOpen)) return;
    if (forgetsAsked !== forgets) return; // typed before "Forget my answers"
    this.tabCopy = reply.tab_copy;
    this.keepTabCopy();
  }

  // Material puts the page in again on a jump to a heading. Its new copy of
  // this calculator read the tab's copy before this answer could write it,
  // so the reader's last edits go to it, or its first answer would put the
  // older values back.
  successor() {
    if (this.root.isConnected) return null;
    for (const widget of widgets) {
      if (widget.root.isConnected && widget.pathname === this.pathname && widget.name === this.name) return widget;
    }
    return null;
  }

  // The fields of `values` that neither the restore nor an answer had yet:
  // what the reader changed last.
  unanswered(values) {
    const before = this.inStep;
    const changed = Object.keys(values).filter((name) =>
      before === null ? this.typedEarly.has(name) : values[name] !== before[name],
    );
    return Object.fromEntries(changed.map((name) => [name, String(values[name])]));
  }

  adopt(values) {
    if (!Object.keys(values).length) return;
    this.writeForm(values);
    for (const name of Object.keys(values)) this.unremembered.set(name, ++this.edits);
    if (this.restored) return this.edited() || this.recompute();
    // Not restored yet: kept as typed, so the restore puts them first.
    for (const name of Object.keys(values)) this.typedEarly.add(name);
  }

  // A reload, Back or Forward with a field in error: the page came back with
  // the result built for the default inputs, which the status line would
  // call the reader's last valid one, so those inputs are answered first.
  async showLastValid(values) {
    const reply = await ask("compute", this.name, values, ...this.level).catch(() => null);
    if (!reply?.ok) return;
    this.replaceResult(reply.html);
    [this.rememberable, this.rememberKeys] = [reply.remember, reply.remember_keys];
    [this.link, this.lastValid] = [reply.link, reply.tab_copy.inputs];
  }

  keepTabCopy() {
    if (!this.tabCopy) return;
    // "Removed ... those kept by this site's open tabs" stops being true here.
    for (const widget of widgets) {
      const { forgottenWithTab, keptAgain } = widget.profile.dataset;
      if (widget.profileStatus.textContent === forgottenWithTab) widget.sayOfAnswers(keptAgain);
    }
    dropCopy(tabCopyKey(this.pathname, `${this.name}${EARLY_COPY}`)); // the tab's copy holds them now
    const key = tabCopyKey(this.pathname, this.name);
    const text = JSON.stringify({
      ...this.tabCopy,
      link: this.startedFrom,
      offer_open: this.offerOpen,
      remember_waits: this.rememberWaits,
      last_valid: this.tabCopy.in_error ? this.lastValid : null,
      // Kept with the copy, so a reload, Back or a jump to a heading neither
      // loses them nor lets an older remembered answer replace them.
      unremembered: [...this.unremembered.keys()],
    });
    keepCopy(key, text);
  }

  // The link goes into a field to copy, never into the page address, which
  // the browser's history and its sync would keep.
  toggleLink() {
    const open = this.linkPanel.hidden;
    this.linkPanel.hidden = !open;
    this.makeLink.setAttribute("aria-expanded", String(open));
    this.sayOfLink("");
    if (!open) return;
    this.showLink();
    this.linkText.focus();
    this.selectLink();
  }

  // Selected for Ctrl+C, but scrolled back to its start, which names the
  // site: selecting scrolls a one-line field to the link's end.
  selectLink() {
    this.linkText.select();
    this.linkText.scrollLeft = 0;
  }

  // Python wrote the words; which case applies is what only the page knows.
  showLink() {
    if (this.linkPanel.hidden) return;
    const page = linkablePage();
    const why = this.link === null ? "notReady" : page === null ? "noWebAddress" : this.linkStale ? "stale" : null;
    // A live region rewritten with the same words is read out again, and
    // this runs on every answer: the reader fixing a field heard "the link
    // holds your last valid answers" after every pause.
    // Compared with what was written, not read back: a translated page
    // never reads back the words written (translate audit s28, 3).
    const said = why ? this.linkPanel.dataset[why] : "";
    if (this.linkSaid !== said) this.sayOfLink(said);
    if (this.link === null || page === null) {
      this.linkText.value = "";
      return;
    }
    const url = new URL(page);
    url.search = "";
    url.hash = this.link;
    this.linkText.value = url.href;
  }

  // Copied, focus stays on the button: selecting moved it into the box,
  // whose 600-character link a screen reader read out before "Copied."
  // (keyboard-sr audit s37, 7).  Refused, the link is selected for Ctrl+C.
  async copyLink() {
    if (!this.linkText.value) return this.showLink();
    try {
      await navigator.clipboard.writeText(this.linkText.value);
      this.sayOfLink(this.linkPanel.dataset.copied);
    } catch {
      this.selectLink();
      this.sayOfLink(this.linkPanel.dataset.copyRefused);
    }
  }

  sayOfLink(text) {
    this.linkSaid = text;
    this.linkStatus.textContent = text;
  }

  // A new answer replaces the result's markup, which dropped keyboard focus
  // to the page's start when the reader was inside the result, and closed
  // every section they had opened.  Both are carried over: a section by its
  // summary's words without the numbers (they change with the answer), focus
  // by its place among the result's focusable elements.
  replaceResult(html) {
    const focusable = () => [...this.result.querySelectorAll("a[href], button, summary, [tabindex]")];
    const state = new Map(
      [...this.result.querySelectorAll("details")].map((details) => [details.dataset.key, [details.open, details.dataset.readerOpened]]),
    );
    const active = this.result.contains(document.activeElement) ? document.activeElement : null;
    const place = active ? focusable().indexOf(active) : -1;
    this.result.innerHTML = html;
    this.keySections();
    for (const details of this.result.querySelectorAll("details")) {
      if (!state.has(details.dataset.key)) continue;
      const [open, readerOpened] = state.get(details.dataset.key);
      details.open = open;
      // A result replaced while the page prints: print-sections.js judges
      // the new sections by what the reader had left open in the old ones.
      if (readerOpened !== undefined) details.dataset.readerOpened = readerOpened;
    }
    if (!active) return;
    const now = focusable();
    const target = now.find((node) => maskedWords(node) === maskedWords(active)) ?? now[Math.min(place, now.length - 1)];
    if (target) {
      target.focus({ preventScroll: true });
      return;
    }
    // Focus was on something of the old result no list above holds (a table
    // that scrolled takes focus in Chromium); with nothing to match it went
    // to the page's start.  The result itself keeps the reader's place.
    this.result.tabIndex = -1;
    this.result.focus({ preventScroll: true });
  }

  // Each section's key, taken while its words are Python's: the browser's
  // page translation rewrites them in place, after which no new summary
  // matched an old one and every opened section closed on each answer
  // (translate audit s28, 2).
  keySections() {
    for (const details of this.result.querySelectorAll("details")) {
      details.dataset.key ??= maskedWords(details.querySelector("summary") ?? details);
    }
  }

  // On a phone the sticky copy of the headline is what the reader sees while
  // typing; with a field in error it must not pass the last result off as the
  // answer to what was typed, so it carries Python's "please fix" line until
  // the next result replaces it (mirrorHeadline).
  headlineStale(text) {
    const slot = this.root.querySelector(".mpb-live-headline");
    if (!slot) return;
    slot.replaceChildren(Object.assign(document.createElement("p"), { className: "mpb-headline", textContent: text }));
    slot.hidden = false;
  }

  onItsPage() {
    return this.root.isConnected && window.location.pathname === this.pathname;
  }

  // A link that disagrees with remembered answers: the result shows the
  // link, and storage waits for the reader's choice.  Python wrote the words.
  showOffer(offer) {
    this.offerOpen = true;
    if (this.offerLive) this.offer.setAttribute("aria-live", this.offerLive);
    const text = document.createElement("div");
    text.innerHTML = offer.html;
    const button = (label, choose) => {
      const element = Object.assign(document.createElement("button"), { type: "button", textContent: label });
      element.className = "md-button";
      element.addEventListener("click", choose);
      return element;
    };
    const done = (words) => {
      this.offerOpen = false;
      this.keepTabCopy();
      const confirmation = Object.assign(document.createElement("p"), { textContent: words, tabIndex: -1 });
      // Focus reads it out, taking the place of the buttons that are gone;
      // announced by the region as well, the reader heard it twice.
      this.offer.setAttribute("aria-live", "off");
      this.offer.replaceChildren(confirmation);
      confirmation.focus();
    };
    const use = button(offer.use, () => {
      this.rememberWaits = false;
      this.unremembered.clear();
      if (this.rememberable) remember(this.rememberable);
      done(offer.used);
    });
    const keep = button(offer.keep, () => {
      // The form is the reader's own again, not an edited link (a reload
      // said "the changes you made" to the link).
      this.rememberWaits = false;
      this.startedFrom = null;
      if (this.onItsPage() && typeof this.fragmentWithoutLink === "string") {
        const fragment = this.fragmentWithoutLink ? `#${this.fragmentWithoutLink}` : "";
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + fragment);
      }
      this.writeForm(offer.keep_values);
      this.restoreNotes = []; // said of the link's form, which is gone
      done(offer.kept);
      this.recompute();
    });
    const actions = document.createElement("p");
    actions.className = "mpb-offer-actions";
    actions.append(use, " ", keep);
    this.offer.replaceChildren(text, actions);
  }

  closeOffer() {
    const wasOpen = this.offerOpen;
    this.offerOpen = false;
    this.offer.replaceChildren();
    if (wasOpen) this.keepTabCopy();
  }

  // Python names the options its rules would refuse with the form as it is
  // (as a backup, the first choice and the ultra-competitive fields); offered
  // disabled, they are passed over by a reader arrowing through the list, who
  // heard an error at each.
  closeChoices(closed = {}) {
    for (const [name, values] of Object.entries(closed)) {
      const select = this.form.elements.namedItem(name);
      if (!(select instanceof HTMLSelectElement)) continue;
      const shut = new Set(values);
      for (const option of select.options) option.disabled = shut.has(option.value);
    }
  }

  showErrors(errors) {
    const byField = new Map(errors.map((error) => [error.field, error]));
    for (const wrapper of this.form.querySelectorAll(".mpb-field")) {
      const error = byField.get(wrapper.dataset.field);
      byField.delete(wrapper.dataset.field);
      const message = error?.message || "";
      const slot = wrapper.querySelector(".mpb-error");
      slot.innerHTML = message ? error.html : "";
      slot.hidden = !message;
      const control = wrapper.querySelector("input, select, textarea");
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    this.note([...this.restoreNotes, ...[...byField.values()].map((error) => error.message)]);
  }

  // What this answer changed of the remembered answers: the fields the
  // reader changed here (Python says which answers each one writes), or the
  // whole form when the reader made a link's answers theirs.
  rememberChanges(reply, edited) {
    const changes = this.rememberWhole ? reply.remember : changedAnswers(reply.remember, reply.remember_keys, edited);
    if (Object.keys(changes).length) remember(changes);
    for (const [name, edit] of edited) if (this.unremembered.get(name) === edit) this.unremembered.delete(name);
    this.rememberWhole = false;
  }

  toggleRemember() {
    if (this.remember.checked) {
      this.rememberWaits = false; // asked in so many words
      for (const widget of widgets) widget.sayOfAnswers("");
      // The last valid answer is this form only while it answers the form as
      // it is; with a field in error, or before the first answer, the next
      // valid answer writes the whole form instead of stale values.
      const current = this.rememberable && this.answersTheForm() && !this.linkStale;
      // Only what the reader changed here: a default never touched, once
      // remembered, filled another calculator whose own default differs as
      // the reader's answer (offline-leak audit s38, 1).  What they change
      // later is written with its answer.
      if (!remember(current ? changedAnswers(this.rememberable, this.rememberKeys, this.unremembered) : {})) {
        this.remember.checked = false;
        this.sayOfAnswers(this.profile.dataset.storageRefused);
        return;
      }
      if (current) this.unremembered.clear();
      // One setting for the device: every form on the page remembers from
      // now on.  What the others' readers changed so far stays theirs: kept
      // over remembered answers, and written with their next answer.
      for (const widget of widgets) widget.remember.checked = true;
      this.keepTabCopy();
    } else {
      forgetEverywhere(this, { tabToo: false });
    }
  }

  showRuntime() {
    const { phase } = runtime;
    this.root.dataset.runtime = phase;
    this.progress.hidden = phase !== "loading";
    if (phase === "loading") {
      // One engine serves every calculator on the page, so one says so.
      const speaks = this.root === document.querySelector(".mpb-calculator");
      // Loading again, once back online (see "online" above): the failure's
      // words go, from the status line of a calculator that will not say
      // "Loading", and from the note and the phone's headline over an edit.
      const again = !this.engineOff.hidden;
      if (again) {
        // "Try again" hides with the failure's words: its reader goes back to the form.
        const pressed = this.engineOff.contains(document.activeElement);
        this.engineOff.hidden = true;
        this.form.querySelector("fieldset").disabled = false;
        if (pressed) this.form.querySelector("fieldset :is(input, select, textarea)")?.focus();
        if (!speaks) this.writeQuietly(this.builtStatus);
        this.markUnansweredWhileLoading();
      }
      // Not held for a typing pause when it replaces the failure's words.  A
      // fresh engine after a silent one leaves "could not update" standing:
      // the result is still the reader's last answer, not the defaults'.
      if (speaks && (again || this.link === null)) this.say(this.statusBox.dataset.loading, [], { now: again });
      this.showProgress();
    }
    if (phase === "ready") {
      this.engineOff.hidden = true;
      this.form.querySelector("fieldset").disabled = false;
    }
    if (phase === "failed") {
      // Python wrote these words when the page was built; it cannot run now.
      // Which cause to show is the one thing the page knows and Python cannot.
      const shown = failureWords();
      showFailureWords(this.engineOff, shown);
      this.failureSaid = true;
      // These say their own remedy (another browser; a reload; unzipping the copy again).
      this.engineOff.querySelector(".mpb-engine-off-remedies").hidden = ["old-browser", "newer", "incomplete"].includes(shown);
      this.engineOff.hidden = false;
      const why = this.engineOff.querySelector(`.mpb-engine-off-${shown}`);
      const fieldset = this.form.querySelector("fieldset");
      // Disabling the fieldset dropped a reader in it to the page's body, and
      // the blur's change event cancelled the words still waiting for the
      // typing pause, so the failure went unsaid (a11y audit s20, 1).  That
      // reader is moved to the words, which focus reads out.  Otherwise one
      // calculator says them, as one says "Loading": every one on the page
      // did (a11y audit s20, 2).
      if (fieldset.contains(document.activeElement)) {
        why.tabIndex = -1;
        why.focus();
        this.writeQuietly(why.textContent);
      } else if (this === speakerFor(widgets)) {
        this.say(why.textContent, [], { now: true });
      } else {
        this.writeQuietly(why.textContent);
      }
      fieldset.disabled = true;
      if (this.staleWhileLoading) {
        this.headlineStale(this.statusBox.dataset.failedOverDefaults);
        this.staleForAnotherReason();
      }
      // The engine failed while an answer was awaited: not "on its way" now.
      if (this.staleWhileWaiting) {
        const { failed, failedOverDefaults } = this.statusBox.dataset;
        this.headlineStale(this.link === null ? failedOverDefaults : failed);
        this.staleForAnotherReason();
      }
    }
  }

  showProgress() {
    const { loaded, total, starting } = runtime;
    if (starting) this.progress.removeAttribute("value");
    else if (total > 0) {
      this.progress.max = total;
      this.progress.value = Math.min(loaded, total);
    }
  }

  // An edit before the engine's first answer: the result, and the phone's
  // sticky copy of its headline, still answer the default inputs, which a
  // reader who looks there takes for their own (audit s25, slow-link 2).
  // Python wrote both sentences; the first answer takes them away.
  markUnansweredWhileLoading() {
    // Not said while the engine runs: its answer is a moment away.
    if (runtime.phase === "ready" || runtime.phase === "failed" || this.answersTheForm()) return;
    this.staleWhy.textContent = this.staleNote.dataset.loading;
    this.staleNote.hidden = false;
    delete this.staleNote.dataset.shownForPrint;
    this.headlineStale(this.statusBox.dataset.loadingEdited);
    this.staleWhileLoading = true;
  }

  // A running engine slow to answer an edit (its worker may have died, which
  // only REPLY_SILENCE_MS tells): the result beside the form answers earlier
  // inputs, and for seconds said nothing of it (jsread audit s44, 2).  Python
  // wrote both sentences; the reply, or the words for its failure, replace them.
  markUnansweredWhileWaiting() {
    if (runtime.phase !== "ready" || this.answersTheForm() || !this.root.isConnected) return;
    this.staleWhy.textContent = this.staleNote.dataset.slowReply;
    this.staleNote.hidden = false;
    delete this.staleNote.dataset.shownForPrint;
    this.headlineStale(this.statusBox.dataset.slowReply);
    // The status line too, which a screen reader hears: it went on giving
    // the earlier inputs' answer, under "Updated for your inputs." on
    // screen (jsreview audit s44, 3).  Said later than it is shown, so that a
    // reply slowed by a busy device is heard once, not after these words;
    // the reply's words replace them.
    clearTimeout(this.slowReplySaid);
    this.slowReplySaid = setTimeout(
      () => this.staleWhileWaiting && this.say(this.statusBox.dataset.slowReply),
      SLOW_REPLY_SAID_MS - SLOW_REPLY_MS,
    );
    this.staleWhileWaiting = true;
  }

  // The note's built pointer (": see the messages above") once a message,
  // not the loading, is why the result does not answer the form.
  staleForAnotherReason() {
    this.staleWhy.textContent = this.staleWhyBuilt;
    this.staleWhileLoading = false;
    this.staleWhileWaiting = false;
  }

  // Printed within a moment of an edit, the result is still the one before
  // it, and printing cannot wait for the answer: paper says so.
  markUnansweredForPrint() {
    // Before any live answer that is the built result, so an edit made while
    // the engine loads is marked too.
    if (!this.staleNote.hidden || this.answersTheForm()) return;
    this.staleNote.hidden = false;
    this.staleNote.dataset.shownForPrint = "true";
  }

  // A request the engine could not answer, though it is running: say so in
  // Python's words and keep the last good result, never fail silently.
  computeFailed(error) {
    if (error.runtimeFailed) return; // the failed-engine note already explains
    console.error(`Match Plan B: ${this.name} could not be recalculated:`, error);
    this.staleForAnotherReason();
    this.staleNote.hidden = false;
    delete this.staleNote.dataset.shownForPrint;
    const { failed, failedOverDefaults, unanswered } = this.statusBox.dataset;
    const status = error.again ? unanswered : this.link === null ? failedOverDefaults : failed;
    this.say(status);
    this.headlineStale(status);
  }

  // A live region that is rewritten is read again: the same answer to the
  // same inputs (a typing pause, then leaving the field) is left alone, but
  // new inputs are announced even when their summary reads the same.
  // Notes on values dropped from a link or from remembered answers are said
  // with the answer they changed: the notes box above the form is not a live
  // region, and "Updated for your inputs" alone passed over them.
  showStatus(html, notes = []) {
    this.setStatus(`${html}\n${notes.join("\n")}`, (slot) => {
      this.statusSaid = null;
      slot.innerHTML = html;
      readOutOnly(slot, notes);
    });
  }

  // `now`: not held for the reader's typing pause.
  // ``field``: the field whose edit an error's words answer, kept only once
  // they are written: kept when merely scheduled, a second key in that field
  // dropped them and its reply took them as said (ui-check audit s37, 1).
  say(text, notes = [], { now = false, field = null } = {}) {
    this.setStatus(
      `text:${text}\n${notes.join("\n")}`,
      (slot) => {
        this.statusSaid = text;
        this.errorSaidFor = field;
        slot.textContent = text;
        readOutOnly(slot, notes);
      },
      now,
    );
  }

  // The status line's words, not announced: focus reads them elsewhere, or
  // another calculator on the page says them.
  writeQuietly(text) {
    const region = this.status.closest("[aria-live]");
    region?.setAttribute("aria-live", "off");
    this.say(text, [], { now: true });
    setTimeout(() => region?.setAttribute("aria-live", "polite"), 500);
  }

  setStatus(said, write, now = false) {
    const shown = `${this.answeredFor}\n${said}`;
    if (shown === this.shownStatus) return;
    this.shownStatus = shown;
    clearTimeout(this.statusTimer);
    this.statusTimer = 0;
    const wait = this.lastEdit + this.announcePause - performance.now();
    if (now || wait <= 0) return write(this.status);
    this.waitingWords = () => write(this.status);
    this.statusTimer = setTimeout(() => this.sayWaitingWords(), wait);
  }

  // The reader left a typed field or pressed Enter in it: what waits for
  // their pause is said now, and so is the next answer.
  typingDone() {
    this.announcePause = 0;
    this.sayWaitingWords();
  }

  // Words held for the reader's pause, said now.
  sayWaitingWords() {
    if (!this.statusTimer) return;
    clearTimeout(this.statusTimer);
    this.statusTimer = 0;
    this.waitingWords();
  }

  // Said beside the controls the reader used, and announced: the notes
  // above the form may be a screen away from them.
  sayOfAnswers(text) {
    this.profileStatus.textContent = text;
  }

  note(lines) {
    this.notes.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
    this.notes.hidden = lines.length === 0;
  }
}

// Lines for screen readers only: the notes box shows them on screen.
function readOutOnly(slot, lines) {
  for (const line of lines) {
    slot.append(Object.assign(document.createElement("span"), { className: "mpb-visually-hidden", textContent: ` ${line}` }));
  }
}

// The reader's own calendar date, which Python uses for "today" when a
// link carries none.
function deviceDate() {
  const now = new Date();
  const pad = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The page a link opens: this one, or, in a copy opened from a folder, the
// same page on the site's web address, since a file:// link opens nowhere
// else and names the reader's own folders.  The build judged that address
// and made it the canonical link, or left none for a copy built without a
// real web address (macros/offline.py): then null.
function linkablePage() {
  if (window.location.protocol !== "file:") return window.location.href;
  return document.querySelector('link[rel="canonical"]')?.href ?? null;
}

function tabCopyKey(pathname, name) {
  return `${TAB_COPY_PREFIX}${pathname}#${name}`;
}

// The name the reader's own copy is kept under while a link's answers fill
// the form (browser.restore): under the same prefix, so Forget takes it too.
const OWN_COPY = "|own";

// What the reader typed before the engine first answered, kept apart: on a
// slow link the start takes long enough to fill half a form, and Back, a
// reload or another page left and come back to brought the built form back
// (audit s25, slow-link 1).  Mounting writes it into the form, whose restore
// then sends it as typed, and the first answer's tab copy replaces it.
const EARLY_COPY = "|early";

function readEarlyCopy(pathname, name) {
  try {
    const early = JSON.parse(readTabCopy(pathname, `${name}${EARLY_COPY}`) ?? "{}");
    if (!early || typeof early !== "object") return {};
    return Object.fromEntries(Object.entries(early).filter(([, value]) => typeof value === "string"));
  } catch {
    return {};
  }
}

function dropCopy(key) {
  tabCopies.delete(key);
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // storage blocked: only the copy in memory was kept
  }
}

function keepCopy(key, text) {
  tabCopies.set(key, text);
  try {
    window.sessionStorage.setItem(key, text);
  } catch {
    // storage blocked or full: the copy in memory still serves this visit
  }
}

function readTabCopy(pathname, name) {
  const key = tabCopyKey(pathname, name);
  try {
    const text = window.sessionStorage.getItem(key);
    if (text !== null) return text;
  } catch {
    // storage blocked: the copy in memory, if this visit made one
  }
  return tabCopies.get(key) ?? null;
}

// The remembered answers that the fields in `edited` write (Python says
// which each one writes: remember_keys), from one valid answer's `remember`.
function changedAnswers(answers, keysByField, edited) {
  const keys = [...edited.keys()].flatMap((name) => keysByField[name] ?? []);
  return Object.fromEntries(keys.filter((key) => key in answers).map((key) => [key, answers[key]]));
}

function remember(answers) {
  const stored = storedShape();
  // Answers a later version of the site saved (a tab open across a deploy)
  // are left for the reload, which Python's note asks for: one edit here
  // wrote over every calculator's answers (jsreview audit s44, 5).
  if (Number.isInteger(stored.version) && stored.version > STORED_VERSION) return true;
  const values = { ...rememberedValues(stored), ...answers };
  return writeStorage(JSON.stringify({ version: STORED_VERSION, values }));
}

// Said once, by the calculator the reader used: a page with two would
// otherwise announce it twice.
// "Forget my answers" takes the tab's copies too: on a shared computer the
// next person may reload this tab, or reopen it once closed.  Unticking
// Remember only stops remembering; the tab still keeps what the form shows.
function forgetEverywhere(asker, { tabToo = true } = {}) {
  writeStorage(null);
  for (const widget of widgets) {
    widget.remember.checked = false;
    widget.closeOffer();
    const { forgottenWithTab, forgotten } = widget.profile.dataset;
    widget.sayOfAnswers(widget === asker ? (tabToo ? forgottenWithTab : forgotten) : "");
  }
  if (!tabToo) return;
  dropTabCopies();
  // What the notes said of answers kept or remembered is untrue once they
  // are gone: "the answers you had given here are kept in this tab" stayed
  // after Forget (jsreview audit s44, 7).  A field's message stays.
  for (const widget of widgets) {
    const said = new Set(widget.restoreNotes);
    widget.restoreNotes = [];
    widget.note([...widget.notes.children].map((line) => line.textContent).filter((line) => !said.has(line)));
  }
  try {
    window.localStorage.setItem(FORGET_KEY, String(Date.now()));
    window.localStorage.removeItem(FORGET_KEY);
  } catch {
    // storage blocked: no other tab shares any with this one
  }
}

// What this tab keeps of every calculator's answers, and any link's answers
// in its address.  The form still shows them until the tab is closed, as the
// words after "Forget my answers" say.
function dropTabCopies() {
  forgets += 1;
  tabCopies.clear();
  try {
    for (const key of Object.keys(window.sessionStorage)) {
      if (key.startsWith(TAB_COPY_PREFIX)) window.sessionStorage.removeItem(key);
    }
  } catch {
    // storage blocked: there is nothing kept to remove
  }
  // A link's answers after the "#" would fill the form again on a reload.
  // Only links carry "=" there; a heading's anchor has none.
  if (window.location.hash.includes("=")) {
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }
  // Nor may a later write (an offer closed, Remember ticked) put the
  // forgotten copy back (diff review s35, 10).
  for (const widget of widgets) [widget.startedFrom, widget.tabCopy] = [null, null];
}

// "Forget my answers", or Remember unticked, in another tab of this site:
// a box left ticked here would write the answers back with this tab's next
// answer.  (storage.clear() comes as a null key.)  Remember ticked in
// another tab ticks it here too: a box left unticked here remembered
// nothing, yet a reload filled the form from the other tab's answers.
// Said once for the page, beside the box of the calculator the reader is in
// (a11y audit s20, 5: on a guide with two, each said it).
window.addEventListener("storage", (event) => {
  if (event.key === FORGET_KEY && event.newValue !== null) dropTabCopies();
  if (event.key !== PROFILE_KEY && event.key !== null) return;
  const ticked = readStorage() !== null;
  const changed = [...widgets].filter((widget) => widget.remember.checked !== ticked);
  const speaker = speakerFor(changed);
  for (const widget of changed) {
    widget.remember.checked = ticked;
    if (!ticked) widget.closeOffer();
    if (widget !== speaker) continue;
    const { tickedElsewhere, forgottenElsewhere } = widget.profile.dataset;
    widget.sayOfAnswers(ticked ? tickedElsewhere : forgottenElsewhere);
  }
});

// The one of these calculators that speaks for them all: the one the reader
// is in, or else the first on the page.
function speakerFor(candidates) {
  const list = [...candidates];
  return list.find((widget) => widget.root.contains(document.activeElement)) ?? list[0] ?? null;
}

// On a phone the form is taller than the screen, so the result's summary
// sits under the form and stays in view while the reader edits (sticky in
// calculators.css).  It only copies words Python wrote (render_result).
function mirrorHeadline(root) {
  const slot = root.querySelector(".mpb-live-headline");
  const result = root.querySelector(".mpb-result");
  if (!slot || !result) return;
  const copy = () => {
    const gist = result.querySelector(".mpb-gist");
    const line = gist && Object.assign(document.createElement("p"), { className: "mpb-headline", textContent: gist.textContent });
    slot.replaceChildren(...(line ? [line] : []));
    slot.hidden = !line;
  };
  new MutationObserver(copy).observe(result, { childList: true });
  copy();
}

// A page newer than this script and its engine: the site was deployed while
// the tab was open, and instant navigation (or the service worker that took
// the tab over) brought the new build's page.  Its form and figures are not
// what this engine knows, so it stays as built, and says why (render.py).
const fromThisBuild = (root) => root.dataset.build === BUILD.build;
const calculatorOfThisBuild = () => [...document.querySelectorAll(".mpb-calculator")].some(fromThisBuild);

// Its words go in the status line too, said by the first such calculator
// only, as showRuntime says a failure: the form went dim while the status
// line still said it showed the defaults' result, and the "Reload" remedy
// went unsaid (jsread audit s44, 3).
function showNewerPage(root, speaks) {
  root.dataset.mounted = "true";
  root.dataset.runtime = "failed";
  root.querySelector(".mpb-form fieldset").disabled = true;
  const off = root.querySelector(".mpb-engine-off");
  // A page built before these words existed is older, not newer: its
  // "updated" words say to reload, which is right either way.
  const shown = off.querySelector(".mpb-engine-off-newer") ? "newer" : "updated";
  showFailureWords(off, shown);
  off.querySelector(".mpb-engine-off-remedies").hidden = true;
  off.hidden = false;
  const status = root.querySelector(".mpb-status-text");
  const words = off.querySelector(`.mpb-engine-off-${shown}`)?.textContent.trim();
  if (!status || !words) return;
  const region = status.closest("[aria-live]");
  if (!speaks) region?.setAttribute("aria-live", "off");
  status.textContent = words;
  if (!speaks) setTimeout(() => region?.setAttribute("aria-live", "polite"), 500);
}

function mountAll() {
  for (const widget of widgets) if (!widget.root.isConnected) widgets.delete(widget);
  let newerSaid = false;
  for (const root of document.querySelectorAll(".mpb-calculator:not([data-mounted])")) {
    if (!fromThisBuild(root)) {
      showNewerPage(root, !newerSaid);
      newerSaid = true;
      continue;
    }
    mirrorHeadline(root);
    const widget = new Widget(root);
    widgets.add(widget);
    widget.mount();
  }
}

// A text box cannot be split between sheets of paper: a long pasted list
// went whole to a fresh sheet and ran off its foot, under the result.  Its
// text prints instead, which breaks between lines (calculators.css).  Closed
// sections open for paper in print-sections.js, guides' too.
window.addEventListener("beforeprint", () => {
  for (const box of document.querySelectorAll(".mpb-form textarea")) {
    if (box.previousElementSibling?.matches(".mpb-paper-copy")) continue;
    // The reader's own text, as the box (never translated) holds it.
    box.before(Object.assign(document.createElement("pre"), { className: "mpb-paper-copy", textContent: box.value, translate: false }));
  }
  for (const widget of widgets) if (widget.root.isConnected) widget.markUnansweredForPrint();
});
window.addEventListener("afterprint", () => {
  for (const copy of document.querySelectorAll(".mpb-paper-copy")) copy.remove();
  for (const note of document.querySelectorAll(".mpb-stale-note[data-shown-for-print]")) {
    note.hidden = true;
    delete note.dataset.shownForPrint;
  }
});

// Start the engine while the page is still settling, not when the widget mounts.
if (calculatorOfThisBuild()) startWorker();

// Material's instant navigation swaps pages without reloading this module and
// announces each new page on document$; without it, mount once on load.
if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
  globalThis.document$.subscribe(() => mountAll());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll);
} else {
  mountAll();
}
