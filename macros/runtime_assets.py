"""MkDocs hook: put a small, versioned browser runtime next to the built site.

After each build it writes, into ``assets/pyodide-<version>/``:

- the pinned Pyodide runtime files a module worker needs, copied from
  ``node_modules/pyodide`` (installed by ``npm ci`` from package-lock.json);
- the ``calculators`` package as a pure-Python wheel, its name carrying a
  content hash, so a changed wheel is a new URL;
- a standard library trimmed to the modules listed in ``stdlib_modules.txt``
  (what Pyodide needs to start plus what the calculators import), again named
  by its content hash: about a third of Pyodide's full ``python_stdlib.zip``.

It then fills the worker's build manifest (file names, the wheel's sha256,
Pyodide's lock file header, the bytes to expect) into the built copy of
``calculator-worker.js``, so the worker installs the wheel directly, checks its
integrity itself, and never fetches the 112 KB ``pyodide-lock.json``.

On pages that embed a calculator (and only there) it adds preload hints, so
the browser starts downloading the runtime while it still reads the page.

Nothing is fetched from the network here or in the browser: the site carries
everything it runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from flit_core import buildapi

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
STDLIB_LIST = Path(__file__).resolve().parent / "stdlib_modules.txt"
# Only what a module worker needs to start Python; the npm package also ships
# type definitions, source maps, demo consoles, the full standard library and
# the lock file of packages the site never loads.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
WORKER = Path("assets") / "javascripts" / "calculator-worker.js"
MANIFEST_MARKER = "/* build manifest */ {}"
CALCULATOR_MARKUP = 'class="mpb-calculator"'


def pyodide_version() -> str:
    return json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]


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


def build_wheel(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(ROOT):
        name = buildapi.build_wheel(str(target))
    return target / name


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
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as trimmed:
            for name in sorted(set(wanted)):
                # A fixed date keeps the bytes, and so the file's hash, stable between builds.
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                trimmed.writestr(info, source.read(name))
        return out.getvalue()


def write_hashed(target: Path, stem: str, suffix: str, data: bytes) -> str:
    name = f"{stem}-{short_hash(data)}{suffix}"
    (target / name).write_bytes(data)
    return name


def build_manifest(target: Path, scratch: Path) -> dict[str, Any]:
    """Write the wheel and trimmed stdlib into ``target``; describe them for the worker."""
    wheel_bytes = build_wheel(scratch).read_bytes()
    stdlib_bytes = trim_stdlib(PYODIDE_PACKAGE / "python_stdlib.zip", stdlib_modules())
    lock = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    return {
        "runtimeDir": f"../pyodide-{pyodide_version()}/",
        "wheel": write_hashed(target, "calculators", ".whl", wheel_bytes),
        "wheelSha256": hashlib.sha256(wheel_bytes).hexdigest(),
        "stdlib": write_hashed(target, "python_stdlib", ".zip", stdlib_bytes),
        # Pyodide reads only the header of its lock file when nothing is
        # loaded by name; an empty package list saves a 112 KB download.
        "lock": {"info": lock["info"], "packages": {}},
        # For a progress bar that can say how far along it is.
        "bytes": len(wheel_bytes) + len(stdlib_bytes) + (PYODIDE_PACKAGE / "pyodide.asm.wasm").stat().st_size,
    }


def fill_worker(worker: Path, manifest: dict[str, Any]) -> None:
    text = worker.read_text()
    if text.count(MANIFEST_MARKER) != 1:
        raise ValueError(f"{worker} must contain {MANIFEST_MARKER!r} exactly once for the build to fill in")
    worker.write_text(text.replace(MANIFEST_MARKER, json.dumps(manifest, separators=(",", ":"))))


def preload_hints(page_url: str) -> str:
    """A link that starts the biggest download before any script runs.

    Only the wasm: the page itself fetches and compiles it (see
    calculators.js), so the preload is consumed; the worker's own scripts are
    fetched as worker modules, which a page's preload cannot serve.  Relative
    to the page (``page_url`` is MkDocs' directory-style URL), so the site
    works under any base path; ``crossorigin`` matches fetch()'s request mode."""
    up = "../" * page_url.count("/")
    runtime = f"{up}{runtime_dir().as_posix()}/"
    return f'<link rel="preload" href="{runtime}pyodide.asm.wasm" as="fetch" type="application/wasm" crossorigin>'


def on_post_page(output: str, page: Any, **_: Any) -> str:
    if CALCULATOR_MARKUP not in output:
        return output
    return output.replace("</head>", preload_hints(page.url) + "</head>", 1)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    target = site / runtime_dir()
    copy_runtime(target)
    with tempfile.TemporaryDirectory() as scratch:
        manifest = build_manifest(target, Path(scratch))
    fill_worker(site / WORKER, manifest)
