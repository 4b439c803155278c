"""The reference figures: parsed without loss, identical to the shared data."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

from calculators import application_cost, data, signals

TABLES = (data.ChartingOutcome, data.PGY1Result, data.MatchRates, data.Fee)
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FIGURES = Path(data.__file__).parent / "figures"
CALCULATORS = Path(data.__file__).parent


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_every_table_round_trips_byte_for_byte(table: type) -> None:
    header, rows = data.read_tsv(table.FILE)
    rebuilt = data.write_tsv(header, [table.from_row(row).to_row() for row in rows])
    assert rebuilt == (FIGURES / table.FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_project_copy_matches_the_shared_reference_data(table: type) -> None:
    assert (FIGURES / table.FILE).read_bytes() == shared(SHARED / table.FILE).read_bytes()


def test_the_fees_read_here_round_trip_and_extend_the_shared_ones_without_repeating_an_item() -> None:
    header, rows = data.read_tsv(data.Fee.READ_HERE)
    assert header == data.read_tsv(data.Fee.FILE)[0]
    assert data.write_tsv(header, [data.Fee.from_row(row).to_row() for row in rows]) == (FIGURES / data.Fee.READ_HERE).read_text(
        encoding="utf-8"
    )
    items = [fee.item for fee in data.fees()]
    assert len(items) == len(set(items)) and len(items) == len(data.read_tsv(data.Fee.FILE)[1]) + len(rows)


def test_suppressed_figures_stay_missing_rather_than_zero() -> None:
    derm = data.charting_outcomes()["Dermatology"]
    assert derm.step2_matched.median is None and derm.step2_matched.n == 4
    assert not derm.step2_matched.usable
    assert derm.step2_unmatched.median == 253


def test_derived_match_rate_agrees_with_the_counts() -> None:
    for outcome in data.charting_outcomes().values():
        assert abs(outcome.img_matched / outcome.img_ranked_first * 100 - outcome.img_match_rate_pct) < 0.1


def test_every_specialty_has_an_nrmp_row_and_a_tier_with_sources() -> None:
    for spec in data.SPECIALTIES:
        assert spec.outcome is not None, spec.slug
        assert spec.tier_sources


@pytest.mark.parametrize(
    ("slug", "not_cited"),
    [
        # The IMG article's accessible list is IM, FM, pediatrics, psychiatry and neurology.
        ("pathology", data.ARTICLE_IMG),
        # The orthopaedics article weighs general surgery, PM&R, IM, FM and EM, not these two.
        ("anesthesiology", data.ARTICLE_ORTHO),
        ("obstetrics-gynecology", data.ARTICLE_ORTHO),
    ],
)
def test_a_tier_is_credited_only_to_sources_that_speak_of_the_field(slug: str, not_cited: data.Source) -> None:
    spec = data.specialty(slug)
    assert not_cited not in spec.tier_sources
    assert not_cited in data.TIER_SOURCES[spec.tier], "the tier's usual sources would have credited it"


def test_radiology_and_general_surgery_say_what_their_tier_rests_on_and_who_reads_it_otherwise() -> None:
    # Radiology's tier was cited to the IMG article, which groups it with the
    # highly competitive fields; general surgery's "moderately" to an article
    # that says "still competitive" (sources audit s54, 1 and 2).
    radiology = data.specialty("diagnostic-radiology")
    assert radiology.tier_sources[0] is data.ARTICLE_RADIOLOGY
    said = data.tier_basis_said(radiology)
    assert "moderately competitive overall but harder for IMGs" in said and "(58.3%, NRMP Charting Outcomes 2026" in said
    assert said.endswith(
        f"The IMG article and the ultra-competitive article go further, grouping it with the most competitive fields "
        f"({data.ARTICLE_IMG.cite()}; {data.ARTICLE_ULTRA.cite()})."
    )
    surgery = data.tier_basis_said(data.specialty("general-surgery"))
    assert "calls it “still competitive”" in surgery and "(28.6%, NRMP Charting Outcomes 2026" in surgery
    assert "go further" not in surgery


def test_latest_match_rates_are_2026() -> None:
    rates = data.latest_match_rates()
    assert rates.year == 2026 and rates.for_applicant("non-us-img") == 56.4


def test_old_fees_are_marked_old() -> None:
    old = {fee.item for fee in data.fees() if fee.is_old}
    assert "NRMP registration" in old and "NRMP extra ranks" in old


def test_data_page_fee_table_says_old_once_per_row() -> None:
    import macros

    html = str(macros.fees_table())
    # The status column's own "(old; ...)" used to follow the "Old figure" mark.
    assert "Old figure: seen; current schedule not found" in html
    assert "Old figure: seen; current about 1000, unverified" in html
    for row in html.split("<tr>")[1:]:
        assert len(re.findall(r"\bold\b", row, re.IGNORECASE)) == ("Old figure: " in row), row


def test_every_pubmed_central_id_in_the_fee_data_links_to_its_article() -> None:
    import macros
    from calculators import application_cost

    ids = {found for fee in data.fees() for found in re.findall(r"PMC[0-9]+", fee.source)}
    assert len(ids) >= 2, "the fee data cite two studies by their PubMed Central ids"
    calculator = str(application_cost.render(application_cost.compute({"in_person_interviews": 2, "virtual_interviews": 2})))
    for html in (str(macros.fees_table()), calculator):
        for pmc in ids:
            assert f'<a href="https://pmc.ncbi.nlm.nih.gov/articles/{pmc}/" data-offsite>{pmc}</a>' in html


def test_a_linked_citation_is_still_escaped_around_its_links() -> None:
    from calculators.html import with_pmc_links

    assert with_pmc_links("A & B <2018> (PMC12)") == (
        'A &amp; B &lt;2018&gt; (<a href="https://pmc.ncbi.nlm.nih.gov/articles/PMC12/" data-offsite>PMC12</a>)'
    )
    assert with_pmc_links("NRMP, 2026 (PMCID pending)") == "NRMP, 2026 (PMCID pending)"


def _text_constants(module: Path) -> list[ast.Constant]:
    """The module's string constants, f-string pieces included, docstrings left out."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


