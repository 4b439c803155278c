"""Print speed figures; asserts nothing (speed goals are read, not tested).

    make benchmark

Measures each calculator natively, the site build, and in headless Chromium
the time until the Pyodide runtime is ready and the round trip of one live
recalculation.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, build_and_serve  # noqa: E402

from calculators import REGISTRY  # noqa: E402
from calculators.render import render_result  # noqa: E402


def timed(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def native() -> None:
    print("Native Python, median of 50 runs (compute + render):")
    for name, calc in sorted(REGISTRY.items()):
        seconds = timed(lambda calc=calc: render_result(calc, calc.compute({})), 50)
        print(f"  {name:<18} {seconds * 1000:8.2f} ms")


def browser() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        server, url = build_and_serve(Path(tmp) / "site", ROOT / "mkdocs.yml")
        print(f"Site build: {time.perf_counter() - start:.2f} s")
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = chromium.new_page()
            start = time.perf_counter()
            page.goto(url + "calculators/competitiveness/")
            page.wait_for_selector('[data-runtime="ready"]', timeout=120_000)
            print(f"Browser: runtime ready after {time.perf_counter() - start:.2f} s (cold cache)")
            rounds = []
            for score in range(241, 251):
                start = time.perf_counter()
                page.fill("#mpb-competitiveness-step2_score", str(score))
                # "change" recomputes at once; "input" would wait for a typing pause.
                page.dispatch_event("#mpb-competitiveness-step2_score", "change")
                page.locator(".mpb-result", has_text=f"{score}").wait_for()
                rounds.append(time.perf_counter() - start)
            print(f"Browser: one recalculation, median of 10: {statistics.median(rounds) * 1000:.0f} ms")
            chromium.close()
        server.shutdown()


if __name__ == "__main__":
    native()
    browser()
