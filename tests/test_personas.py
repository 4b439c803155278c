"""The readers the source articles address, and what each article tells them.

``tests/personas.tsv`` has one row per reader: the article (file and title),
the reader's inputs, and the article's advice in its own numbers: the band,
the program ranges for the first choice and the backup, the backup's share,
and the backups the article names.  These tests run the competitiveness check
and the program counts on every row and assert that the calculators agree.

A program range agrees when the calculator's range covers the article's and
neither end strays more than ``RANGE_SLACK`` programs from it: the articles
give overlapping ranges for the same reader (orthopaedics 60-80+ in one, 70-90
in another), so the calculator may follow the wider one, but not invent a
different order of magnitude.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from calculators import backup_finder, competitiveness, data
from calculators import program_counts as pc

PERSONAS = Path(__file__).with_name("personas.tsv")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
RANGE_SLACK = 20
SHARE_SLACK = 5


def load() -> list[dict[str, str]]:
    with PERSONAS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = load()


def parse_range(text: str) -> tuple[int, int, bool]:
    """An article range such as "60-80+", or "80+" when the article gives only a floor."""
    open_ended = text.endswith("+")
    low, _, high = text.rstrip("+").partition("-")
    return int(low), int(high or low), open_ended


def assert_range_agrees(got: dict[str, int], article: str, what: str) -> None:
    low, high, open_ended = parse_range(article)
    # An open top ("80+") leaves room above the article's last number.
    top_slack = 2 * RANGE_SLACK if open_ended else RANGE_SLACK
    assert got["low"] <= low and got["high"] >= high, f"{what}: {got} does not cover the article's {article}"
    assert got["low"] >= low - RANGE_SLACK and got["high"] <= high + top_slack, f"{what}: {got} strays from {article}"


def test_the_table_covers_every_article_and_the_readers_the_issue_names() -> None:
    assert len(ROWS) >= 20
    assert len({row["article_file"] for row in ROWS}) == 5
    ids = {row["id"] for row in ROWS}
    for needed in (
        "ortho-dual-pmr",
        "ortho-exceptional",
        "radiology-very-strong",
        "radiology-mid-range",
        "radiology-lower",
        "img-one-flag",
        "img-several-flags",
        "nomatch-borderline-derm",
        "nomatch-misaligned-ortho-205",
    ):
        assert needed in ids
    for field in ("dermatology", "plastic-surgery", "orthopaedic-surgery"):
        researched = [r for r in ROWS if r["id"].startswith("ultra-") and json.loads(r["inputs"])["specialty"] == field]
        assert {json.loads(r["inputs"])["research_items"] > 0 for r in researched} == {True, False}, field


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_the_article_named_is_a_source_article(row: dict[str, str]) -> None:
    titles = {source.title for source in data.ARTICLES}
    assert row["article_title"] in titles
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not beside this checkout")
    assert row["article_title"] in (SEEDS / row["article_file"]).read_text(encoding="utf-8")[:2000]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_competitiveness_gives_the_articles_band(row: dict[str, str]) -> None:
    result = competitiveness.compute(json.loads(row["inputs"]))
    assert result["band"] == row["band"], (result["score"], result["rules_applied"], row["article_numbers"])


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_program_counts_give_the_articles_ranges(row: dict[str, str]) -> None:
    inputs = json.loads(row["inputs"])
    if row["backup"]:
        inputs["backup_specialty"] = row["backup"]
    result = pc.compute(inputs)
    assert result["band"] == row["band"]
    if row["primary_programs"]:
        assert_range_agrees(result["primary"], row["primary_programs"], f"{row['id']} first choice")
    if row["backup_programs"]:
        assert_range_agrees(result["backup"], row["backup_programs"], f"{row['id']} backup")
    if row["backup_share_pct"]:
        assert abs(result["share"]["backup_pct"] - int(row["backup_share_pct"])) <= SHARE_SLACK


@pytest.mark.parametrize("row", [r for r in ROWS if r["backup_choices"]], ids=lambda r: r["id"])
def test_the_articles_backups_are_never_ruled_out(row: dict[str, str]) -> None:
    primary = data.specialty(json.loads(row["inputs"])["specialty"])
    for slug in row["backup_choices"].split("|"):
        assert backup_finder.exclusion(primary, data.specialty(slug)) is None, (row["id"], slug)


def test_the_issues_example_reads_as_the_article_says() -> None:
    row = next(r for r in ROWS if r["id"] == "ortho-dual-pmr")
    inputs = {**json.loads(row["inputs"]), "backup_specialty": "pmr"}
    result = pc.compute(inputs)
    assert result["primary"]["low"] == 60 and result["backup"] == {"low": 40, "high": 60}
    check = competitiveness.compute(json.loads(row["inputs"]))
    assert check["band"] == "dual-apply"
    assert "needs a visa" not in check["red_flags"], "a US-citizen IMG needs no visa by default"
