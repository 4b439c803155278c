"""The build hook's pieces: the Pyodide pin, the runtime copy and the lock entry."""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest

from macros import runtime_assets
from macros.runtime_assets import LockPackage

ROOT = Path(__file__).resolve().parent.parent


def test_pyodide_is_pinned_exactly_and_installed_at_that_version() -> None:
    wanted = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]["version"]
    assert wanted == locked and wanted[0].isdigit(), "pin an exact version"
    assert runtime_assets.pyodide_version() == wanted


def test_lock_entry_round_trips_through_the_real_pyodide_lock(tmp_path: Path) -> None:
    runtime_assets.copy_runtime(tmp_path)
    wheel = runtime_assets.build_wheel(tmp_path)
    entry = LockPackage.for_wheel(wheel, ["calculators"])
    lock_path = tmp_path / "pyodide-lock.json"
    before = json.loads(lock_path.read_text())
    runtime_assets.register_wheel(lock_path, entry)
    after = json.loads(lock_path.read_text())
    assert LockPackage(**after["packages"][entry.name]) == entry
    assert after["info"] == before["info"]
    # The entry has exactly the keys that Pyodide's own entries have.
    some_real_entry = next(iter(before["packages"].values()))
    assert set(asdict(entry)) == set(some_real_entry)


def test_wheel_is_pure_python_and_carries_the_figures(tmp_path: Path) -> None:
    wheel = runtime_assets.build_wheel(tmp_path)
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "calculators/figures/charting_outcomes_2026_non_us_img.tsv" in names
    assert "calculators/browser.py" in names


def test_missing_runtime_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime_assets, "PYODIDE_PACKAGE", tmp_path / "absent")
    with pytest.raises(FileNotFoundError, match="npm ci"):
        runtime_assets.copy_runtime(tmp_path / "out")
