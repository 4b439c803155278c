// Module worker that runs the calculators in Pyodide, off the page's thread,
// so typing never waits for Python.
//
// Protocol.  The page first posts {type: "start", build, config}; a worker of
// another build than ``build`` answers only {type: "status", phase: "failed",
// reason: "other-build"}.  Otherwise the worker answers
// with {type: "status", phase, text}, {type: "progress", loaded, total} while
// bytes arrive, {type: "mark", name, at} timing marks (epoch ms, for the
// benchmark's breakdown), and then answers {id, fn, name, payload, args}
// requests (args: what the Python function takes after the payload) with
// {id, json} or {id, error}.  Only a message with an id is a request: with
// wasmFromPage (below), the worker also posts {type: "wasm-wanted"} and the
// page posts {type: "wasm", ...} and {type: "wasm-in-page"}, which nothing
// answers.
//
// Startup is parametrised by that one config object so that another loader
// can start this same code differently (the offline copy read from file://
// starts it from a data: URL, where import.meta.url cannot locate siblings).
// Every key is optional; the defaults are the built site's files:
//   pyodideModule  URL of pyodide.mjs, or a Blob of it
//   asmModule      URL of pyodide.asm.mjs (default: indexURL + "pyodide.asm.mjs"),
//                  or a Blob of it; a URL listed in zstd is imported decoded
//   indexURL       folder URL Pyodide resolves pyodide.asm.wasm against
//   stdLibURL      the trimmed standard library zip
//   wheelURL       the calculators wheel; wheelSha256 its hex sha256
//   lockFileContents  Pyodide's lock header (no package list is needed)
//   totalBytes     the bytes a whole start downloads: the total its progress
//                  messages give, for the page's bar
//   files          {url: Blob | ArrayBuffer}: answered by a fetch override
//                  instead of the network (typed application/wasm for .wasm,
//                  so streaming compile still works)
//   zstd           names of runtime files to download as "<name>.zst" and
//                  decode here (the wasm is the page's, see wasmFromPage)
//   zstdDecoder    URL of the zstddec module that decodes them
//   snapshotURL    a memory snapshot of Python with the calculators imported,
//                  in xz; snapshotSha256 the hex sha256 of its bytes
//   xzDecoder      URL of the xz-decompress module that decodes it, in a
//                  worker of its own (xz-decoder.js)
//   snapshot       false: neither use nor keep a snapshot
//   wasmFromPage   true: ask the page for a compiled pyodide.asm.wasm
//                  ({type: "wasm-wanted"} -> {type: "wasm", module} or
//                  {type: "wasm", error}) instead of compiling it here; the
//                  page downloads and decodes it (in a worker of its own,
//                  see xz-decoder.js), and counts its bytes itself; once
//                  it has the whole download or a kept copy it says so
//                  ({type: "wasm-in-page"}), and the wheel is fetched
//                  then.  Why:
//                  Chromium keeps optimised wasm code in its cache only for
//                  modules compiled by a page, so a worker compiling its own
//                  starts Python at baseline speed on every visit (measured:
//                  warm start 3.5-4.7 s in the worker, about 2 s this way).

// Filled in by macros/runtime_assets.py at build time: the versioned runtime
// folder, the content-hashed wheel and stdlib, the wheel's sha256, which
// files come compressed.
const BUILD = /* build manifest */ {};

const BRIDGE_FUNCTIONS = new Set(["compute", "restore"]);

// Memory snapshots.  Python starts the normal way until a reader comes back:
// on a second start, once the calculators are live, the worker downloads a
// snapshot of that state (made at build time, see macros/pyodide_build.mjs;
// 3.14 MB) into Cache Storage, and the visits after that start from it,
// skipping Python's own start and the imports.  A first visit downloads only
// what it needs: a reader who never comes back never pays for it.  The
// option is private and experimental in Pyodide 314, so any failure, or a
// restore slower than RESTORE_LIMIT_MS, falls back to the normal start, and
// the stored copy is dropped.
const SNAPSHOT_CACHE = "matchplanb-engine-snapshot";
const RESTORE_LIMIT_MS = 10_000;
// Leaves the first seconds after a start to the reader's own first answers,
// and is the pause in their edits the snapshot's decoding waits for: that
// no longer holds this worker, but on 2 cores its 0.4-0.6 s of work in
// another would still slow an answer.
const SNAPSHOT_DELAY_MS = 2_000;
const networkFetch = globalThis.fetch.bind(globalThis);
// Set while a restore runs: where Pyodide's unhandled failures go instead of
// failing the whole start.
let restoreFailed = null;
// The worker's state: the start under way or done (the calculators' module,
// once imported), whether it came from the snapshot, and the last request.
let bridge = null;
let restored = false;
let lastRequestAt = 0;

