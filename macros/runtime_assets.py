"""MkDocs hook: put a small, versioned browser runtime next to the built site.

After each build it writes, into ``assets/pyodide-<version>/``:

- the pinned Pyodide runtime files a module worker needs, copied from
  ``node_modules/pyodide`` (installed by ``npm ci`` from package-lock.json);
- the ``calculators`` package as a pure-Python wheel, its name carrying a
  content hash, so a changed wheel is a new URL;
- a standard library trimmed to the modules listed in ``stdlib_modules.txt``
  (what Pyodide needs to start plus what the calculators import), again named
  by its content hash;
- both compiled to bytecode by the vendored Pyodide itself, run in Node
  (``pyodide_build.mjs``), so the browser imports without compiling;
- a compressed copy of each big download a first visit makes: the wasm in
  xz (``.xz``, 2.64 MB where gzip sends 3.55 MB), decoded once as it arrives
  and then kept decoded by the page (see calculators.js); Pyodide's script
  ``pyodide.asm.mjs``, the standard library and the wheel, decoded on every
  start, in Zstandard (``.zst``), which decodes five times faster (1.0 MB
  where gzip sent 1.5 MB).  Each format's decoder is pinned from npm and
  built to wasm: ``zstddec`` (the zstd project's own) and ``xz-decompress``
  (xz-embedded).  The plain files stay beside them for the offline copy,
  which embeds them gzipped, and for the page's decoded copy of the wasm;
- a memory snapshot of Python with the calculators imported, in xz
  (3.14 MB; Zstandard made 3.63 MB), ``snapshot-<hash>.bin.xz``, named by
  the runtime build, the standard library and the wheel it was made with.
  The worker fetches it in the background when a reader comes back (a
  second start), has a worker of its own decode it, keeps it decoded, and
  starts from it on the visits after that.

Node's work is cached under ``node_modules/.cache``, keyed by the hashes of
its inputs, so only a changed calculator or runtime pays for it again.

It then fills the build manifest (file names, the wheel's sha256, Pyodide's
lock file header, the bytes to expect) into the built copies of
``calculator-worker.js``, so the worker installs the wheel directly, checks its
integrity itself, and never fetches the 112 KB ``pyodide-lock.json``, and of
``calculators.js``, so the page can start on the wasm before the worker runs.

On pages that embed a calculator (and only there) it adds a preload hint, so
the browser starts downloading the runtime while it still reads the page,
unless this browser kept the decoded runtime on an earlier visit.

Nothing is fetched from the network here or in the browser: the site carries
everything it runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from flit_core import buildapi

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
ZSTD_DECODER = ROOT / "node_modules" / "zstddec"
XZ_DECODER = ROOT / "node_modules" / "xz-decompress"
# xz-decompress ships a UMD script; a module worker can only import modules.
# Its text goes in unchanged between these lines, which give it the
# CommonJS names it looks for and export its one class.
XZ_MODULE_HEAD = "const module = { exports: {} }, exports = module.exports, require = () => ({});\n"
XZ_MODULE_TAIL = "\nexport const { XzReadableStream } = module.exports;\n"
STDLIB_LIST = Path(__file__).resolve().parent / "stdlib_modules.txt"
PYODIDE_BUILD = Path(__file__).resolve().parent / "pyodide_build.mjs"
BUILD_CACHE = ROOT / "node_modules" / ".cache" / "matchplanb-runtime"
# Each calculator change adds an entry of some 10 MB; the most recently used
# few are kept, so switching between two branches stays fast.
BUILD_CACHE_KEEP = 4
# Run before the snapshot is taken: every calculator computes once, so modules
# imported only while computing are in the snapshot's memory too.
SNAPSHOT_EXERCISE = """
import calculators.browser as browser
from calculators import REGISTRY
for name in REGISTRY:
    browser.restore(name, '{"linked": {}, "stored": null}')
    browser.compute(name, "{}")
