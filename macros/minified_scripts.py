"""The hosted site's own scripts, minified: the bytes goal of issue 10.

A first live calculator came to 3.998 MB of its 4 MB once a session's new
words had grown the calculators' wheel (2026-12-06), and the site's own
scripts were sent as written, comments and all: 56.2 KB gzipped, 22.0 KB
once minified.  Minifying runs last, once the build has written into them (the
runtime hook's build manifest, the service worker's lists of files), and
before Workbox hashes them.  The copy read from a folder keeps its scripts
as written: its zip is not the first live calculator, and it rewrites
``calculators.js`` as a classic script from the text.

The build manifest is read back from the built worker by its text
(``offline_engine.built_manifest``), so its statement is taken out before
minifying and put back whole at the top, where the code still finds it by
name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "minify_scripts.mjs"
SOURCES = ROOT / "docs" / "assets" / "javascripts"
BUILT = Path("assets") / "javascripts"
# Loaded as modules (calculators.js by its tag, the other two as module
# workers); every other script of ours is a classic one.
MODULES = frozenset({"calculators.js", "calculator-worker.js", "xz-decoder.js"})


# The service worker's own script keeps its text: its lists of files are read
# back by name (the offline tests), and it is fetched once, in the background,
# never by a page on its way to a live calculator.
LEFT_AS_WRITTEN = frozenset({"offline-worker.js"})


def our_scripts() -> list[str]:
    """The site's own scripts, by the names they have in docs/: Material's
    bundle and workers, and the search shim from npm, are minified already."""
    return sorted(path.name for path in SOURCES.glob("*.js") if path.name not in LEFT_AS_WRITTEN)


def hold_out_manifest(text: str, manifest_line: str) -> tuple[str, str]:
    """``text`` without its build manifest statement, which starts with
    ``manifest_line`` (``offline_engine.MANIFEST_LINE``), and the statement."""
    if manifest_line not in text:
        return text, ""
    start = text.index(manifest_line)
    _, end = json.JSONDecoder().raw_decode(text, start + len(manifest_line))
    end += text[end:].startswith(";")
    return text[:start] + text[end:], text[start:end]


def minify(
    site: Path, manifest_line: str, run_node_script: Callable[[Path, object, str, str], Any]
) -> dict[str, tuple[int, int]]:
    """Minify the built site's own scripts in place; their sizes before and
    after.  ``manifest_line`` begins the build manifest's statement, whose
    name the minified code must keep; ``run_node_script`` is
    ``node_script.run_node_script``, passed in as this module is loaded by
    its path, with no package to import its sibling from."""
    names = our_scripts()
    held: dict[str, str] = {}
    for name in names:
        path = site / BUILT / name
        text, held[name] = hold_out_manifest(path.read_text(), manifest_line)
        path.write_text(text)
    request = {
        "siteDir": str(site),
        "modules": [(BUILT / name).as_posix() for name in names if name in MODULES],
        "classic": [(BUILT / name).as_posix() for name in names if name not in MODULES],
        "globals": [manifest_line.split()[1]],
    }
    sizes: dict[str, list[int]] = run_node_script(SCRIPT, request, "Terser", "minify the site's scripts")
    for name, statement in held.items():
        if statement:
            path = site / BUILT / name
            path.write_text(f"{statement}\n{path.read_text()}")
    return {Path(file).name: (before, after) for file, (before, after) in sizes.items()}