# data.py names the sources, with their years; svg.py's one year is SVG's namespace.
YEARS_BELONG_HERE = {"data.py", "svg.py"}


@pytest.mark.parametrize(
    "module", sorted(p for p in CALCULATORS.glob("*.py") if p.name not in YEARS_BELONG_HERE), ids=lambda p: p.name
)
def test_calculators_take_the_years_they_show_from_their_sources(module: Path) -> None:
    # A year typed into a sentence stays behind when next year's table replaces
    # this one, and the page would then show new figures under the old year.
    written = [f"line {node.lineno}: {node.value!r}" for node in _text_constants(module) if re.search(r"\b20\d\d\b", node.value)]
    assert not written, "write Source.year or Source.named() instead:\n" + "\n".join(written)


def test_every_calculator_explains_advanced_positions_in_the_same_words() -> None:
    # The sentence was written three times and had drifted: one copy named no
    # source, one said "begin after a separate first year".
    from calculators import application_cost, backup_finder, program_counts

    said = data.advanced_positions_note(["anesthesiology"], "")
    assert data.ARTICLE_IMG.cite() in said
    assert "(1,805 offered" in said, "the PGY-1 positions the field also has"
    clause = said.split("). ")[0]
    cost = application_cost.compute({"primary_specialty": "anesthesiology", "first_year_programs": 0})
    finder = backup_finder.compute({"specialty": "anesthesiology"})
    counts = program_counts.compute({"specialty": "anesthesiology"})
    texts = {
        "application cost": " ".join(str(n) for n in cost["notes"]),  # type: ignore[attr-defined]
        "backup finder": " ".join(" ".join(b["reasons"]) for b in finder["bridges"]),  # type: ignore[index, attr-defined]
        "program counts": " ".join(counts["reasons"]),  # type: ignore[arg-type]
    }
    assert all(clause in text for text in texts.values()), {k: clause in v for k, v in texts.items()}


def test_the_reserved_places_in_every_calculator_ask_for_a_us_first_year_and_leave_training_abroad_to_programs() -> None:
    # "If you are already in a first year, or have finished one" read to a
    # physician with a residency abroad as if it qualified; no source of ours
    # says so (oldspec audit s46, 2).
    for slugs in (["anesthesiology"], ["neurology"], ["diagnostic-radiology", "pmr"]):
        said = data.advanced_positions_note(slugs, "Do this.", needs_visa=True)
        # Such a reader needs no other first year (pgy1res audit s46, 2).
        assert (
            "If you are already in a first year of US residency, or have finished one, you need no other: skip the "
            "first-year applications and supplemental lists, and look for reserved" in said
        )
        assert "Whether training outside the US counts for them, our sources do not say: ask each program." in said
        assert "in a first year, or have finished one" not in said


