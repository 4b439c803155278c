"""The calculator engine in the browser: what loads where, and an honest page
when it cannot start or cannot answer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import REGISTRY

pytestmark = pytest.mark.browser

PAGE = "calculators/competitiveness/"
WIDGET = '.mpb-calculator[data-calculator="competitiveness"]'
RUNTIME_PARTS = ("pyodide", "calculator-worker", ".whl", "python_stdlib")
TECHNICAL = ("HTTP", "wasm", "404", "Error", "integrity", "Traceback", "worker")


def console_errors(page: Any) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda message: message.type == "error" and messages.append(message.text))
    return messages


def assert_failed_honestly(page: Any) -> None:
    widget = page.locator(WIDGET)
    # Well inside the 20 s silence limit: a failed download fails at once.
    page.wait_for_selector(f'{WIDGET}[data-runtime="failed"]', timeout=10_000)
    note = widget.locator(".mpb-engine-off")
    assert note.is_visible()
    text = note.inner_text()
    assert "Live recalculation is off" in text and "default inputs" in text
    assert "python3 -m http.server -d <folder>" in text and "python -m calculators competitiveness" in text
    assert widget.locator(".mpb-progress").is_hidden(), "a failed start must not keep a moving progress bar"
    assert widget.locator("fieldset input").first.is_disabled(), "live recalculation is switched off"
    status = widget.locator(".mpb-status-text").inner_text()
    assert "Live recalculation is off" in status
    assert not any(word in status + text for word in TECHNICAL), status + text
    assert "Step 2 CK" in widget.locator(".mpb-result").inner_text(), "the prerendered result stays"


def test_missing_wasm_reaches_the_failed_state_with_plain_words(page: Any, site_url: str) -> None:
    errors = console_errors(page)
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + PAGE)
    assert_failed_honestly(page)
    assert any("404" in error for error in errors), errors


def test_broken_wasm_reaches_the_failed_state(page: Any, site_url: str) -> None:
    page.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, body=b"\0asm not really", headers={"Content-Type": "application/wasm"}),
    )
    page.goto(site_url + PAGE)
    assert_failed_honestly(page)


def test_tampered_wheel_is_refused(page: Any, site_url: str) -> None:
    errors = console_errors(page)

    def tamper(route: Any) -> None:
        body = route.fetch().body()
        route.fulfill(status=200, body=body[:-1] + bytes([body[-1] ^ 1]))

    page.route("**/calculators-*.whl", tamper)
    page.goto(site_url + PAGE)
    assert_failed_honestly(page)
    assert any("integrity" in error for error in errors), errors


def test_guide_pages_load_no_part_of_the_runtime(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for guide in ("", "assess/need-a-backup/", "backup/bridges/"):
        page.goto(site_url + guide)
        page.wait_for_load_state("networkidle")
        assert page.locator('link[rel="preload"]').count() == 0
    assert not [url for url in requested if any(part in url for part in RUNTIME_PARTS)]


def test_calculator_pages_hint_the_runtime_downloads(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    hrefs = page.locator('link[rel="preload"]').evaluate_all("links => links.map((l) => l.href)")
    assert any(href.endswith("/pyodide.asm.wasm") and "/pyodide-" in href for href in hrefs), hrefs


def test_every_calculator_runs_on_the_trimmed_stdlib(page: Any, site_url: str) -> None:
    """The worker on its own (compiling its wasm itself, the path another
    loader may take): every calculator restores and computes defaults, bad
    values and empty values without a Python exception."""
    page.goto(site_url + PAGE)
    requests = [
        (fn, name, payload)
        for name, calc in sorted(REGISTRY.items())
        for fn, payload in (
            ("restore", {"linked": {f.name: "x" for f in calc.FIELDS}, "stored": "{bad"}),
            ("compute", {}),
            ("compute", {f.name: "x" for f in calc.FIELDS}),
            ("compute", {f.name: "" for f in calc.FIELDS}),
        )
    ]
    replies = page.evaluate(
        """async (requests) => {
            const url = new URL("assets/javascripts/calculator-worker.js", document.baseURI.replace(/calculators\\/competitiveness\\/$/, ""));
            const worker = new Worker(url, { type: "module" });
            worker.postMessage({ type: "start" });
            const replies = [];
            await new Promise((resolve) => {
              worker.onmessage = ({ data }) => {
                if (data.type === "status" && data.phase === "failed") { replies.push({ error: data.text }); resolve(); }
                if (data.id === undefined) return;
                replies.push(data);
                if (replies.length === requests.length) resolve();
              };
              requests.forEach(([fn, name, payload], id) => worker.postMessage({ id, fn, name, payload: JSON.stringify(payload) }));
            });
            worker.terminate();
            return replies;
        }""",
        requests,
    )
    assert len(replies) == len(requests)
    for reply in replies:
        assert "error" not in reply, reply
        json.loads(reply["json"])


def test_a_request_python_cannot_answer_shows_a_plain_message(page: Any, site_url: str) -> None:
    # Rename the widget's calculator as it is parsed, so every request raises in Python.
    page.add_init_script(
        """new MutationObserver(() => {
             const root = document.querySelector('.mpb-calculator[data-calculator="competitiveness"]');
             if (root) root.dataset.calculator = "no_such_calculator";
           }).observe(document, { subtree: true, childList: true });"""
    )
    page.goto(site_url + PAGE)
    widget = page.locator('.mpb-calculator[data-calculator="no_such_calculator"]')
    # Python answers every request, even this one, with a sentence the page shows.
    notes = widget.locator(".mpb-notes", has_text="could not be calculated")
    notes.wait_for(timeout=90_000)
    shown = notes.inner_text() + widget.locator(".mpb-status-text").inner_text()
    assert not any(word in shown for word in ("KeyError", "Traceback", "no_such_calculator"))
