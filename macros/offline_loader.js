// Starts the calculator engine in the offline copy read from a folder
// (file://).  macros/offline_engine.py fills in OFFLINE below and appends the
// site's calculators.js, turned into a classic script, after this block.
//
// Why it looks like this: a page opened from disk has an opaque origin, and
// Chromium then refuses every way the hosted site starts the engine (measured
// on Chromium 156): a module script from a file (so calculators.js itself),
// a worker from a file, fetch() or XHR of a sibling file, a classic worker,
// a module worker from a blob: URL.  What it still allows, and what is used:
// - classic <script src> files, so the loader is classic and the runtime
//   files come as classic scripts carrying each file as a gzip+base64 string
//   (smaller on disk than the raw files);
// - fetch() of a data: URL, and DecompressionStream, to turn a string back
//   into bytes off the main thread;
// - a module worker from a data: URL, which runs the site's own built
//   calculator-worker.js: the one engine, no second copy to keep in step;
// - import() of a blob: URL, for pyodide.mjs and pyodide.asm.mjs;
// - the worker's `files` option, which answers Pyodide's downloads (the wasm,
//   the standard library, the wheel) from memory, the wasm typed
//   application/wasm so it still compiles while streaming.
(() => {
  "use strict";

  const OFFLINE = /* offline engine */ {};
  const loaderURL = document.currentScript.src;
  // Where the built files would be; the worker resolves every runtime URL
  // against this, and `files` below answers those URLs from memory.
  const workerURL = new URL(OFFLINE.worker, loaderURL).href;
  const runtimeURL = new URL(OFFLINE.runtimeDir, loaderURL).href;
  const TYPES = { ".mjs": "text/javascript", ".wasm": "application/wasm" };

  function readEmbed(name) {
    const src = new URL(OFFLINE.embeds[name], loaderURL).href;
    return new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src });
      script.addEventListener("load", () => {
        const files = globalThis.matchPlanBEngineFiles || {};
        const text = files[name];
        delete files[name]; // the string is large; keep only the bytes
        script.remove();
        if (typeof text === "string") resolve(text);
        else reject(new Error(`${src} did not carry ${name}`));
      });
      script.addEventListener("error", () => reject(new Error(`could not read ${src}`)));
      document.head.append(script);
    });
  }

  async function decode(name) {
    const text = await readEmbed(name);
    const gzipped = await fetch(`data:application/gzip;base64,${text}`);
    const bytes = gzipped.body.pipeThrough(new DecompressionStream("gzip"));
    const type = TYPES[name.slice(name.lastIndexOf("."))] || "application/octet-stream";
    return new Blob([await new Response(bytes).blob()], { type });
  }

  async function runtimeFiles(progress) {
    const names = Object.keys(OFFLINE.embeds);
    let decoded = 0;
    const blobs = await Promise.all(
      names.map(async (name) => {
        const blob = await decode(name);
        decoded += blob.size;
        progress(decoded, OFFLINE.bytes);
        return blob;
      }),
    );
    const files = Object.fromEntries(names.map((name, i) => [new URL(name, runtimeURL).href, blobs[i]]));
    const module = (name) => files[new URL(name, runtimeURL).href];
    return {
      files,
      // Blobs, not URLs: the worker makes its own blob: URLs to import them.
      pyodideModule: module("pyodide.mjs"),
      asmModule: module("pyodide.asm.mjs"),
      // The hosted page compiles the wasm to reach Chromium's code cache,
      // which a wasm from memory never reaches: the worker compiles it.
      wasmFromPage: false,
      // The embeds are the plain files, gzipped: nothing to decode further.
      zstd: [],
    };
  }

  // calculators.js starts its worker through this instead of from a file.
  globalThis.matchPlanBEngineFromMemory = {
    worker() {
      // The built worker finds its runtime through import.meta.url, which a
      // data: URL cannot resolve against; give it the file's own address,
      // whose runtime URLs the `files` option then answers from memory.
      const source = OFFLINE.workerSource.replaceAll("import.meta.url", JSON.stringify(workerURL));
      // On file: pages Material's search shim replaces window.Worker with an
      // iframe stand-in that cannot run a module; the page saved the real one
      // before the shim ran (see macros/offline.py).
      const NativeWorker = globalThis.matchPlanBNativeWorker || Worker;
      const worker = new NativeWorker(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`, { type: "module" });
      // Decoding takes a moment, and the worker must get its start message,
      // with the files, before any request: hold every message until then.
      const send = worker.postMessage.bind(worker);
      // Reported as the worker's own progress would be: the reader sees the
      // bar move, and the page's silence clock knows the start is alive.
      const progress = (loaded, total) =>
        worker.dispatchEvent(new MessageEvent("message", { data: { type: "progress", loaded, total } }));
      const ready = runtimeFiles(progress);
      // Said as the worker says a failed start, with its cause: the page
      // then tells the reader to unzip the copy whole, not to reload.
      ready.catch((error) => {
        worker.terminate();
        const text = `the embedded runtime could not be read: ${error.message}`;
        worker.dispatchEvent(
          new MessageEvent("message", { data: { type: "status", phase: "failed", text, reason: "incomplete-copy" } }),
        );
      });
      worker.postMessage = (message) => {
        ready.then(
          (files) => send(message.type === "start" ? { ...message, config: { ...message.config, ...files } } : message),
          () => {}, // reported once, as the status message above
        );
      };
      return worker;
    },
  };
})();