def test_neurology_counts_as_advanced_by_our_reading_not_by_the_article() -> None:
    # The article's list reads "e.g."; neurology was missing from every first-year
    # reminder (visa-oldgrad audit s39, 3).  Its note must not credit the article.
    assert {"diagnostic-radiology", "anesthesiology", "dermatology", "pmr"} == data.ARTICLE_ADVANCED_SPECIALTIES
    assert data.ARTICLE_ADVANCED_SPECIALTIES | {"neurology"} == data.ADVANCED_POSITION_SPECIALTIES
    assert data.AMA_ADVANCED_PGY2 in data.SOURCES
    said = data.advanced_positions_note(["neurology"], "Do this.")
    assert said.startswith("Neurology: beside its PGY-1 positions it also offers advanced ones, which start at PGY-2")
    assert "our reading (" + data.AMA_ADVANCED_PGY2.cite() + ")" in said and "the IMG article lists" not in said
    assert "Do this." in said and "Neurology also has positions that start at PGY-1" in said
    # An article field keeps its words when neurology stands beside it.
    mixed = data.advanced_positions_note(["neurology", "pmr"], "")
    alone = data.advanced_positions_note(["pmr"], "")
    assert mixed.startswith(alone.split(". ")[0] + ". Neurology: beside its PGY-1 positions it also offers advanced ones")


def test_radiology_and_dermatology_readers_are_told_what_they_hold_of_first_year_positions() -> None:
    # Anesthesiology and neurology readers read their PGY-1 positions; a
    # radiology reader read only "Apply to programs for that year as well",
    # though the data hold its 151 (derm-usmd audit s43, 8).
    dr = data.advanced_positions_note(["diagnostic-radiology"], "Do this.")
    assert (
        f"Diagnostic Radiology also has positions that start at PGY-1 ({data.DR_PGY1_2025.offered:,} offered in 2025, "
        f"against {data.DR_PGY2_2025.offered:,} starting at PGY-2; {data.DR_MATCH_2025.cite()})"
    ) in dr
    assert "(151 offered in 2025, against 1,057" in dr and dr.endswith("most of the field's.")
    derm = data.advanced_positions_note(["dermatology"], "Do this.")
    assert "Some Dermatology programs start at PGY-1 and include the first year, but this site holds no count of them" in derm
    assert not re.search(r"Dermatology[^.]*\d+ offered", derm), "no count is invented"
    # PM&R, with no figures, reads as before; anesthesiology keeps the Results table's row.
    assert data.first_year_positions("pmr") == "" and "PGY-1" not in data.advanced_positions_note(["pmr"], "")
    assert data.first_year_positions("anesthesiology") == data.categorical_first_years("anesthesiology") != ""
    # The backup finder's "some positions start at PGY-2" reads the Results row
    # alone: in radiology most positions do, and it keeps "many or all".
    assert data.categorical_first_years("diagnostic-radiology") == data.categorical_first_years("dermatology") == ""
    from calculators import program_counts

    counts = " ".join(program_counts.compute({"specialty": "diagnostic-radiology"})["reasons"])  # type: ignore[arg-type]
    assert "(151 offered in 2025" in counts


def test_a_figure_read_in_a_secondary_copy_says_so_wherever_it_is_cited() -> None:
    # The secondary status of the NRMP figures showed only on the data page (audit s19, pages 4).
    assert data.CHARTING_OUTCOMES.cite().endswith(", 2026; secondary copy")
    assert data.RESULTS_AND_DATA.named() == "NRMP Results and Data 2025, secondary copy"
    assert data.ERAS_RULES.cite().endswith(", 2026 season") and not data.ARTICLE_IMG.named().endswith("copy")


SEEDS = SHARED.parent / "seeds"
ARTICLES = (data.ARTICLE_ORTHO, data.ARTICLE_IMG, data.ARTICLE_ULTRA, data.ARTICLE_UNMATCHED, data.ARTICLE_RADIOLOGY)


def shared(path: Path) -> Path:
    """A file of the reference material beside this checkout, or a visible
    skip where there is none: GitHub's CI checks out this repository alone.
    With the folder there, a file missing from it fails."""
    if not SHARED.parent.is_dir():
        pytest.skip(f"{SHARED.parent} is not beside this checkout")
    return path


