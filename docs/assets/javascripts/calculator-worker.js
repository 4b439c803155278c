// Module worker that runs the calculators in Pyodide, off the page's thread,
// so typing never waits for Python.  It answers {id, fn, name, payload} with
// {id, json} or {id, error}, and reports loading progress as {type: "status"}.

import { loadPyodide } from "../pyodide/pyodide.mjs";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const WHEEL = "matchplanb-calculators";
const BRIDGE_FUNCTIONS = new Set(["compute", "restore"]);

function status(phase, text) {
  self.postMessage({ type: "status", phase, text });
}

async function start() {
  status("loading", "Loading the calculator engine (about 13 MB, once per visit)…");
  const pyodide = await loadPyodide({ indexURL: INDEX_URL });
  status("loading", "Loading the calculators…");
  const problems = [];
  // loadPackage reports failures through errorCallback instead of throwing,
  // so the import below is the real check.
  await pyodide.loadPackage(WHEEL, { messageCallback: () => {}, errorCallback: (m) => problems.push(m) });
  try {
    return pyodide.pyimport("calculators.browser");
  } catch (error) {
    throw new Error(`the calculators did not load${problems.length ? `: ${problems.join("; ")}` : ""}`);
  }
}

const bridge = start().then(
  (module) => {
    status("ready", "Ready: results update as you type.");
    return module;
  },
  (error) => {
    status("failed", String(error.message || error));
    throw error;
  },
);

self.addEventListener("message", async ({ data }) => {
  const { id, fn, name, payload } = data;
  try {
    if (!BRIDGE_FUNCTIONS.has(fn)) throw new Error(`unknown request ${fn}`);
    const module = await bridge;
    self.postMessage({ id, json: module[fn](name, payload) });
  } catch (error) {
    self.postMessage({ id, error: String(error.message || error) });
  }
});
