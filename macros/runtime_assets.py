"""MkDocs hook: put the browser runtime next to the built site.

After each build it copies the pinned Pyodide runtime out of
``node_modules/pyodide`` (installed by ``npm ci`` from package-lock.json),
builds the ``calculators`` package into a pure-Python wheel, and registers that
wheel in the site's copy of ``pyodide-lock.json``.  The worker can then load
it by name with ``loadPackage``, which also checks its sha256.

Nothing is fetched from the network here or in the browser: the site carries
everything it runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from flit_core import buildapi

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# Only what a module worker needs to start Python; the npm package also ships
# type definitions, source maps and demo consoles that the site does not.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
RUNTIME_DIR = Path("assets") / "pyodide"
WHEEL_PACKAGE = "matchplanb-calculators"


@dataclass(frozen=True)
class LockPackage:
    """One package entry of pyodide-lock.json, as Pyodide 314 reads it."""

    name: str
    version: str
    file_name: str
    sha256: str
    imports: list[str]
    install_dir: str = "site"
    package_type: str = "package"
    depends: list[str] = field(default_factory=list)
    unvendored_tests: bool = False
    tool: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def for_wheel(cls, wheel: Path, imports: list[str]) -> LockPackage:
        version = wheel.name.split("-")[1]
        return cls(
            name=WHEEL_PACKAGE,
            version=version,
            file_name=wheel.name,
            sha256=hashlib.sha256(wheel.read_bytes()).hexdigest(),
            imports=imports,
        )


def pyodide_version() -> str:
    return json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]


def copy_runtime(target: Path) -> None:
    missing = [name for name in RUNTIME_FILES if not (PYODIDE_PACKAGE / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide runtime files missing from {PYODIDE_PACKAGE}: {', '.join(missing)}. "
            "Run `npm ci` (the Makefile does this) to install the pinned version."
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_PACKAGE / name, target / name)


def build_wheel(target: Path) -> Path:
    with contextlib.chdir(ROOT):
        name = buildapi.build_wheel(str(target))
    return target / name


def register_wheel(lock_path: Path, entry: LockPackage) -> None:
    lock = json.loads(lock_path.read_text())
    lock["packages"][entry.name] = asdict(entry)
    lock_path.write_text(json.dumps(lock, separators=(",", ":")))


def on_post_build(config: Any, **_: Any) -> None:
    target = Path(config["site_dir"]) / RUNTIME_DIR
    copy_runtime(target)
    wheel = build_wheel(target)
    register_wheel(target / "pyodide-lock.json", LockPackage.for_wheel(wheel, ["calculators"]))