function post(message) {
  self.postMessage(message);
}

function mark(name) {
  post({ type: "mark", name, at: performance.timeOrigin + performance.now() });
}

function status(phase, text = "", reason = undefined) {
  post({ type: "status", phase, text, reason });
}

// A failed download, with why for the page to say in words: "unreachable"
// (no answer at all: offline, or a network that reaches nothing) or
// "missing" (the site no longer has the file: a kept page older than the site).
function downloadFailed(url, { status: code, error } = {}) {
  const failure = new Error(`download failed: ${url} (${code ? `HTTP ${code}` : error?.message || error})`);
  // 5xx, 408 and 429: the host failing for a while, as the page reads them.
  failure.reason = code === undefined || code >= 500 || code === 408 || code === 429 ? "unreachable" : code === 404 ? "missing" : undefined;
  return failure;
}

// Started from a data: URL in the offline copy too, where the loader writes
// the worker's file address in place of import.meta.url (offline_loader.js).
function defaults() {
  const runtime = new URL(BUILD.runtimeDir, import.meta.url).href;
  return {
    pyodideModule: `${runtime}pyodide.mjs`,
    asmModule: `${runtime}pyodide.asm.mjs`,
    indexURL: runtime,
    stdLibURL: runtime + BUILD.stdlib,
    wheelURL: runtime + BUILD.wheel,
    wheelSha256: BUILD.wheelSha256,
    zstd: BUILD.zstd || [],
    zstdDecoder: BUILD.zstdDecoder && runtime + BUILD.zstdDecoder,
    xzDecoder: BUILD.xzDecoder && runtime + BUILD.xzDecoder,
    snapshotURL: BUILD.snapshot && runtime + BUILD.snapshot,
    snapshotSha256: BUILD.snapshotSha256,
    lockFileContents: BUILD.lock,
    totalBytes: BUILD.bytes,
  };
}

// Every runtime download goes through here: files the loader handed over are
// answered from memory, and a failed download fails the start at once rather
// than leaving Pyodide waiting forever for a wasm that will never come.
function installFetch(config, fail) {
  // Values may be promises: a file still being decoded is waited for.
  const files = new Map(Object.entries(config.files || {}));
  let loaded = 0;
  const count = (response) => {
    if (!response.body) return;
    // Count a copy, so the original keeps its URL (the browser caches the
    // compiled wasm by URL) and streams straight into the compiler.
    const reader = response.clone().body.getReader();
    const pump = () =>
      reader.read().then(({ done, value }) => {
        if (done) return;
        loaded += value.length;
        post({ type: "progress", loaded, total: config.totalBytes || 0 });
        return pump();
      });
    pump().catch(() => {});
  };
  globalThis.fetch = async (input, init) => {
    // Pyodide passes URL objects as well as strings and Requests.
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
    if (files.has(url)) {
      const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
      return new Response(await files.get(url), { headers: { "Content-Type": type } });
    }
    let response;
    try {
      response = await networkFetch(input, init);
    } catch (error) {
      const failure = downloadFailed(url, { error });
      fail(failure);
      throw failure;
    }
    if (!response.ok) fail(downloadFailed(url, { status: response.status }));
    else count(response);
    return response;
  };
  return { fetchFile: (url) => globalThis.fetch(url), files };
}

// Zstandard copies are a fifth smaller than what a host's gzip sends (see
// macros/pyodide_build.mjs).  Decoded whole: Pyodide reads a zip only once it
// is complete anyway, and the decoder takes some 20 ms for the stdlib.
async function zstdDecoder(url) {
  const { ZSTDDecoder } = await importScript(url);
  const decoder = new ZSTDDecoder();
  await decoder.init();
  return decoder;
}

// A body that broke off part-way fails as a download that got no answer.
function bodyOf(response, url) {
  return response.arrayBuffer().catch((error) => {
    throw downloadFailed(url, { error });
  });
}

async function decodeZstd(fetchFile, url, decoder) {
  const response = await fetchFile(`${url}.zst`);
  if (!response.ok) throw downloadFailed(`${url}.zst`, { status: response.status });
  const compressed = new Uint8Array(await bodyOf(response, `${url}.zst`));
  return (await decoder).decode(compressed);
}

