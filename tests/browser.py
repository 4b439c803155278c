"""Small helpers for driving a calculator widget in the browser tests."""

from __future__ import annotations

from typing import Any

READY = '.mpb-calculator[data-calculator="{name}"][data-runtime="ready"]'


def open_calculator(page: Any, url: str, name: str) -> Any:
    page.goto(url)
    page.wait_for_selector(READY.format(name=name), timeout=90_000)
    return page.locator(f'.mpb-calculator[data-calculator="{name}"]').first


def result_text(widget: Any) -> str:
    return widget.locator(".mpb-result").inner_text()


def wait_for_result(page: Any, widget: Any, text: str) -> None:
    widget.locator(".mpb-result", has_text=text).wait_for(timeout=30_000)


def field(widget: Any, name: str) -> Any:
    return widget.locator(f'[name="{name}"]')


def error_of(widget: Any, name: str) -> Any:
    return widget.locator(f'.mpb-field[data-field="{name}"] .mpb-error')