@functools.cache  # read once, not for each rule that cites it
def article_text(source: data.Source) -> str:
    shared(SEEDS)
    (text,) = [
        text
        for text in (seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt")))
        if source.title.lower() in text[:2000].lower()
    ]
    return text


@pytest.mark.parametrize(
    "rule",
    [rule for rule in data.RULES_OF_THUMB if rule.source in ARTICLES],
    ids=lambda rule: rule.topic,
)
def test_every_number_in_a_rule_of_thumb_is_in_the_article_it_cites(rule: data.RuleOfThumb) -> None:
    # Typed by hand into the data page's table; nothing compared them with the
    # articles, so "40–60" could become "40–80" unseen (native audit s21, 3).
    # A value may also quote another article ("60–90+ (ultra article)").
    cited = [
        rule.source,
        *(article for article in ARTICLES if article.key.removeprefix("article-") + " article" in rule.value.lower()),
    ]
    text = " ".join(article_text(source) for source in cited)
    missing = [n for n in re.findall(r"\d+(?:\.\d+)?", rule.value) if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", text)]
    assert not missing, (rule.value, missing)
    # A range stands in the article as that range, not as two numbers apart.
    ranges = [
        (low, high)
        for low, high in re.findall(r"(\d+)–(\d+)", rule.value)
        if not re.search(rf"(?<![\d.]){low}\s*(?:-|–|—|to)\s*{high}(?!\d)", text)
    ]
    assert not ranges, (rule.value, ranges)


@pytest.mark.parametrize(
    ("slug", "figures"),
    [
        ("plastic-surgery", ("221", "100%")),
        ("otolaryngology", ("394", "99.7%")),
        ("neurological-surgery", ("268", "98.9%")),
    ],
)
def test_the_acs_fill_rates_are_the_reference_notes(slug: str, figures: tuple[str, ...]) -> None:
    # Typed by hand from the reference data's notes, which are not a table
    # the round-trip tests read (native audit s21, 3).
    notes = shared(SHARED / "README.md").read_text(encoding="utf-8")
    line = next(line for line in notes.splitlines() if all(figure in line for figure in figures))
    assert line
    assert all(figure in data.specialty(slug).acs_fill for figure in figures), data.specialty(slug).acs_fill


def test_only_surgical_fields_carry_the_acs_release_fill() -> None:
    # The ACS release lists surgical fields only; diagnostic radiology's
    # figures sat under its name until the claims audit s40 (2) read it.
    assert {s.slug for s in data.SPECIALTIES if s.acs_fill} == {"plastic-surgery", "otolaryngology", "neurological-surgery"}
    assert data.specialty("diagnostic-radiology").acs_fill is None
    assert data.DR_MATCH_2025 in data.SOURCES and data.DR_MATCH_2025.secondary
    assert "Surgeons" not in data.DR_MATCH_2025.cite()


def test_the_diagnostic_radiology_fill_is_the_reference_notes_and_its_news_table() -> None:
    # The reference notes give the PGY-2 row (under the ACS's name); the PGY-1
    # row is read in the same news table as the PGY-2 one.
    notes = shared(SHARED / "README.md").read_text(encoding="utf-8")
    pgy2 = data.DR_PGY2_2025
    assert any(
        all(f in line for f in (f"{pgy2.filled:,}", f"{pgy2.offered:,}", f"{pgy2.fill_pct:g}%")) for line in notes.splitlines()
    )
    assert (data.DR_PGY2_2025.shown(), data.DR_PGY1_2025.shown()) == ("1,042 of 1,057 (98.6%)", "147 of 151 (97.4%)")


@pytest.mark.parametrize("page", ["backup/playbook-radiology.md", "data-and-sources.md"])
def test_pages_quote_the_diagnostic_radiology_fill_through_its_macro_beside_its_source(page: str) -> None:
    # Typed by hand on two pages at first, the figures had no reader in the
    # engine but the tests (diff review s40, 9); the macro gives them one, and
    # test_site's check of typed table figures refuses them typed.
    text = (CALCULATORS.parent / "docs" / page).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if 'dr_fill("pgy2")' in line)
    assert 'dr_fill("pgy1")' in line
    assert f"{data.DR_MATCH_2025.publisher}, {data.DR_MATCH_2025.year}; secondary copy" in line


# --- A new year's figures ------------------------------------------------------
# The README's "Updating the figures" lists what a new edition changes; these
# fail where a half-done update would show one year's figures under another's
# name, or drop a row without a word.


@pytest.mark.parametrize(
    ("table", "source"),
    [(data.ChartingOutcome, data.CHARTING_OUTCOMES), (data.PGY1Result, data.RESULTS_AND_DATA)],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_table_file_is_named_for_the_year_its_citation_gives(table: type, source: data.Source) -> None:
    # The year a page prints beside a figure is the Source's, typed apart
    # from the file that holds the figure: a new edition must change both.
    years = re.findall(r"_(20\d\d)_", table.FILE)
    assert years == [source.year], f"{table.FILE} is cited as {source.named()}"


def test_every_dated_table_in_figures_is_one_the_calculators_read() -> None:
    # A new edition's file dropped beside the old one is read by nothing.
    read = {table.FILE for table in TABLES}
    unread = [path.name for path in FIGURES.glob("*_20[0-9][0-9]_*.tsv") if path.name not in read]
    assert not unread, f"point a table's FILE at these, or remove them: {unread}"


def test_the_match_rate_citation_spans_the_rows_it_cites() -> None:
    rates = data.match_rates()
    first, latest = min(rates), max(rates)
    assert data.MATCH_RATES.year == f"{first}-{latest}"
    # How the latest row was read (a secondary summary, for 2026) is named in
    # the citation, so a new row must bring its own words there.
    assert str(latest) in data.MATCH_RATES.publisher
    assert data.MATCH_RATES.status.startswith(f"{latest} row {rates[latest].status}")


def test_a_year_in_a_sources_title_is_its_own() -> None:
    # "Results and Data: 2025 Main Residency Match" carries its year in its
    # title: given a new year and the old title, every citation named two
    # editions, and nothing failed (data-update audit s33, 2).
    for source in data.SOURCES:
        for year in re.findall(r"\b20\d\d\b", source.title):
            assert year in source.year, (source.key, source.title, source.year)
    keyed = [s for s in data.SOURCES if re.search(r"-20\d\d$", s.key)]
    assert keyed and all(s.key[-4:] in s.year for s in keyed), [(s.key, s.year) for s in keyed]


def test_a_match_rate_is_cited_by_its_own_rows_year_and_kind_of_copy() -> None:
    # The pages quote the latest row alone; cited by the table, "2023-2026"
    # and no "secondary copy" stood beside a rate read in a secondary summary
    # (links audit s33, 4).
    for year, row in data.match_rates().items():
        said = row.cited.cite()
        assert said.startswith("NRMP, ") and said.split("; ")[0].endswith(f", {year}"), said
        assert ("secondary copy" in said) == (row.status == "secondary"), said


def test_every_specialty_finds_its_row_in_the_current_tables() -> None:
    # A field renamed in a new edition ("Psychiatry (categorical)") left the
    # backup finder estimating its figure, without failing anything.
    missing = [
        f"{spec.slug}: {name!r} not in {table}"
        for spec in data.SPECIALTIES
        for name, found, table in (
            (spec.charting_name, spec.outcome, data.ChartingOutcome.FILE),
            (spec.results_name, spec.pgy1, data.PGY1Result.FILE),
        )
        if name is not None and found is None
    ]
    assert not missing, missing


def test_the_signal_table_holds_one_season_and_one_row_per_specialty() -> None:
    # Read by specialty alone: a new season's row beside last season's would
    # win or lose by its place in the file.
    _, rows = data.read_tsv(data.SignalAllowance.FILE)
    specialties = [row["specialty"] for row in rows]
    assert len(specialties) == len(set(specialties)), "replace last season's rows rather than adding to them"
    assert len({row["season"] for row in rows}) == 1


def test_a_second_row_for_one_season_and_milestone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A published date added above the older secondary row lost to it by file
    order, without a word (data-update audit s36, 4)."""
    header, rows = data.read_tsv(data.CycleDate.FILE)
    doubled = [*rows, {**rows[-1], "date": "2027-06-02", "status": "published"}]
    monkeypatch.setattr(data, "read_tsv", lambda name: (header, doubled))
    data.cycle_dates.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"two rows for Match \d{4} \w+; replace the older one"):
            data.cycle_dates()
    finally:
        monkeypatch.undo()
        data.cycle_dates.cache_clear()
    assert data.cycle_dates()


def test_the_eras_seasons_macro_gives_its_own_noun(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guides typed "seasons" after it: a one-season schedule read "the 2027 ERAS seasons" (data-update audit s36, 3)."""
    import dataclasses

    import macros

    schedule = macros.eras_schedule()
    for season, said in (("ERAS 2027 season", "2027 season"), ("ERAS 2027 and 2028 seasons", "2027 and 2028 seasons")):
        monkeypatch.setattr(macros, "eras_schedule", lambda s=season: dataclasses.replace(schedule, season=s))
        assert macros.eras_seasons() == said


def test_the_residencycas_macros_read_emergency_medicines_schedule_from_the_fee_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The FAQ typed ResidencyCAS's "$99 ... first 18 ... $18 ... $23" (guides audit s55, 9)."""
    import dataclasses

    import macros
    from calculators.application_cost import FeeTier, schedule_for

    prefix = "ResidencyCAS application, emergency medicine, "
    rows = {fee.item.removeprefix(prefix): fee for fee in data.fees() if fee.item.startswith(prefix)}
    flat, middle, top = rows["programs 1-18"], rows["programs 19-30"], rows["program 31 and above"]
    assert macros.residencycas_tiers() == (
        f"${flat.amount_usd} for programs 1–18 together, ${middle.amount_usd} for each of programs 19–30 and "
        f"${top.amount_usd} for each program from the 31st"
    )
    assert macros.residencycas_season() == top.season_or_year.split(",")[0].replace("-", "–") == "2025–26 cycle"
    # ERAS's words are unchanged by the shared wording.
    assert macros.eras_tiers() == "$11 for each of programs 1–30 and $30 for each program from the 31st"
    em = schedule_for("emergency-medicine")
    assert em is not None
    newer = dataclasses.replace(em, season="2026-27 cycle, Match 2027", tiers=(FeeTier(1, 20, 0, 110), FeeTier(21, None, 25)))
    monkeypatch.setattr(macros, "schedule_for", lambda slug: newer)
    assert macros.residencycas_tiers() == "$110 for programs 1–20 together and $25 for each program from the 21st"
    assert macros.residencycas_season() == "2026–27 cycle"
    monkeypatch.setattr(macros, "schedule_for", lambda slug: None)
    with pytest.raises(LookupError, match="no ResidencyCAS schedule for emergency medicine"):
        macros.residencycas_tiers()


def test_the_check_step2_macro_gives_the_checks_own_lines() -> None:
    """need-a-backup typed 260, 230, 245 and 235 beside the check that draws them (guides audit s55, 3 and 9)."""
    import macros
    from calculators import competitiveness

    assert macros.check_step2("very strong") == str(competitiveness.EXCEPTIONAL_ULTRA["step2"])
    assert macros.check_step2("gap") == str(competitiveness.MISALIGNED_STEP2_GAP)
    for slug in ("orthopaedic-surgery", "dermatology", "diagnostic-radiology"):
        level = int(macros.check_step2("level", slug))
        far = int(macros.check_step2("far below", slug))
        spec = data.specialty(slug)
        assert far == level - competitiveness.MISALIGNED_STEP2_GAP
        assert competitiveness.far_below_level(spec, {"step2_score": far - 1}) is not None
        assert competitiveness.far_below_level(spec, {"step2_score": far}) is None
    assert macros.check_step2("level", "orthopaedic-surgery") == macros.check_step2("level", "dermatology")
    with pytest.raises(KeyError, match="no article level for 'internal-medicine'"):
        macros.check_step2("level", "internal-medicine")


def test_the_pages_say_how_many_signal_numbers_the_table_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    # The front page promised the number "where our data holds" it, and it held none (US-citizen IMG journey audit s37, 8).
    import macros

    assert not any(row.known for row in data.signal_allowances().values())
    assert macros.signals_known().startswith("at present our table holds no specialty's number")
    one = dict(data.signal_allowances())
    one["dermatology"] = data.SignalAllowance("dermatology", "ERAS 2027 (Match 2027)", 3, "", "seen", "AAMC")
    monkeypatch.setattr(data, "signal_allowances", lambda: one)
    assert macros.signals_known() == f"our table holds the number for 1 of {len(data.SPECIALTIES)} specialties"


def test_every_source_the_data_module_names_is_on_the_data_page() -> None:
    # The data page lists data.SOURCES; a source cited by a calculator or a
    # guide but left out of the tuple would be cited and never listed (the
    # visa sources of the visa-oldgrad audit s39 among them).
    named = {name: value for name, value in vars(data).items() if isinstance(value, data.Source)}
    assert {"H1B_PROCLAMATION", "USCIS_H1B_PAYMENT", "ECFMG_J1_REGULATIONS", "ECFMG_STATEMENT_OF_NEED"} <= set(named)
    assert [name for name, source in named.items() if source not in data.SOURCES] == []
    keys = [source.key for source in data.SOURCES]
    assert len(keys) == len(set(keys))


def test_the_h1b_payment_is_sourced_as_a_dated_rule_that_may_have_changed() -> None:
    # Set for 12 months unless extended, and read in copies: its citation
    # must carry both, never present it as in force today (visa-oldgrad audit s39, 1).
    for source in (data.H1B_PROCLAMATION, data.USCIS_H1B_PAYMENT):
        assert source.secondary and source.cite().endswith("; secondary copy")
    assert "19 September 2025" in data.H1B_PROCLAMATION.title and "unless extended" in data.H1B_PROCLAMATION.title


def test_the_residencycas_fields_are_named_in_running_text_from_one_table() -> None:
    # Typed in eight calculator sentences, the list would not follow a field
    # that moved service (coderead audit s41, 3).
    assert data.RESIDENCYCAS_FIELDS == frozenset(data.RESIDENCYCAS_FIELD_NAMES) <= set(data.SPECIALTY_BY_SLUG)
    assert data.RESIDENCYCAS_FIELDS_SAID == "emergency medicine and OB/GYN"
    assert all(data.via_residencycas(slug) for slug in data.RESIDENCYCAS_FIELDS)
    assert data.RESIDENCYCAS_FIELDS_SAID in application_cost.SUMMARY and data.RESIDENCYCAS_FIELDS_SAID in signals.WHERE_TO_CHECK


def test_residencycas_is_cited_per_field() -> None:
    # AMA 2024 for OB/GYN, CORD 2025 for emergency medicine (obgyn-usimg audit s42, 7).
    assert data.residencycas_cite(["obstetrics-gynecology", "family-medicine"]) == "AMA, 2024"
    assert data.residencycas_cite(["emergency-medicine"]) == "CORD, 2025"
    assert data.residencycas_cite(["emergency-medicine", "obstetrics-gynecology"]) == "AMA, 2024; CORD, 2025"
    assert data.RESIDENCYCAS_SHORT_CITE == "AMA, 2024; CORD, 2025"
    assert set(data.RESIDENCYCAS_FIELD_CITES) == data.RESIDENCYCAS_FIELDS


def test_a_fields_places_are_read_by_the_readers_own_group() -> None:
    # One lookup for every calculator that says whose places these were
    # (diff review s42, 8): an IMG's group, or a US graduate's seniors.
    em = data.specialty("emergency-medicine").pgy1
    assert em is not None
    assert em.filled_by("us-do") == (em.us_do_senior_pct_of_offered, "US DO seniors")
    assert em.filled_by("us-md") == (em.us_md_senior_pct_of_offered, "US MD seniors")
    assert em.filled_by("us-img") == (em.us_img_pct_of_offered, "US-citizen IMGs")
    assert em.filled_by("non-us-img") == (em.non_us_img_pct_of_offered, "non-US IMGs")
    assert em.filled_by("someone-else") is None


def test_the_faq_answer_the_calculators_name_for_the_h1b_is_a_heading_of_the_faq() -> None:
    # Application cost's Step 3 help and competitiveness' Step 3 note send a
    # visa reader to this answer by its heading (results carry no links).
    faq = (Path(__file__).resolve().parent.parent / "docs" / "faq.md").read_text(encoding="utf-8")
    assert f"## {data.FAQ_VISA_ANSWER} {{ #j-1-or-h-1b }}" in faq
    answer = faq.split(f"## {data.FAQ_VISA_ANSWER}")[1].split("\n## ")[0]
    # It says why, with the source the calculators cite.
    assert "Step 3 passed before the program files your petition (Immigration and Nationality Act, section 212(j)(2)" in answer
