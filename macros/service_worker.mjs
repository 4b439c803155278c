// Build-time only (run by macros/offline.py through Node): writes the site's
// service worker with Workbox.  The Python hook decides which files go where
// and passes them on stdin as JSON; this script only asks Workbox to hash
// them, generate sw.js, and report what it listed, so the hook can check it.
//
// stdin: { siteDir, precache: [paths], runtime: [paths], workerExtras }
// stdout: { precache: { count, size }, runtime: [urls], warnings }

import { generateSW, getManifest } from "workbox-build";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

// Workbox skips files over 2 MB with only a warning; the runtime's wasm and
// zips are larger, so the limit is raised and the hook checks the list.
const LARGEST_FILE = 64 * 1024 * 1024;

// The runtime is not precached (guide pages must not download it): it is
// listed here so the worker can save it on a calculator visit or when the
// reader asks, and serve it from its own cache.
const runtime = await getManifest({
  globDirectory: input.siteDir,
  globPatterns: input.runtime,
  maximumFileSizeToCacheInBytes: LARGEST_FILE,
});
// Served from the worker's cache: exactly those files (a memory snapshot, or
// a file only the offline copy uses, is left to the network).
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const runtimeURL = new RegExp(`/(${input.runtime.map(escape).join("|")})$`);

const precache = await generateSW({
  swDest: `${input.siteDir}/sw.js`,
  globDirectory: input.siteDir,
  // Literal paths chosen by the hook.
  globPatterns: input.precache,
  maximumFileSizeToCacheInBytes: LARGEST_FILE,
  // Names that already carry their content's hash (Material's bundles, the
  // runtime folder named by its version) are fetched once, without the
  // cache-busting reload that would download them a second time.
  dontCacheBustURLsMatching: /(\.[0-9a-f]{8}\.min\.(js|css)$)|(^assets\/pyodide-[^/]+\/)/,
  // Old links carry calculator inputs as a query string; the page is the same.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: "index.html",
  cacheId: "match-plan-b",
  cleanupOutdatedCaches: true,
  // A new build takes over at once; the page tells the reader (offline.js).
  skipWaiting: true,
  clientsClaim: true,
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  importScripts: [input.workerExtras],
  runtimeCaching: [
    {
      urlPattern: runtimeURL,
      handler: "CacheFirst",
      options: { cacheName: "match-plan-b-runtime" },
    },
    // A page's address the precache does not hold (Workbox tries its
    // precache route first): an address without its trailing slash, or one
    // the site does not have.  Written into sw.js as source, so the handler
    // only calls the function offline-worker.js defines.
    {
      urlPattern: ({ request }) => request.mode === "navigate",
      handler: (options) => pageOutsideThePrecache(options),
    },
  ],
});

process.stdout.write(
  JSON.stringify({
    precache: { count: precache.count, size: precache.size },
    runtime: runtime.manifestEntries.map(({ url }) => url),
    warnings: [...runtime.warnings, ...precache.warnings],
  }),
);