"""
# Only what a module worker needs to start Python; the npm package also ships
# type definitions, source maps, demo consoles, the full standard library and
# the lock file of packages the site never loads.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# The wasm as a first visit downloads it (see pyodide_build.mjs for why xz).
WASM_DOWNLOAD = "pyodide.asm.wasm.xz"
WORKER = Path("assets") / "javascripts" / "calculator-worker.js"
PAGE_SCRIPT = Path("assets") / "javascripts" / "calculators.js"
MANIFEST_MARKER = "/* build manifest */ {}"
ENGINE_CHECK_MARKER = "/* engine check */ true"
# The classic script that asks it on every page, and says so on a calculator
# where the answer is no (it holds the marker above).
ENGINE_CHECK_SCRIPT = Path("assets") / "javascripts" / "engine-check.js"
# What the engine needs of a browser (compat audit s27): Pyodide 314's class
# static blocks (Safari 16.4); WebAssembly (an iPhone's Lockdown Mode turns
# it off) with exception handling, which Pyodide's wasm uses in its first
# form, try ... end (Chrome 95, Firefox 100), and reference types (Chrome
# 96); and a module worker (Firefox 114), the only kind Pyodide 314 starts
# in.  A browser that does not support module workers does not read the
# `type` option; the address is refused either way, so no worker starts.
# One expression for engine-check.js and the preload hint, so a browser the
# page will not start downloads nothing either; the hint leaves its answer in
# `matchPlanBEngineCanRun` for the other scripts.  Written in ES5, because
# engine-check.js must parse in the browsers it answers no for.
ENGINE_CAN_RUN = (
    "(function () { "
    'try { new Function("class A { static {} }"); } catch (error) { return false; } '
    'if (typeof WebAssembly !== "object") return false; '
    "function valid(body) { return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0].concat(body))); } "
    "if (!valid([1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 6, 64, 11, 11])) return false; "
    "if (!valid([1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11])) return false; "
    "var module = false; "
    'try { new (window.matchPlanBNativeWorker || Worker)("blob://", { get type() { module = true; return "module"; } }); } '
    "catch (error) {} "
    "return module; })()"
)
# A memory snapshot's file name starts with this; it is fetched only for later visits.
SNAPSHOT_PREFIX = "snapshot-"
CALCULATOR_MARKUP = 'class="mpb-calculator"'
# Where calculators.js notes the address of the decoded wasm it kept in
# Cache Storage, for the preload hint to read.
RUNTIME_KEPT_KEY = "matchplanb:runtime-kept"
# The attribute the offline copy finds the preload script by, to drop it
# (offline_engine.RUNTIME_PRELOAD).
PRELOAD_SCRIPT_MARK = "data-runtime-preload"


def pyodide_version() -> str:
    version: str = json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]
    return version


def runtime_dir() -> Path:
    """Named by the runtime's version, so caches may treat it as immutable."""
    return Path("assets") / f"pyodide-{pyodide_version()}"


def copy_runtime(target: Path) -> None:
    missing = [name for name in (*RUNTIME_FILES, "python_stdlib.zip") if not (PYODIDE_PACKAGE / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide runtime files missing from {PYODIDE_PACKAGE}: {', '.join(missing)}. "
            "Run `npm ci` (the Makefile does this) to install the pinned version."
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_PACKAGE / name, target / name)
    shutil.copy2(ZSTD_DECODER / "dist" / "zstddec.mjs", target / decoder_name(ZSTD_DECODER))
    script = (XZ_DECODER / "dist" / "package" / "xz-decompress.min.js").read_text()
    (target / decoder_name(XZ_DECODER)).write_text(XZ_MODULE_HEAD + script + XZ_MODULE_TAIL)


def decoder_name(package: Path) -> str:
    """Named by its version: the runtime folder is cached as immutable."""
    return f"{package.name}-{json.loads((package / 'package.json').read_text())['version']}.mjs"


def build_wheel(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(ROOT):
        name: str = buildapi.build_wheel(str(target))
    return target / name


# Modules only the build and the command line import (the season macros'
# words, the command line itself): a first visit would download them for
# nothing, and the 4 MB a first live calculator may take has little room
# left.  A test runs every calculator and the bridge without them.
BUILD_ONLY_MODULES = ("calculators/__main__.py", "calculators/season_words.py")


def browser_wheel(wheel: bytes) -> bytes:
    """The wheel without ``BUILD_ONLY_MODULES``: what the browser installs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as kept:
        for info in source.infolist():
            if info.filename not in BUILD_ONLY_MODULES:
                kept.writestr(info, source.read(info))
    return out.getvalue()


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def stdlib_modules() -> list[str]:
    lines = STDLIB_LIST.read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def trim_stdlib(full: Path, modules: list[str]) -> bytes:
    """A zip of just the listed modules' files, in Pyodide's own layout.

    A listed package keeps only its ``__init__.py`` unless its submodules are
    listed too: ``encodings`` alone is 0.3 MB of codecs nobody here uses."""
    with zipfile.ZipFile(full) as source:
        names = set(source.namelist())
        wanted: list[str] = []
        for module in modules:
            path = module.replace(".", "/")
            found = [name for name in (f"{path}.py", f"{path}/__init__.py") if name in names]
            if not found:
                raise FileNotFoundError(f"{module} is in {STDLIB_LIST.name} but not in Pyodide's standard library")
            wanted += found
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as trimmed:
            for name in sorted(set(wanted)):
                # A fixed date keeps the bytes, and so the file's hash, stable between builds.
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                # Given here: an entry's own ZipInfo overrides the archive's level.
                trimmed.writestr(info, source.read(name), compresslevel=9)
        return out.getvalue()


def write_hashed(target: Path, stem: str, suffix: str, data: bytes) -> str:
    name = f"{stem}-{short_hash(data)}{suffix}"
    (target / name).write_bytes(data)
    return name


def pyodide_build_id() -> str:
    """The id Pyodide checks a snapshot against, from its loader's source."""
    source = (PYODIDE_PACKAGE / "pyodide.mjs").read_text()
    marker = 'BUILD_ID:"'
    start = source.index(marker) + len(marker)
    return source[start : source.index('"', start)]


# What pyodide_build.mjs writes, by the key the build reads it under.
NODE_OUTPUTS = {
    "stdlib": "stdlib.zip",
    "wheel": "wheel.whl",
    "snapshot": "snapshot.bin.xz",
    "snapshot.sha256": "snapshot.sha256",
    "stdlib.zst": "stdlib.zip.zst",
    "wheel.zst": "wheel.whl.zst",
    "wasm.xz": "pyodide.asm.wasm.xz",
    "asm.zst": "pyodide.asm.mjs.zst",
}


def compiled_in_pyodide(stdlib: bytes, wheel: bytes) -> dict[str, bytes]:
    """Bytecode versions of the stdlib and wheel, compressed copies of the
    downloads, and the snapshot, from Node; cached by the hash of everything
    that goes in."""
    out = build_cache_entry(stdlib, wheel)
    if not holds_node_outputs(out):
        BUILD_CACHE.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="work-", dir=BUILD_CACHE))
        try:
            run_pyodide_build(work, stdlib, wheel)
            entry = work / "entry"
            entry.mkdir()
            for name in NODE_OUTPUTS.values():
                (work / name).replace(entry / name)
            publish_build_cache_entry(entry, out)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        prune_build_cache()  # only a new entry can take the cache over its limit
    os.utime(out)  # used now: the last to be pruned
    return {key: (out / name).read_bytes() for key, name in NODE_OUTPUTS.items()}