async function sha256(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Browsers give `crypto.subtle` only to secure contexts: HTTPS, loopback and
// files.  A copy served over plain HTTP from any other address (a LAN, or
// the 0.0.0.0 that Python's own web server prints by default) has none, and
// every calculator failed there (README audit s20, 1).  Python's own
// hashlib then checks the wheel, once Python is up and before it is unpacked.
const SUBTLE_CRYPTO = Boolean(globalThis.crypto?.subtle);

function pythonSha256(pyodide, bytes) {
  const hexOf = pyodide.runPython("import hashlib\nlambda data: hashlib.sha256(data.to_bytes()).hexdigest()");
  try {
    return hexOf(new Uint8Array(bytes));
  } finally {
    hexOf.destroy();
  }
}

function checkWheel(hex, config) {
  if (hex !== config.wheelSha256) throw new Error(`the calculators wheel failed its integrity check (sha256 ${hex})`);
}

async function verifiedWheel(fetchFile, config) {
  const response = await fetchFile(config.wheelURL);
  if (!response.ok) throw downloadFailed(config.wheelURL, { status: response.status });
  const bytes = await bodyOf(response, config.wheelURL);
  if (SUBTLE_CRYPTO) checkWheel(await sha256(bytes), config);
  return bytes;
}

function snapshotsAllowed(config) {
  if (config.snapshot === false || !config.snapshotURL) return false;
  // No Cache Storage on file:// or in a private context that refuses it; a
  // data: worker (the offline copy's) even throws on reading the property.
  try {
    return Boolean(globalThis.caches);
  } catch {
    return false;
  }
}

async function storedSnapshot(config) {
  if (!snapshotsAllowed(config)) return null;
  try {
    const response = await (await caches.open(SNAPSHOT_CACHE)).match(config.snapshotURL);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// The key under which the snapshot cache remembers that this browser has
// started the engine before.
function startedBefore(config) {
  return new URL("engine-started-before", config.snapshotURL).href;
}

async function forgetSnapshots(config) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const key of await cache.keys()) if (key.url !== startedBefore(config)) await cache.delete(key);
  } catch {
    // nothing stored, or storage refused: nothing to forget
  }
}

// Whether this browser has started the engine before; notes that it has now.
// Run as a start begins, so a reader who reloads at once still counts.
async function noteStart(config) {
  if (!snapshotsAllowed(config)) return false;
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    if (await cache.match(startedBefore(config))) return true;
    await cache.put(startedBefore(config), new Response(""));
  } catch {
    // storage refused: as if this were the first start
  }
  return false;
}

// Decoded by a worker of its own, ended once it has answered: this worker
// goes on answering meanwhile, and the decoder's 32.5 MiB (and the memory a
// decoder here would have kept for the worker's life) are given back.
// (Only a hosted worker keeps snapshots: the offline copy's, started from a
// data: URL, has no Cache Storage and could start no worker from a file.)
function decodedXz(compressed, decoderURL) {
  const decoder = new Worker(new URL("./xz-decoder.js", import.meta.url), { type: "module" });
  const decoded = new Promise((resolve, reject) => {
    decoder.addEventListener("message", ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data.bytes)));
    decoder.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error(`the xz decoder did not start: ${event.message || "no reason given"}`));
    });
  });
  decoder.postMessage({ type: "start", decoder: decoderURL });
  decoder.postMessage({ type: "chunk", bytes: compressed }, [compressed.buffer]);
  decoder.postMessage({ type: "end" });
  return decoded.finally(() => decoder.terminate());
}

// After a normal start of a returning reader, in the background; a reader
// who asked their browser to save data is spared the extra download.
async function keepSnapshot(config, returning) {
  if (!snapshotsAllowed(config) || self.navigator.connection?.saveData || !(await returning)) return;
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    if (await cache.match(config.snapshotURL)) return;
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS));
    // Offline, a returning reader's every start logged a failed 3.37 MB
    // download as an error (offprint audit s44, 3): it is tried at the next
    // start online, and only a bad file is worth a warning.
    if (self.navigator.onLine === false) return;
    const response = await networkFetch(config.snapshotURL).catch(() => null);
    if (!response?.ok) return;
    const compressed = new Uint8Array(await response.arrayBuffer());
    while (performance.now() - lastRequestAt < SNAPSHOT_DELAY_MS) {
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS));
    }
    const bytes = await decodedXz(compressed, config.xzDecoder);
    if ((await sha256(bytes)) !== config.snapshotSha256) return;
    await forgetSnapshots(config); // an older build's
    await cache.put(config.snapshotURL, new Response(bytes));
    mark("snapshot-stored");
  } catch (error) {
    console.warn("Match Plan B: the engine snapshot was not kept:", error);
  }
}

