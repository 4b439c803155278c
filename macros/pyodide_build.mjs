// Build-time helper for macros/runtime_assets.py: runs the vendored Pyodide
// in Node, so what the browser would otherwise do on every start is done once
// here, by the very interpreter the browser runs.
//
//   node macros/pyodide_build.mjs <job.json>
//
// job.json: {pyodide, stdlib, wheel, out, exercise, compress}
//   pyodide   folder of the npm pyodide package
//   stdlib    the trimmed standard library zip (sources)
//   wheel     the calculators wheel (sources)
//   out       folder to write stdlib.zip and wheel.whl into, a compressed
//             copy of each download a first visit makes (stdlib.zip.zst,
//             wheel.whl.zst, pyodide.asm.mjs.zst, and the wasm as
//             pyodide.asm.wasm.xz), and the snapshot as snapshot.bin.xz
//             with the sha256 of its raw bytes in snapshot.sha256
//   exercise  Python run before the memory snapshot, so modules a calculator imports
//             late are in memory too
//   compress  false: write no compressed copy (nor the snapshot itself, only
//             its sha256), three quarters of the job's time, for the test
//             that two runs make the same snapshot; xz and Zstandard give
//             the same bytes for the same input, so the copies need no second run
//
// Both zips come back with every .py replaced by its sourceless .pyc
// (unchecked-hash, so the same sources give the same bytes): the browser then
// imports without compiling, which is most of a start's Python time.  Their
// entries are stored, not deflated: the whole file is compressed once instead
// (Zstandard for the hosted site, gzip in the offline copy), which finds the
// repeats across files that per-file deflate cannot: 1.08 MB of deflated
// standard library become 0.77 MB.
//
// Why two formats: browsers' own DecompressionStream knows nothing better
// than gzip, so the site ships small decoders built to wasm.  Zstandard
// (level 19; zstddec, 30 KB gzipped) for the files a start decodes every
// time, Pyodide's script and the two zips (1.0 MB where gzip sends 1.5 MB):
// it decodes the standard library in about 20 ms.  xz (xz-decompress, 9 KB)
// for the wasm: 2.64 MB where Zstandard makes 2.89 MB and gzip 3.54 MB.  xz
// decodes about five times slower (0.2-0.4 s for the wasm in Chromium here),
// but the wasm is decoded once, as its bytes arrive, and then kept decoded
// by the page; on a link slower than the decoder (xz at some 60 Mbit/s
// here, less on a phone) the decoding keeps pace with the download.  The
// snapshot is xz as well (3.14 MB where Zstandard makes 3.63 MB): it too is
// decoded once and kept, in the background, by a worker of its own.
// Python 3.14's compression.zstd and lzma, inside this same Pyodide, write
// both, so the build needs no other tool.
//
// The snapshot is made on the compiled standard library, byte for byte the
// one the site ships: zipimport keeps the zip's table of contents in memory,
// so a snapshot is only valid with that same file.  The wheel is installed
// with unpackArchive, not loadPackage, which leaves JavaScript references a
// snapshot cannot hold.

import nodeCrypto, { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(join(job.pyodide, "pyodide.mjs"));
const quiet = { stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) };

const COMPILE_ZIP = `
import ast
import importlib._bootstrap_external as bootstrap
import importlib.util
import types
import zipfile

# A location table that puts every instruction on the code object's first
# line: one 2-byte entry (form 13, "no columns", line delta 0) per 8 code
# units, the most the format allows.  Line numbers in the browser help no
# reader; the table is a seventh of the standard library's compressed bytes.
def on_first_line(code: types.CodeType) -> types.CodeType:
    units = len(code.co_code) // 2
    table = b"".join(bytes([0x80 | 13 << 3 | min(8, units - start) - 1, 0]) for start in range(0, units, 8))
    consts = tuple(on_first_line(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)

# Docstrings are for whoever reads the source, and nothing in the browser
# reads __doc__; without them the calculators' wheel is a tenth smaller.
# Unlike -OO (which the standard library gets, and which drops docstrings
# itself), this keeps the asserts, so the calculators run as written.
def without_docstrings(source: bytes, name: str) -> ast.Module:
    tree = ast.parse(source, name)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if ast.get_docstring(node, clean=False) is not None:
                node.body = node.body[1:] or [ast.copy_location(ast.Pass(), node.body[0])]
    return tree

def compile_zip(source: str, target: str, optimize: int, first_lines: bool) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename
            if name.endswith(".py"):
                tree = data if optimize >= 2 else without_docstrings(data, name)
                code = compile(tree, name, "exec", dont_inherit=True, optimize=optimize)
                if first_lines:
                    code = on_first_line(code)
                data = bytes(bootstrap._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
                name += "c"
            elif name.endswith("/RECORD") and ".dist-info/" in name:
                continue  # would list the .py files; the wheel is installed by unpacking, not by pip
            entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED
            entry.external_attr = info.external_attr
            zout.writestr(entry, data)

def xz_file(source: str, target: str) -> None:
    import lzma

    with open(source, "rb") as src:
        data = src.read()
    # The smallest dictionary LZMA2 allows that holds the whole file (sizes
    # go 2^n, 3 * 2^(n-1)): the same bytes as xz -9e's 64 MiB, and the
    # browser's decoder allocates only this much.  CRC32, the check every
    # xz decoder verifies.
    dict_size = 4096
    while dict_size < len(data):
        dict_size = dict_size * 3 // 2 if dict_size & (dict_size - 1) == 0 else dict_size // 3 * 4
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": dict_size}
    with open(target, "wb") as out:
        out.write(lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32, filters=[lzma2]))

def zst_file(source: str, target: str) -> None:
    from compression import zstd

    with open(source, "rb") as src, open(target, "wb") as out:
        out.write(zstd.compress(src.read(), level=19))
`;