def run_pyodide_build(work: Path, stdlib: bytes, wheel: bytes, *, compress: bool = True) -> None:
    """Run ``PYODIDE_BUILD`` on these sources, its outputs left in ``work``.

    ``compress=False`` leaves out the compressed copies and the snapshot's
    file (its checksum is still written): what the test of a reproducible
    snapshot needs, in a quarter of the time."""
    (work / "stdlib-source.zip").write_bytes(stdlib)
    (work / "wheel-source.whl").write_bytes(wheel)
    job = {
        "pyodide": str(PYODIDE_PACKAGE),
        "stdlib": str(work / "stdlib-source.zip"),
        "wheel": str(work / "wheel-source.whl"),
        "out": str(work),
        "exercise": SNAPSHOT_EXERCISE,
        "compress": compress,
    }
    (work / "job.json").write_text(json.dumps(job))
    result = subprocess.run(["node", str(PYODIDE_BUILD), str(work / "job.json")], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"{PYODIDE_BUILD.name} failed:\n{result.stderr[-3000:]}")


def files_digest(files: Iterable[tuple[str, bytes]]) -> bytes:
    """One hash of named files, by their names and contents only."""
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.digest()


def zip_contents(archive: bytes) -> bytes:
    """A zip's names and file contents, without the dates it stores: the
    source wheel carries each file's modification time, so two clones of one
    commit keyed Node's cache apart, and the second paid a full Node run
    (reproducible audit s30, 3)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        return files_digest((name, source.read(name)) for name in sorted(source.namelist()))


def build_cache_entry(stdlib: bytes, wheel: bytes) -> Path:
    """Where Node's output for these inputs is kept."""
    inputs = hashlib.sha256()
    for part in (pyodide_build_id().encode(), PYODIDE_BUILD.read_bytes(), SNAPSHOT_EXERCISE.encode(), stdlib):
        inputs.update(hashlib.sha256(part).digest())
    inputs.update(zip_contents(wheel))
    return BUILD_CACHE / inputs.hexdigest()[:24]


def holds_node_outputs(entry: Path) -> bool:
    return all((entry / name).is_file() for name in NODE_OUTPUTS.values())


