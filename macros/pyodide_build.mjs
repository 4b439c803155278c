// Build-time helper for macros/runtime_assets.py: runs the vendored Pyodide
// in Node, so what the browser would otherwise do on every start is done once
// here, by the very interpreter the browser runs.
//
//   node macros/pyodide_build.mjs <job.json>
//
// job.json: {pyodide, stdlib, wheel, out, snapshot, exercise}
//   pyodide   folder of the npm pyodide package
//   stdlib    the trimmed standard library zip (sources)
//   wheel     the calculators wheel (sources)
//   out       folder to write stdlib.zip and wheel.whl into, a Zstandard
//             copy of each download a first visit makes (stdlib.zip.zst,
//             wheel.whl.zst, pyodide.asm.wasm.zst, pyodide.asm.mjs.zst),
//             and the snapshot as snapshot.bin.zst with the sha256 of its
//             raw bytes in snapshot.sha256
//   snapshot  true: also write a memory snapshot
//   exercise  Python run before the snapshot, so modules a calculator imports
//             late are in memory too
//
// Both zips come back with every .py replaced by its sourceless .pyc
// (unchecked-hash, so the same sources give the same bytes): the browser then
// imports without compiling, which is most of a start's Python time.  Their
// entries are stored, not deflated: the whole file is compressed once instead
// (Zstandard for the hosted site, gzip in the offline copy), which finds the
// repeats across files that per-file deflate cannot: 1.08 MB of deflated
// standard library become 0.77 MB.
//
// Why Zstandard: at level 19 it makes the wasm 2.89 MB where the gzip a host
// applies makes it 3.54 MB, and a 30 KB decoder (zstddec) reads it in the
// browser in about 0.1-0.3 s; browsers' own DecompressionStream knows no
// better format than gzip.  Python 3.14's compression.zstd, inside this same Pyodide, writes it,
// so the build needs no other tool.
//
// The snapshot is made on the compiled standard library, byte for byte the
// one the site ships: zipimport keeps the zip's table of contents in memory,
// so a snapshot is only valid with that same file.  The wheel is installed
// with unpackArchive, not loadPackage, which leaves JavaScript references a
// snapshot cannot hold.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(join(job.pyodide, "pyodide.mjs"));
const quiet = { stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) };

const COMPILE_ZIP = `
import importlib._bootstrap_external as bootstrap
import importlib.util
import types
import zipfile

# A location table that puts every instruction on the code object's first
# line: one 2-byte entry (form 13, "no columns", line delta 0) per 8 code
# units, the most the format allows.  Line numbers inside the standard
# library help no reader; the table is a seventh of its compressed bytes.
def on_first_line(code: types.CodeType) -> types.CodeType:
    units = len(code.co_code) // 2
    table = b"".join(bytes([0x80 | 13 << 3 | min(8, units - start) - 1, 0]) for start in range(0, units, 8))
    consts = tuple(on_first_line(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)

def compile_zip(source: str, target: str, optimize: int, first_lines: bool) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename
            if name.endswith(".py"):
                code = compile(data, name, "exec", dont_inherit=True, optimize=optimize)
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

def zstd_file(source: str, target: str) -> None:
    from compression import zstd

    with open(source, "rb") as src, open(target, "wb") as out:
        out.write(zstd.compress(src.read(), level=19))
`;

// Compresses a file of the out folder, beside it, as <name>.zst.
function zstdCopy(pyodide, name, bytes = readFileSync(join(job.out, name))) {
  pyodide.FS.writeFile("/tmp/plain", bytes);
  pyodide.runPython(`zstd_file("/tmp/plain", "/tmp/plain.zst")`);
  writeFileSync(join(job.out, `${name}.zst`), pyodide.FS.readFile("/tmp/plain.zst"));
  pyodide.FS.unlink("/tmp/plain");
}

async function compileBoth() {
  // Line numbers only, without the column ranges of tracebacks (as python -X
  // no_debug_ranges): smaller code objects.
  const pyodide = await loadPyodide({ indexURL: job.pyodide, env: { PYTHONNODEBUGRANGES: "1" }, ...quiet });
  pyodide.runPython(COMPILE_ZIP);
  // The standard library without docstrings and asserts (as under python -OO),
  // a third fewer bytes, and on first lines; the calculators exactly as
  // written, their line numbers kept for whoever reads a traceback.
  for (const [input, output, optimize, firstLines] of [
    [job.stdlib, "stdlib.zip", 2, "True"],
    [job.wheel, "wheel.whl", 0, "False"],
  ]) {
    pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
    pyodide.runPython(`compile_zip("/tmp/in.zip", "/tmp/out.zip", ${optimize}, ${firstLines})`);
    writeFileSync(join(job.out, output), pyodide.FS.readFile("/tmp/out.zip"));
    zstdCopy(pyodide, output);
  }
  for (const name of ["pyodide.asm.wasm", "pyodide.asm.mjs"]) zstdCopy(pyodide, name, readFileSync(join(job.pyodide, name)));
  return pyodide;
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
  pyodide.runPython(job.exercise || "import calculators.browser");
  return pyodide.makeMemorySnapshot();
}

const tool = await compileBoth();
if (job.snapshot) {
  // Zstandard: 3.6 MB where gzip made 4.7 MB of the 31 MB, downloaded once
  // by a returning reader.
  const memory = await snapshot();
  zstdCopy(tool, "snapshot.bin", memory);
  writeFileSync(join(job.out, "snapshot.sha256"), createHash("sha256").update(memory).digest("hex"));
}
