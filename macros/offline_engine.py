"""Live calculators in the offline copy, read from a folder (file://).

A page opened from disk has an opaque origin, and Chromium then refuses the
hosted site's way of starting the engine: the module script calculators.js,
a worker made from a file, and fetch() of the runtime files next to it.
``embed_engine`` takes an already built site (the offline build, with
Material's offline plugin on) and adds what still works from disk; why each
browser feature is used is told in ``offline_loader.js``:

- ``assets/javascripts/offline-engine/<file>.js``: one classic script per
  runtime file (the wasm, the two Pyodide modules, the trimmed standard
  library, the calculators wheel), each carrying the file as a gzip+base64
  string.  A browser may read a classic script from disk, never a sibling
  file's bytes; gzip keeps the strings smaller than the raw files.
- ``assets/javascripts/calculators-offline.js``: a classic loader, the
  filled-in ``offline_loader.js`` followed by the site's own calculators.js
  turned into a classic script.  It starts the site's built
  calculator-worker.js from a data: URL and hands it the runtime files.
- every page's ``<script type="module" src=…calculators.js>`` becomes a
  deferred classic script for that loader (module scripts from disk are
  refused), and the runtime preload hint, which would only fail from disk, is
  dropped.

The hosted build never runs this: it keeps its module script and worker.
``macros/offline.py`` runs it at the end of the offline build, before it
zips the copy (which leaves out ``assets/pyodide-*/``, whose files are all
embedded).
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LOADER_TEMPLATE = Path(__file__).resolve().parent / "offline_loader.js"
LOADER_MARKER = "/* offline engine */ {}"
JAVASCRIPTS = Path("assets") / "javascripts"
EMBED_DIR = JAVASCRIPTS / "offline-engine"
LOADER = JAVASCRIPTS / "calculators-offline.js"
WORKER = JAVASCRIPTS / "calculator-worker.js"
CALCULATORS = JAVASCRIPTS / "calculators.js"
# The line of the built worker that carries its build manifest (written by
# runtime_assets.fill_worker); the JSON follows it.
MANIFEST_LINE = "const BUILD = "
# The global each embed script files its string under; offline_loader.js reads it.
EMBED_GLOBAL = "matchPlanBEngineFiles"

MODULE_TAG = re.compile(
    r'<script\b(?=[^>]*\stype="module")[^>]*\ssrc="(?P<up>[^"]*?)assets/javascripts/calculators\.js"[^>]*>\s*</script>'
)
RUNTIME_PRELOAD = re.compile(r"<script data-runtime-preload>.*?</script>")  # runtime_assets.preload_hints


@dataclass(frozen=True)
class Embedded:
    """What ``embed_engine`` wrote, for the build log."""

    raw_bytes: int
    embedded_bytes: int
    pages: int


def runtime_folder(site: Path) -> Path:
    found = sorted(path for path in (site / "assets").glob("pyodide-*") if path.is_dir())
    if len(found) != 1:
        raise FileNotFoundError(f"expected one built runtime folder assets/pyodide-*/ in {site}, found {len(found)}")
    return found[0]


def built_manifest(site: Path) -> dict[str, Any]:
    """The runtime's build manifest, as filled into the built worker: the one
    list of the runtime's files, read back rather than worked out again."""
    text = (site / WORKER).read_text()
    if MANIFEST_LINE not in text or "/* build manifest */ {}" in text:
        raise ValueError(f"{site / WORKER} carries no build manifest: is it a finished build?")
    manifest: dict[str, Any]
    manifest, _ = json.JSONDecoder().raw_decode(text, text.index(MANIFEST_LINE) + len(MANIFEST_LINE))
    return manifest


def embedded_files(site: Path) -> list[Path]:
    runtime = runtime_folder(site)
    return [runtime / name for name in built_manifest(site)["embedded"]]


def embed_script(name: str, data: bytes) -> str:
    # mtime=0: the same runtime gives the same bytes, build after build.
    text = base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")
    return f"(globalThis.{EMBED_GLOBAL} ||= {{}})[{json.dumps(name)}] = {json.dumps(text)};\n"


def classic_calculators(source: str) -> str:
    """calculators.js as a classic script: module scripts are refused from disk.

    Only ``import.meta.url`` is module-only syntax there; ``document.currentScript``
    names the same folder, as the loader sits next to calculators.js.  The
    function scope keeps its top-level names private, as a module's are."""
    # Static import and export are module-only; import() is not.
    if re.search(r"^\s*(import(?!\s*\()|export)\b", source, re.MULTILINE):
        raise ValueError(f"{CALCULATORS} uses import or export; the offline loader cannot inline it as a classic script")
    return '(() => {\n"use strict";\n' + source.replace("import.meta.url", "document.currentScript.src") + "\n})();\n"


def write_loader(site: Path, runtime: Path, embeds: dict[str, str], raw_bytes: int) -> None:
    worker_source = (site / WORKER).read_text()
    if "import.meta.url" not in worker_source:
        raise ValueError(f"{WORKER} no longer locates its runtime through import.meta.url; update offline_loader.js")
    settings = {
        "bytes": raw_bytes,
        "worker": WORKER.name,
        "runtimeDir": f"../{runtime.name}/",
        "embeds": embeds,
        "workerSource": worker_source,
    }
    template = LOADER_TEMPLATE.read_text()
    if template.count(LOADER_MARKER) != 1:
        raise ValueError(f"{LOADER_TEMPLATE.name} must contain {LOADER_MARKER!r} exactly once")
    loader = template.replace(LOADER_MARKER, json.dumps(settings, separators=(",", ":")))
    (site / LOADER).write_text(loader + "\n" + classic_calculators((site / CALCULATORS).read_text()))


def rewrite_pages(site: Path) -> int:
    """Point every page at the classic loader; return how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text()
        new = MODULE_TAG.sub(lambda match: f'<script src="{match["up"]}{LOADER.as_posix()}" defer></script>', text)
        new = RUNTIME_PRELOAD.sub("", new)
        if new != text:
            page.write_text(new)
            changed += 1
    return changed


def embed_engine(site_dir: Path) -> Embedded:
    """Add the file:// calculator engine to the built site in ``site_dir``."""
    site = Path(site_dir)
    if (site / LOADER).exists():
        raise ValueError(f"{site} already has the offline engine ({LOADER})")
    runtime = runtime_folder(site)
    (site / EMBED_DIR).mkdir(parents=True, exist_ok=True)
    embeds: dict[str, str] = {}
    raw = embedded = 0
    for path in embedded_files(site):
        data = path.read_bytes()
        script = embed_script(path.name, data)
        target = site / EMBED_DIR / f"{path.name}.js"
        target.write_text(script)
        # Relative to the loader, which sits in assets/javascripts/.
        embeds[path.name] = f"{EMBED_DIR.name}/{target.name}"
        raw += len(data)
        embedded += len(script)
    for needed in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        if needed not in embeds:
            raise FileNotFoundError(f"{runtime} has no {needed}")
    write_loader(site, runtime, embeds, raw)
    pages = rewrite_pages(site)
    if not pages:
        raise ValueError(f"no page in {site} loads calculators.js as a module: is it a built site?")
    return Embedded(raw_bytes=raw, embedded_bytes=embedded, pages=pages)