async function restoreSnapshot(loadPyodide, options, snapshot, failed) {
  let timer = 0;
  const givenUp = new Promise((_, reject) => {
    restoreFailed = reject;
    timer = setTimeout(() => reject(new Error("the snapshot restore took too long")), RESTORE_LIMIT_MS);
  });
  try {
    return await Promise.race([loadPyodide({ ...options, _loadSnapshot: snapshot }), givenUp, failed]);
  } finally {
    clearTimeout(timer);
    restoreFailed = null;
  }
}

// A data: worker may import neither a file nor the page's blob: URLs, only
// blob: URLs it made itself; so the offline copy hands the modules over as Blobs.
// A script that does not arrive throws a bare TypeError ("Failed to fetch
// dynamically imported module"), which the page read as this browser's
// fault and offered no "Try again" (recovery audit s33, 2): it is a
// download that got no answer.  A script that arrives and cannot be parsed
// throws a SyntaxError, and stays the browser's.
async function importScript(url) {
  try {
    return await import(url);
  } catch (error) {
    if (error instanceof TypeError) error.reason ??= "unreachable";
    throw error;
  }
}

function moduleURL(source) {
  return source instanceof Blob ? URL.createObjectURL(source) : source;
}

let moduleFromPage = null;
// Settled when the page has the wasm, a kept copy or the whole download
// ({type: "wasm-in-page"}).
let wasmInPage;
const pageHasWasm = new Promise((resolve) => {
  wasmInPage = resolve;
});

