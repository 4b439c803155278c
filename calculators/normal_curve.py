"""The normal curve, as match odds uses it.

These are ``statistics.NormalDist``'s own formulas (Python 3.14's), and
``statistics.median``'s, written out so that the browser's standard library
need not ship ``statistics``, which imports ``fractions`` and ``decimal`` (18
KB less to download, 48 KB less snapshot; ``fractions`` also compiles two
regular expressions as it loads).  They also give the native tests (Python
3.11) and the browser (Pyodide's 3.14) one formula, where their
``NormalDist.cdf`` differ in the last bits.  ``tests/test_normal_curve.py``
holds them to ``statistics``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

# NormalDist().inv_cdf(0.975): the z that leaves 2.5% in each tail, for a
# two-sided 95% test (tests/test_normal_curve.py checks the digits).
Z_TWO_SIDED_95 = 1.9599639845400536


def normal_cdf(x: float, mean: float, sd: float) -> float:
    """P(X <= x) for a normal curve; erfc keeps the far lower tail accurate."""
    return 0.5 * math.erfc((mean - x) / (sd * math.sqrt(2.0)))


def normal_log_pdf(x: float, mean: float, sd: float) -> float:
    """log of the density at ``x``, computed directly so far tails cannot underflow to 0."""
    z = (x - mean) / sd
    return -0.5 * z * z - math.log(sd) - 0.5 * math.log(2 * math.pi)


def median(values: Iterable[float]) -> float:
    """The middle value, or the mean of the middle two (as ``statistics.median``)."""
    data = sorted(values)
    if not data:
        raise ValueError("no median of no values")
    middle = len(data) // 2
    return data[middle] if len(data) % 2 else (data[middle - 1] + data[middle]) / 2