def publish_build_cache_entry(entry: Path, out: Path) -> None:
    """Put a finished entry in place in one rename.

    Two builds may run Node for the same inputs at once (``make serve``
    beside ``make test``, or two test workers).  The first to finish wins and
    the other drops its copy: a snapshot and the checksum of another Node
    run's snapshot must never meet in one entry, nor a build read an entry
    while another rewrites it."""
    try:
        entry.rename(out)
    except OSError:  # out exists: another build's, or a partial one left by an interrupted build
        if holds_node_outputs(out):
            return
        shutil.rmtree(out)
        entry.rename(out)


def prune_build_cache() -> None:
    """Drop all but the most recently used ``BUILD_CACHE_KEEP`` entries.

    A build still working (``work-*``) is never touched."""
    entries = [p for p in BUILD_CACHE.iterdir() if p.is_dir() and not p.name.startswith("work-")]
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[BUILD_CACHE_KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


def build_manifest(target: Path, scratch: Path) -> dict[str, Any]:
    """Write the runtime's own files into ``target``; describe them for the worker.

    The one list of what the runtime folder holds and what each file is
    called.  The later build steps read it back from the built worker
    (``offline_engine.built_manifest``): the service worker keeps ``hosted``,
    the file:// copy embeds ``embedded``."""
    source_wheel = browser_wheel(build_wheel(scratch).read_bytes())
    source_stdlib = trim_stdlib(PYODIDE_PACKAGE / "python_stdlib.zip", stdlib_modules())
    compiled = compiled_in_pyodide(source_stdlib, source_wheel)
    wheel_bytes, stdlib_bytes = compiled["wheel"], compiled["stdlib"]
    snapshot = compiled["snapshot"]
    # Named by what it was made from: Pyodide detects another runtime build
    # itself, but not another wheel or standard library, nor another way of
    # making it (the exercise and the Node script; reproducible audit s30, 4).
    made_from = short_hash(
        pyodide_build_id().encode()
        + hashlib.sha256(stdlib_bytes + wheel_bytes + SNAPSHOT_EXERCISE.encode() + PYODIDE_BUILD.read_bytes()).digest()
    )
    snapshot_name = f"{SNAPSHOT_PREFIX}{made_from}.bin.xz"
    (target / snapshot_name).write_bytes(snapshot)
    wheel = write_hashed(target, "calculators", ".whl", wheel_bytes)
    stdlib = write_hashed(target, "python_stdlib", ".zip", stdlib_bytes)
    (target / WASM_DOWNLOAD).write_bytes(compiled["wasm.xz"])
    zstd = {
        "pyodide.asm.mjs": compiled["asm.zst"],
        stdlib: compiled["stdlib.zst"],
        wheel: compiled["wheel.zst"],
    }
    for name, data in zstd.items():
        (target / f"{name}.zst").write_bytes(data)
    lock = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    runtime_files = [*RUNTIME_FILES, stdlib, wheel]
    zstd_decoder = decoder_name(ZSTD_DECODER)

    def fetched_as(name: str) -> str:
        """The name a hosted page fetches a runtime file by: its Zstandard
        copy, if any (the wasm's plain copy is the one the page keeps)."""
        return f"{name}.zst" if name in zstd else name

    return {
        # The pages' data-build: see ENGINE_SOURCES.
        "build": build_id,
        "runtimeDir": f"../pyodide-{pyodide_version()}/",
        "wheel": wheel,
        "wheelSha256": hashlib.sha256(wheel_bytes).hexdigest(),
        "stdlib": stdlib,
        # Downloaded as "<name>.zst" by the worker and decoded there.
        "zstd": sorted(zstd),
        "zstdDecoder": zstd_decoder,
        # Downloaded by the page, which has a worker of its own decode it as
        # it arrives (xz-decoder.js), then keeps and compiles the plain wasm.
        "wasmDownload": WASM_DOWNLOAD,
        "wasmDownloadBytes": len(compiled["wasm.xz"]),
        "xzDecoder": decoder_name(XZ_DECODER),
        # In xz too, decoded by the same kind of worker, started by the engine's.
        "snapshot": snapshot_name,
        # Of the decoded bytes, which the worker checks and keeps.
        "snapshotSha256": compiled["snapshot.sha256"].decode("ascii"),
        # Pyodide reads only the header of its lock file when nothing is
        # loaded by name; an empty package list saves a 112 KB download.
        "lock": {"info": lock["info"], "packages": {}},
        # For a progress bar that can say how far along it is: the compressed
        # files are most of what a first start downloads.
        "bytes": len(compiled["wasm.xz"]) + sum(len(data) for data in zstd.values()),
        # What a hosted page fetches, for the service worker to keep.
        "hosted": [*map(fetched_as, runtime_files), zstd_decoder],
        # Of those, what the page itself puts in the service worker's cache:
        # the wasm, decoded from its xz file.  The service worker serves it
        # but never downloads it, which would mean the plain 9.6 MB file.
        "keptByPage": [WASM_DOWNLOAD.removesuffix(".xz")],
        # What the file:// copy embeds: the plain files, which its own gzip
        # compresses; the snapshot needs Cache Storage, which disk has not.
        "embedded": runtime_files,
    }


def fill_in(script: Path, marker: str, value: str) -> None:
    text = script.read_text()
    if text.count(marker) != 1:
        raise ValueError(f"{script} must contain {marker!r} exactly once for the build to fill in")
    script.write_text(text.replace(marker, value))


def fill_manifest(script: Path, manifest: dict[str, Any]) -> None:
    fill_in(script, MANIFEST_MARKER, json.dumps(manifest, separators=(",", ":")))


def preload_hints(page_url: str) -> str:
    """A script that starts the biggest download before any other script runs.

    Only the wasm, as the xz file the page itself fetches, has decoded, and
    compiles (see calculators.js), so the preload is consumed; the worker's
    own files are fetched from a worker, which a page's preload cannot serve.
    A script rather than a plain ``<link>``, because a returning reader's page
    compiles the wasm it kept, and a hint would fetch the 2.64 MB xz file
    again for nothing, from the network once the HTTP cache has let it go.
    It reads the note calculators.js leaves in ``localStorage`` when it keeps
    the wasm: asking Cache Storage itself held a first visit's download back
    by about half a second.  Relative to the page (``page_url`` is MkDocs'
    directory-style URL), so the site works under any base path;
    ``crossOrigin`` matches fetch()'s mode."""
    up = "../" * page_url.count("/")
    runtime = f"{up}{runtime_dir().as_posix()}/"
    kept = f'new URL("{runtime}{WASM_DOWNLOAD.removesuffix(".xz")}", document.baseURI).href'
    hint = f'{{ rel: "preload", as: "fetch", crossOrigin: "anonymous", href: "{runtime}{WASM_DOWNLOAD}" }}'
    return (
        f"<script {PRELOAD_SCRIPT_MARK}>(() => {{ if (!(globalThis.matchPlanBEngineCanRun = {ENGINE_CAN_RUN})) return; "
        f'try {{ if (localStorage.getItem("{RUNTIME_KEPT_KEY}") === {kept}) return; }} catch {{}} '
        f'document.head.append(Object.assign(document.createElement("link"), {hint})); '
        "})();</script>"
    )


# What the page script and the engine's worker are made of.  A page and the
# script driving it must come from the same build: a tab open across a new
# deploy kept the old script and engine while instant navigation brought the
# new pages, whose fields the old Python refused, or answered with the old
# figures beside the new text (upgrade audit s30, 1).  Known before the pages
# are written, so each calculator carries it (data-build) and the page
# script's manifest the same ("build"); the script runs no calculator whose
# page says otherwise.
ENGINE_SOURCES = (
    ROOT / "calculators",
    ROOT / "docs" / "assets" / "javascripts" / PAGE_SCRIPT.name,
    ROOT / "docs" / "assets" / "javascripts" / WORKER.name,
    STDLIB_LIST,
    PYODIDE_BUILD,
)
build_id = ""


def engine_build_id() -> str:
    paths = [
        path
        for source in ENGINE_SOURCES
        for path in (
            sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if source.is_dir() else [source]
        )
    ]
    files = files_digest((path.relative_to(ROOT).as_posix(), path.read_bytes()) for path in paths)
    return short_hash(pyodide_build_id().encode() + files)


def on_pre_build(**_: Any) -> None:
    global build_id
    build_id = engine_build_id()


def on_post_page(output: str, page: Any, **_: Any) -> str:
    if CALCULATOR_MARKUP not in output:
        return output
    output = output.replace(CALCULATOR_MARKUP, f'{CALCULATOR_MARKUP} data-build="{build_id}"')
    # Right after the charset, before any stylesheet: an inline script waits
    # for the stylesheets above it to load, which held the download back.
    charset = '<meta charset="utf-8">'
    if charset not in output:
        raise ValueError(f"{page.url}: no {charset!r} to put the preload hint after")
    return output.replace(charset, charset + preload_hints(page.url), 1)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    target = site / runtime_dir()
    copy_runtime(target)
    with tempfile.TemporaryDirectory() as scratch:
        manifest = build_manifest(target, Path(scratch))
    for script in (WORKER, PAGE_SCRIPT):
        fill_manifest(site / script, manifest)
    fill_in(site / ENGINE_CHECK_SCRIPT, ENGINE_CHECK_MARKER, ENGINE_CAN_RUN)