// Compresses a file of the out folder, beside it, as <name>.zst (or .xz).
function compressedCopy(pyodide, name, bytes = readFileSync(join(job.out, name)), format = "zst") {
  if (job.compress === false) return;
  pyodide.FS.writeFile("/tmp/plain", bytes);
  pyodide.runPython(`${format}_file("/tmp/plain", "/tmp/plain.${format}")`);
  writeFileSync(join(job.out, `${name}.${format}`), pyodide.FS.readFile(`/tmp/plain.${format}`));
  pyodide.FS.unlink("/tmp/plain");
}

async function compileBoth() {
  // Line numbers only, without the column ranges of tracebacks (as python -X
  // no_debug_ranges): smaller code objects.
  const pyodide = await loadPyodide({ indexURL: job.pyodide, env: { PYTHONNODEBUGRANGES: "1" }, ...quiet });
  pyodide.runPython(COMPILE_ZIP);
  // The standard library without docstrings and asserts (as under python -OO),
  // a third fewer bytes; the calculators as written but for their docstrings.
  // Both on first lines: the browser never shows a traceback (browser.py
  // sends only the exception's type and words to the console), and the same
  // calculators run natively, line numbers and all, for whoever debugs them.
  // For the wheel that is 38 KB of its 320 KB compressed (2026-12-07).
  for (const [input, output, optimize, firstLines] of [
    [job.stdlib, "stdlib.zip", 2, "True"],
    [job.wheel, "wheel.whl", 0, "True"],
  ]) {
    pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
    pyodide.runPython(`compile_zip("/tmp/in.zip", "/tmp/out.zip", ${optimize}, ${firstLines})`);
    writeFileSync(join(job.out, output), pyodide.FS.readFile("/tmp/out.zip"));
    compressedCopy(pyodide, output);
  }
  compressedCopy(pyodide, "pyodide.asm.mjs", readFileSync(join(job.pyodide, "pyodide.asm.mjs")));
  compressedCopy(pyodide, "pyodide.asm.wasm", readFileSync(join(job.pyodide, "pyodide.asm.wasm")), "xz");
  return pyodide;
}

// A memory snapshot keeps whatever was random or timed while it was made:
// the C library's and the allocator's random state, Python's hash key and its
// random module's seed, file times and clock readings.  Two builds of one
// commit differed in 41 of their 7,680 blocks, so the snapshot a deploy made
// was never the one its tests had run (reproducible audit s30, 4).  Fed fixed
// ones, the same sources make the same bytes.  The day stays the build's own
// (local noon, or SOURCE_DATE_EPOCH), as the pages' is.
async function reproducibly(make) {
  const saved = { fill: nodeCrypto.randomFillSync, date: Date.now, clock: performance.now };
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const noon = new Date();
  noon.setHours(12, 0, 0, 0);
  const fixed = Number.isSafeInteger(epoch) && epoch > 0 ? epoch * 1000 : noon.getTime();
  let drawn = 0;
  let ticks = 0;
  nodeCrypto.randomFillSync = (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let at = 0; at < bytes.length; at += 32) {
      bytes.set(createHash("sha256").update(`matchplanb snapshot ${drawn++}`).digest().subarray(0, bytes.length - at), at);
    }
    return view;
  };
  Date.now = () => fixed;
  performance.now = () => ++ticks; // still moving, for anything that waits on it
  try {
    return await make();
  } finally {
    nodeCrypto.randomFillSync = saved.fill;
    Date.now = saved.date;
    performance.now = saved.clock;
  }
}

async function snapshot() {
  const pyodide = await loadPyodide({
    indexURL: job.pyodide,
    stdLibURL: join(job.out, "stdlib.zip"),
    lockFileContents: JSON.parse(readFileSync(join(job.pyodide, "pyodide-lock.json"), "utf8")),
    _makeSnapshot: true,
    ...quiet,
  });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(job.out, "wheel.whl"))), "wheel", { extractDir: sitePackages });
  // With the clock held, site-packages keeps the time Python first read it
  // at, so Python would not look again for the files just unpacked.
  pyodide.runPython("import sys; sys.path_importer_cache.clear()");
  pyodide.runPython(job.exercise);
  return pyodide.makeMemorySnapshot();
}

const tool = await compileBoth();
// xz: 3.14 MB of the 31 MB (Zstandard made 3.63 MB, gzip 4.7 MB), downloaded
// once by a returning reader.  About 10 s of this build.
const memory = await reproducibly(snapshot);
compressedCopy(tool, "snapshot.bin", memory, "xz");
writeFileSync(join(job.out, "snapshot.sha256"), createHash("sha256").update(memory).digest("hex"));