// Pyodide compiles its wasm with instantiateStreaming and keeps its own
// imports; swap in the page's compiled module at that one call.
function useModuleFromPage(url, fail) {
  moduleFromPage = new Promise((resolve, reject) => {
    self.addEventListener("message", ({ data }) => {
      if (data.type !== "wasm") return;
      if (data.module) resolve(data.module);
      else reject(new Error(`the page could not compile the runtime: ${data.error}`));
    });
  });
  moduleFromPage.catch(fail);
  post({ type: "wasm-wanted" });
  const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (response.url && response.url !== url) return instantiateStreaming(response, imports);
    const module = await moduleFromPage;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

async function start(config) {
  let failStart;
  let startFailed = false;
  const failed = new Promise((_, reject) => {
    failStart = (error) => {
      startFailed = true;
      reject(error);
    };
  });
  failed.catch(() => {}); // reported through the bridge's own rejection
  const wasmURL = new URL("pyodide.asm.wasm", config.indexURL).href;
  const { fetchFile, files } = installFetch(config, (error) => failStart(error));
  if (config.wasmFromPage) {
    // The page downloads, decodes and compiles the wasm, and counts its bytes
    // for the progress bar; Pyodide's own download of it is answered empty.
    files.set(wasmURL, new Uint8Array(0));
    useModuleFromPage(wasmURL, failStart);
  }
  // Python's start waits for the wasm, its script and the standard library;
  // the wheel is needed only once Python is up, about a second after the
  // wasm is in.  So it is fetched once the page has the wasm: on a slow link
  // its bytes no longer share the line with the files the start waits for.
  // (A page that cannot get the wasm fails the start, and the wheel is not fetched.)
  const wheelWanted = config.wasmFromPage ? Promise.race([pageHasWasm, moduleFromPage]) : Promise.resolve();
  const zstd = new Set(config.zstd || []);
  const inZstd = (url) => typeof url === "string" && zstd.has(url.slice(url.lastIndexOf("/") + 1));
  const decoder = zstd.size ? zstdDecoder(config.zstdDecoder) : null;
  for (const [url, when] of [
    [config.stdLibURL, Promise.resolve()],
    [config.wheelURL, wheelWanted],
  ]) {
    if (!inZstd(url)) continue;
    const decoded = when.then(() => decodeZstd(fetchFile, url, decoder));
    decoded.catch(failStart);
    files.set(url, decoded);
  }
  // Pyodide aborts a broken wasm with only a log line and never settles;
  // an unhandled rejection here is the only sign, so treat it as fatal.
  self.addEventListener("unhandledrejection", (event) => {
    event.preventDefault(); // the page logs the cause once, with context
    if (restoreFailed) restoreFailed(event.reason);
    else failStart(event.reason);
  });

  // The other downloads start at once instead of one after another: the
  // stdlib does not wait for the runtime's scripts.
  const wheel = wheelWanted.then(() => verifiedWheel(fetchFile, config));
  // Pyodide's script is imported, not fetched, so a Zstandard copy of it
  // (0.22 MB where a host's gzip sends 0.26 MB) is decoded here and imported
  // as a Blob, as the offline copy imports it.
  const asmModule = inZstd(config.asmModule)
    ? decodeZstd(fetchFile, config.asmModule, decoder).then((bytes) => new Blob([bytes], { type: "text/javascript" }))
    : Promise.resolve(config.asmModule);
  const createPyodideModule = asmModule.then((source) => import(moduleURL(source))).then((module) => module.default);
  const snapshot = storedSnapshot(config);
  // A wheel that fails its check fails the start as soon as it is in, not
  // after Python is up.
  wheel.catch(failStart);
  // Awaited below; until then a failure must not count as unhandled.
  createPyodideModule.catch(() => {});
  const { loadPyodide } = await Promise.race([importScript(moduleURL(config.pyodideModule)), failed]);
  const options = {
    indexURL: config.indexURL,
    stdLibURL: config.stdLibURL,
    lockFileContents: config.lockFileContents,
    // Without it Pyodide would fetch a package missing here from a public
    // CDN; none is ever asked for, and so no address it forms leaves the site.
    packageBaseUrl: config.indexURL,
    createPyodideModule: await Promise.race([createPyodideModule, failed]),
  };
  let pyodide = null;
  const stored = await snapshot;
  if (stored) {
    mark("snapshot-read");
    pyodide = await restoreSnapshot(loadPyodide, options, stored, failed).catch(async (error) => {
      // A word to the page's watchdog: the restore's wait and the start
      // after it are two silences, not one (slow-cpu audit s26, 1).
      mark("snapshot-given-up");
      console.warn("Match Plan B: starting without the engine snapshot:", error);
      // Before starting again, so the start's own keepSnapshot finds it gone.
      // A failed download is no fault of the snapshot.
      if (!startFailed) await forgetSnapshots(config);
      return null;
    });
    restored = Boolean(pyodide);
  }
  // A failed download fails the start either way.
  if (!pyodide) {
    mark("python-starting");
    pyodide = await Promise.race([loadPyodide(options), failed]);
  }
  mark(restored ? "snapshot-restored" : "runtime-started");
  // A snapshot holds memory only, not files: the wheel is unpacked either
  // way, or the calculators could not read their figures.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  const wheelBytes = await Promise.race([wheel, failed]);
  if (!SUBTLE_CRYPTO) checkWheel(pythonSha256(pyodide, wheelBytes), config);
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
  mark("wheel-installed");
  const module = pyodide.pyimport("calculators.browser");
  mark("imported");
  return module;
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "wasm-in-page") return wasmInPage();
  // useModuleFromPage's own listener takes it: it is no request, and an
  // answer to it would carry an id the page never sent.
  if (data.type === "wasm") return;
  if (data.type === "start") {
    if (bridge) return;
    // A page script drives only the engine of its own build: across a deploy,
    // a cache (the host's, or a service worker taking the tab over) can pair
    // one deploy's script with the other's worker, whose Python would refuse
    // or misread the page's fields.  Checked before any download.
    if (data.build !== undefined && data.build !== BUILD.build) {
      status("failed", `this engine is build ${BUILD.build}, its page script build ${data.build}`, "other-build");
      return;
    }
    mark("worker-started");
    status("loading");
    const config = { ...defaults(), ...data.config };
    const returning = noteStart(config);
    bridge = start(config);
    bridge.then(
      () => {
        status("ready");
        if (!restored) keepSnapshot(config, returning);
      },
      (error) => status("failed", String(error?.message || error), error?.reason),
    );
    return;
  }
  const { id, fn, name, payload, args = [] } = data;
  lastRequestAt = performance.now();
  try {
    if (!BRIDGE_FUNCTIONS.has(fn)) throw new Error(`unknown request ${fn}`);
    if (!bridge) throw new Error("the worker was asked to compute before it was started");
    const module = await bridge;
    post({ id, json: module[fn](name, payload, ...args) });
  } catch (error) {
    post({ id, error: String(error?.message || error) });
  }
});
