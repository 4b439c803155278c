"""The offline copy's calculators, live from a folder (file://).

The site is built with Material's offline plugin (tests/fixtures/offline-folder.yml),
macros/offline_engine.py then embeds the runtime, and headless Chromium opens
the pages straight from disk, with the versioned runtime folder deleted first
so the engine can only come from the embedded copies."""

from __future__ import annotations

import base64
import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import field, result_text, wait_for_result
from conftest import ROOT, build_site

from macros.offline_engine import EMBED_DIR, EMBED_GLOBAL, embed_engine

CALCULATOR_PAGES = sorted(path.stem for path in (ROOT / "docs" / "calculators").glob("*.md") if path.stem != "index")
SETTLED = "() => [...document.querySelectorAll('.mpb-calculator')].every((c) => ['ready', 'failed'].includes(c.dataset.runtime))"
# The worker marks its start once it has the decoded runtime files (see calculators.js markTime).
STARTED = """() => [...document.querySelectorAll('.mpb-calculator')].every((c) => c.dataset.mounted)
  && performance.getEntriesByName('mpb:worker-started').length > 0"""


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline-site")
    result = build_site(site, ROOT / "tests" / "fixtures" / "offline-folder.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    embed_engine(site)
    # Moved out, as the zip leaves it out: the engine must come from the embeds.
    runtime = next((site / "assets").glob("pyodide-*"))
    shutil.move(runtime, built_runtime(site))
    # The offline plugin links Material's search shim from another host; vendoring
    # it is the offline build's business, not this test's, so the tag goes.
    for page in site.rglob("*.html"):
        page.write_text(re.sub(r'<script src="https://[^"]*iframe-worker[^"]*"></script>', "", page.read_text()))
    return site


def built_runtime(site: Path) -> Path:
    return site.parent / f"{site.name}-runtime"


def test_every_runtime_file_is_embedded_byte_for_byte(offline_site: Path) -> None:
    built = built_runtime(offline_site)
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"} <= {path.name for path in built.iterdir()}
    for original in built.iterdir():
        script = (offline_site / EMBED_DIR / f"{original.name}.js").read_text()
        prefix = f"(globalThis.{EMBED_GLOBAL} ||= {{}})[{json.dumps(original.name)}] = "
        assert script.startswith(prefix)
        text = json.loads(script.removeprefix(prefix).rstrip().removesuffix(";"))
        assert gzip.decompress(base64.b64decode(text)) == original.read_bytes(), original.name


def test_embedding_twice_is_refused(offline_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(offline_site, copy)
    shutil.copytree(built_runtime(offline_site), copy / "assets" / "pyodide-0")
    with pytest.raises(ValueError, match="already"):
        embed_engine(copy)


def test_pages_load_the_classic_loader_and_nothing_from_the_runtime_folder(offline_site: Path) -> None:
    pages = list(offline_site.rglob("*.html"))
    for page in pages:
        text = page.read_text()
        assert 'type="module"' not in text, f"{page}: module scripts are refused from disk"
        assert "assets/pyodide-" not in text, f"{page}: the runtime folder is not in the offline copy"
    calculator = (offline_site / "calculators" / "competitiveness.html").read_text()
    assert '<script src="../assets/javascripts/calculators-offline.js" defer></script>' in calculator


@pytest.fixture
def disk_page(browser: Any) -> Iterator[Any]:
    """A page allowed to read file:, data: and blob: URLs and nothing else."""
    context = browser.new_context()
    elsewhere: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(90_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.console_messages = console
    yield page
    context.close()
    assert not elsewhere, f"the offline copy tried to reach other hosts: {elsewhere}"
    assert not errors, f"uncaught page errors: {errors}"


@pytest.mark.browser
def test_a_calculator_recomputes_live_from_disk(disk_page: Any, offline_site: Path) -> None:
    disk_page.goto((offline_site / "calculators" / "competitiveness.html").as_uri())
    widget = disk_page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    disk_page.wait_for_function(SETTLED)
    assert widget.get_attribute("data-runtime") == "ready", disk_page.console_messages
    assert "52/100" in result_text(widget)
    field(widget, "step2_score").fill("262")
    wait_for_result(disk_page, widget, "62/100")


@pytest.mark.browser
def test_every_page_with_a_calculator_starts_the_engine_from_disk(disk_page: Any, offline_site: Path) -> None:
    """Going live takes a while on each page, so one page proves it (above);
    every other page must mount its widgets and hand the decoded runtime to
    the engine's worker."""
    pages = sorted(page for page in offline_site.rglob("*.html") if 'class="mpb-calculator"' in page.read_text())
    assert len(pages) >= len(CALCULATOR_PAGES)
    for page in pages:
        disk_page.goto(page.as_uri())
        disk_page.wait_for_function(STARTED)


@pytest.mark.browser
def test_a_missing_embed_fails_in_plain_words(disk_page: Any, offline_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(offline_site, copy)
    (copy / EMBED_DIR / "pyodide.asm.wasm.js").unlink()
    disk_page.goto((copy / "calculators" / "competitiveness.html").as_uri())
    widget = disk_page.locator('.mpb-calculator[data-calculator="competitiveness"]')
    disk_page.wait_for_selector('.mpb-calculator[data-runtime="failed"]', timeout=10_000)
    assert "Live recalculation is off" in widget.locator(".mpb-status-text").inner_text()
    assert widget.locator(".mpb-progress").is_hidden()
    assert "52/100" in result_text(widget), "the build-time result stays"
