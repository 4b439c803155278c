// Build-time only (run by macros/minified_scripts.py through Node): minifies
// the hosted site's own scripts in place with Terser, once the build has
// filled in everything it writes into them.  The Python hook chooses the
// files and says which are modules; this script only minifies and reports.
//
// stdin: { siteDir, modules: [paths], classic: [paths], globals: [names] }
// stdout: { [path]: [bytes before, bytes after] }

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { minify } from "terser";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const sizes = {};
for (const [files, module] of [[input.modules, true], [input.classic, false]]) {
  for (const file of files) {
    const where = path.join(input.siteDir, file);
    const code = await readFile(where, "utf8");
    // Names the hook takes out of a file and puts back whole (the build
    // manifest) must reach the minified code as they are.
    const result = await minify(code, { module, mangle: { reserved: input.globals }, format: { comments: false } });
    await writeFile(where, result.code);
    sizes[file] = [Buffer.byteLength(code), Buffer.byteLength(result.code)];
  }
}
process.stdout.write(JSON.stringify(sizes));
