"""Match Plan B calculators: pure Python, standard library only.

Each calculator is one module that follows the contract in
``calculators.registry.Calculator``; ``REGISTRY`` maps its name to it.  The
same modules run under pytest, at site build time and in the browser.
"""

from __future__ import annotations

from . import competitiveness
from .fields import InputError
from .registry import Calculator

__version__ = "1.0.0"

REGISTRY: dict[str, Calculator] = {
    module.NAME: module  # type: ignore[misc]
    for module in (competitiveness,)
}

__all__ = ["REGISTRY", "Calculator", "InputError", "__version__"]
