"""The built site: strict build, nothing from other hosts, sound links, and
the statements every page must carry."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, pin_build_date

from calculators import REGISTRY, data
from calculators.render import DISCLAIMER

LOADING_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


# Tests build for the loopback address they serve the site on.
OWN_HOST = "127.0.0.1"


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.inline_styles_with_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag in LOADING_ATTRIBUTES and values.get(LOADING_ATTRIBUTES[tag]):
            self.loads.append((tag, values[LOADING_ATTRIBUTES[tag]]))
        if "style" in values and "url(" in values["style"]:
            self.inline_styles_with_urls.append(values["style"])


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_page_loads_only_from_its_own_site(built_site: Path) -> None:
    offenders = []
    for page in pages(built_site):
        parsed = parse(page)
        for tag, url in parsed.loads:
            # The canonical link names the site's own address (site_url).
            if urlsplit(url).hostname == OWN_HOST:
                continue
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {url}")
        offenders += [f"{page}: style {s}" for s in parsed.inline_styles_with_urls if "http" in s]
    assert not offenders


def test_stylesheets_and_scripts_reference_no_other_host(built_site: Path) -> None:
    pattern = re.compile(r"""url\(\s*['"]?(https?:)?//|@import\s+['"]?https?://""")
    for path in built_site.rglob("*.css"):
        assert not pattern.search(path.read_text(encoding="utf-8", errors="replace")), path
    fonts = [p for p in built_site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf")]
    assert not fonts
    # Our own scripts resolve everything relative to themselves.
    for script in (built_site / "assets" / "javascripts").glob("calculator*.js"):
        assert "http" not in script.read_text(encoding="utf-8"), script


# Every other host Material's own bundle names, and why none is reached: a
# new one in a Material update must be looked at (hygiene audit s23, 6).
MATERIAL_BUNDLE_HOSTS = {
    "https://api.github.com/repos/": "repository facts, only with repo_url, which mkdocs.yml does not set",
    "https://api.github.com/users/": "the same",
    "https://clipboardjs.com/": "a licence comment, never fetched",
    "https://unpkg.com/mermaid": "only for Mermaid diagrams, which no page has",
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver (Safari before 13.1), "
    "which cannot run the calculators either",
}


def test_materials_bundle_names_no_host_it_would_reach_here(built_site: Path) -> None:
    (bundle,) = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    named = set(re.findall(r"https?://[\w./-]+", bundle.read_text(encoding="utf-8")))
    assert named == set(MATERIAL_BUNDLE_HOSTS)
    assert "repo_url" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not [page for page in pages(built_site) if 'class="mermaid"' in page.read_text(encoding="utf-8")]


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    # 404.html links from the site root, since it is served at any address.
    parsed = {page: parse(page) for page in pages(built_site) if page.name != "404.html"}
    broken = []
    for page, parser in parsed.items():
        base = page.relative_to(built_site).as_posix()
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            # `make build` adds the offline copy after MkDocs has built the site.
            if posixpath.basename(parts.path) == "match-plan-b-offline.zip":
                continue
            relative = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path))) if parts.path else base
            target = built_site / relative
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{base}: {href} (no such page)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{base}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_every_page_says_it_is_general_guidance_not_a_guarantee(built_site: Path) -> None:
    missing = [p for p in pages(built_site) if "not a guarantee" not in p.read_text(encoding="utf-8")]
    assert not missing
    # In the page itself, not only in the footer, which is left off paper (audit s19, pages 5).
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    article = not_found[not_found.index("<article") : not_found.index("</article>")]
    assert "General guidance, not a guarantee" in article and "independent of the NRMP" in article


# How guides name each source article in running text; each name sends the
# reader to the list at the page's foot for the article's title and date.
# Also "the orthopaedics source article" and lists such as "the source
# articles on orthopaedic surgery, ultra-competitive specialties and
# radiology", which named articles their pages did not date (audit s19, pages 2).
ARTICLE_MENTIONS = {
    data.ARTICLE_ORTHO: r"orthopaedics (source )?article|source articles? on [^.()]*orthopaedic",
    data.ARTICLE_IMG: r"\bIMG (source )?article|source articles? on (IMGs|backup planning for IMGs)",
    data.ARTICLE_ULTRA: r"ultra-competitive (source )?article|source articles? on [^.()]*ultra-competitive",
    data.ARTICLE_UNMATCHED: r"(no-match|unmatched) (source )?article|source articles? on (not matching|building a backup)",
    data.ARTICLE_RADIOLOGY: r"radiology (source )?article|source articles? on [^.()]*radiology",
}


class TextOutsideCalculators(HTMLParser):
    """A page's text without its calculators, whose own citations must not vouch for the guide's."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.depth = 0  # open <section>s, counted from a calculator's own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "section":
            return
        if self.depth or "mpb-calculator" in (dict(attrs).get("class") or "").split():
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def test_every_source_article_a_page_names_is_dated_on_that_page(built_site: Path) -> None:
    undated = []
    for page in pages(built_site):
        parser = TextOutsideCalculators()
        parser.feed(page.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", " ".join(parser.parts))
        for article, mention in ARTICLE_MENTIONS.items():
            dated = re.escape(article.title) + r"[^.]{0,50}?" + re.escape(article.year)
            if re.search(mention, text, re.IGNORECASE) and not re.search(dated, text):
                undated.append(f"{page.relative_to(built_site)}: {article.key}")
    assert not undated, "\n".join(undated)


def test_a_pages_list_of_source_articles_decodes_every_short_name_the_page_uses(built_site: Path) -> None:
    # The competitiveness page's list named the IMG article alone while its
    # method cited the radiology article seven times (links audit s33, 7).
    missing, checked = [], 0
    for page in pages(built_site):
        html_text = page.read_text(encoding="utf-8")
        if "The source articles are cited by short names." not in html_text:
            continue
        checked += 1
        listed_part = html_text.split("The source articles are cited by short names.", 1)[1].split("</ul>", 1)[0]
        text = re.sub(r"<[^>]+>", " ", html_text)
        for article, mention in ARTICLE_MENTIONS.items():
            if re.search(mention, text, re.IGNORECASE) and article.title not in listed_part:
                missing.append(f"{page.relative_to(built_site)}: {article.short}")
    assert checked >= 15, "the lists of source articles were not found"
    assert not missing, "add these to the page's article_sources(...):\n" + "\n".join(missing)


def test_every_calculator_has_a_page_with_its_default_result_prerendered(built_site: Path) -> None:
    embedded = {}
    for page in pages(built_site):
        for name in re.findall(r'data-calculator="([a-z_]+)"', page.read_text(encoding="utf-8")):
            embedded.setdefault(name, page)
    assert set(REGISTRY) <= set(embedded), set(REGISTRY) - set(embedded)
    html = (built_site / "calculators" / "competitiveness" / "index.html").read_text(encoding="utf-8")
    assert "How each input moved the score" in html and "How this calculator works" in html


class OutlineParser(HTMLParser):
    """The headings of a page's text in order: level, whether it is a
    calculator's own (inside ``.mpb-calculator``), whether it is a
    calculator's title, and its words."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, bool, bool, str]] = []
        self.depth = 0
        self.calculator_depth: int | None = None
        self.heading: tuple[int, bool, bool] | None = None
        self.words = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        classes = (dict(attrs).get("class") or "").split()
        self.depth += 1
        if "mpb-calculator" in classes and self.calculator_depth is None:
            self.calculator_depth = self.depth
        if re.fullmatch(r"h[1-6]", tag):
            self.heading, self.words = (int(tag[1]), self.calculator_depth is not None, "mpb-title" in classes), ""

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if self.heading is not None and re.fullmatch(r"h[1-6]", tag):
            self.headings.append((*self.heading, self.words.strip()))
            self.heading = None
        if self.calculator_depth == self.depth:
            self.calculator_depth = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.words += data


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def outline_faults(html: str) -> list[str]:
    """Where a page's heading outline jumps down more than one level, or puts
    a guide heading inside a calculator's section."""
    start = html.index('<article class="md-content__inner md-typeset">')
    parser = OutlineParser()
    parser.feed(html[start : html.index("</article>", start)])
    faults, previous, calculator_title = [], 1, None
    for level, inside, title, words in parser.headings:
        if level > previous + 1:
            faults.append(f"h{previous} to h{level}: {words}")
        if title:
            calculator_title = level
        elif not inside and calculator_title is not None:
            if level > calculator_title:
                faults.append(f"guide heading h{level} {words!r} sits under a calculator's h{calculator_title}")
            calculator_title = None
        previous = level
    return faults


def test_no_page_outline_skips_a_level_or_files_a_guide_section_under_a_calculator(built_site: Path) -> None:
    # On /apply/ both calculators sit under ### sections but had h2 titles: the
    # guide's next ### read as part of "How many programs to apply to".
    apply = (built_site / "apply" / "index.html").read_text(encoding="utf-8")
    assert outline_faults(apply) == []
    assert re.search(r'<h3 id="mpb-program_counts-title"', apply) and re.search(r'<h3 id="mpb-application_cost-title"', apply)
    faults = {}
    for page in pages(built_site):
        if found := outline_faults(page.read_text(encoding="utf-8")):
            faults[str(page.relative_to(built_site))] = found
    assert faults == {}


def test_search_finds_a_calculators_summary_and_method_but_not_its_form_or_default_answer(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for name, calc in REGISTRY.items():
        own_page = f"calculators/{name.replace('_', '-')}/#mpb-{name}-title"
        sections = {d["location"]: d["text"] for d in index["docs"] if d["location"].endswith(f"#mpb-{name}-title")}
        assert own_page in sections, f"{name}: its own page's calculator is not in the search index"
        for location, text in sections.items():
            assert calc.SUMMARY[:40] in text, name
            # The method on the calculator's own page only: on the guides that
            # embed one too, its formula outranked the guide's own sections
            # (search audit s26, 6).
            assert ("How this calculator works" in text) == (location == own_page), location
            helps = [f.help_words for f in calc.FIELDS if f.help and f.help_words in text]
            assert not helps, f"{name}: the form is indexed: {helps[:2]}"
            assert DISCLAIMER[:40] not in text, f"{name}: the default answer is indexed"
            assert "Remember my answers" not in text and "needs JavaScript" not in text, location


def test_runtime_is_vendored_only_once_and_loaded_by_a_module_script(built_site: Path) -> None:
    (runtime,) = (built_site / "assets").glob("pyodide-*")
    assert (runtime / "pyodide.mjs").is_file() and (runtime / "pyodide.asm.wasm").is_file()
    assert len(list(runtime.glob("calculators-*.whl"))) == 1 and len(list(runtime.glob("python_stdlib-*.zip"))) == 1
    # Neither the full standard library nor the package lock is shipped.
    assert not (runtime / "python_stdlib.zip").exists() and not (runtime / "pyodide-lock.json").exists()
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="assets/javascripts/calculators\.js" type="module">', index)
    assert "pyodide" not in index.lower().replace("assets/javascripts/calculators.js", "")


def test_every_guide_has_a_description_of_its_own(built_site: Path) -> None:
    """A shared link's preview and a search result show the page's own words,
    not the site's one sentence (macros/page_description.py)."""
    described: dict[str, list[str]] = {}
    for page in pages(built_site):
        if page.name == "404.html":
            continue
        found = re.findall(r'<meta name="description" content="([^"]*)">', page.read_text(encoding="utf-8"))
        assert len(found) == 1, f"{page}: {found}"
        described.setdefault(unescape(found[0]), []).append(str(page.relative_to(built_site)))
    shared = {words: where for words, where in described.items() if len(where) > 1}
    assert not shared, shared
    home = unescape(re.findall(r'<meta name="description" content="([^"]*)">', (built_site / "index.html").read_text())[0])
    assert home.startswith('Match Plan B is a free guide, with calculators, to planning a backup ("Plan B")')


def test_every_name_a_page_points_to_is_on_that_page(built_site: Path) -> None:
    """Regions, forms, results and progress bars are named by words on the
    page (aria-labelledby), which a browser's translation translates as it
    never does an aria-label; a name that points nowhere is no name."""
    checked, dangling = 0, []
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', text))
        for names in re.findall(r'aria-labelledby="([^"]*)"', text):
            checked += 1
            dangling += [f"{page.relative_to(built_site)}: {name}" for name in names.split() if name not in ids]
        assert 'role="region" tabindex="0" aria-label=' not in text, page
    assert not dangling, dangling
    assert checked > 50


def test_code_on_every_page_is_left_alone_by_the_browsers_translation(built_site: Path) -> None:
    # A command or a value to type, translated, no longer runs or matches
    # (macros/code_untranslated.py).
    loose = [
        f"{page.relative_to(built_site)}: {tag}"
        for page in pages(built_site)
        for tag in re.findall(r"<(?:code|pre)(?=[\s>])[^>]*>", page.read_text(encoding="utf-8"))
        if 'translate="no"' not in tag
    ]
    assert not loose, loose[:5]
    assert '<code translate="no">python -m calculators competitiveness --help</code>' in (
        built_site / "calculators" / "competitiveness" / "index.html"
    ).read_text(encoding="utf-8")


# ES5 as acorn (the parser of the JavaScript tools) reads it, run by Node.
PARSES_AS_ES5 = (
    'require("acorn").parse(require("fs").readFileSync(process.argv[1], "utf8"), { ecmaVersion: 5, sourceType: "script" });'
)


def test_the_engine_check_parses_in_the_browsers_it_answers_no_for(built_site: Path) -> None:
    """It says a calculator is not live where calculators.js cannot even be
    parsed (Safari before 14, Chrome before 85), so it, and the expression
    the build writes into it, must be older JavaScript than the site's own."""
    import subprocess

    from macros import runtime_assets

    script = built_site / runtime_assets.ENGINE_CHECK_SCRIPT
    assert runtime_assets.ENGINE_CHECK_MARKER not in script.read_text(), "the build did not fill in the check"
    parsed = subprocess.run(["node", "-e", PARSES_AS_ES5, str(script)], cwd=ROOT, capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stderr


@pytest.mark.parametrize("config", ["mkdocs.yml", "tests/fixtures/without-instant-navigation.yml"])
def test_configurations_build_strictly(config: str, tmp_path: Path) -> None:
    from conftest import build_site

    # As the deploy builds it: with the repository's issues page, which the
    # data page asks readers to report errors to (links audit s33, 2).
    issues = "https://github.com/example/match-plan-b/issues"
    result = build_site(tmp_path / "site", ROOT / config, extra_env={"ISSUES_URL": issues})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    data_page = (tmp_path / "site" / "data-and-sources" / "index.html").read_text(encoding="utf-8")
    assert f'please <a href="{issues}"' in data_page and "open an issue in the project" in data_page


def test_the_deploy_gives_the_data_page_its_repositorys_issues_page(built_site: Path) -> None:
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "ISSUES_URL: ${{ github.server_url }}/${{ github.repository }}/issues" in workflow
    # A local build names no repository it cannot know, and links nowhere.
    data_page = (built_site / "data-and-sources" / "index.html").read_text(encoding="utf-8")
    assert "please open an issue in the project" in data_page


def test_a_downloaded_copy_names_the_hosted_address_but_never_a_loopback_one() -> None:
    from types import SimpleNamespace

    import macros

    hosted = str(macros._copy_dated(SimpleNamespace(conf={"site_url": "https://example.org/match-plan-b/"})))
    assert 'The latest version is at <a href="https://example.org/match-plan-b/" data-offsite>' in hosted
    local = str(macros._copy_dated(SimpleNamespace(conf={"site_url": "http://127.0.0.1:8000/"})))
    assert "127.0.0.1" not in local and "newer copy at the site&#x27;s web address" in local


def test_a_printed_page_names_its_hosted_address_and_its_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # A sheet kept for months or shown to an adviser had no address and no date.
    from types import SimpleNamespace

    import macros

    pin_build_date(monkeypatch, "2026-09-09")
    page = SimpleNamespace(url="apply/timeline/")
    hosted = str(macros.paper_provenance(SimpleNamespace(conf={"site_url": "https://example.org/mpb/"}, page=page)))
    assert "Printed from Match Plan B at https://example.org/mpb/apply/timeline/. " in hosted
    assert "built on 9 September 2026" in hosted
    assert 'class="mpb-paper-note"' in hosted and "data-search-exclude" in hosted
    local = str(macros.paper_provenance(SimpleNamespace(conf={"site_url": "http://127.0.0.1:8000/"}, page=page)))
    assert "127.0.0.1" not in local and "Printed from Match Plan B. This page was built on" in local
    # The downloaded copy names files; the hosted site's addresses end in folders.
    for copy_url, hosted_url in [("apply/timeline.html", "apply/timeline/"), ("apply/index.html", "apply/"), ("index.html", "")]:
        printed = str(
            macros.paper_provenance(
                SimpleNamespace(conf={"site_url": "https://example.org/mpb/"}, page=SimpleNamespace(url=copy_url))
            )
        )
        assert f"at https://example.org/mpb/{hosted_url}. " in printed, copy_url


def test_the_hosted_site_is_rebuilt_weekly_as_well_as_on_push() -> None:
    # The guides name the season current on the build's date, and the site
    # was deployed only on push: months without one left them naming a
    # season that had ended.
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    (cron,) = (entry["cron"] for entry in triggers["schedule"])
    minute, hour, day, month, weekday = cron.split()
    once_a_week = minute.isdigit() and hour.isdigit() and (day, month) == ("*", "*") and weekday.isdigit()
    assert once_a_week, f"{cron!r} is not once a week"
    assert "workflow_dispatch" in triggers
    jobs = workflow["jobs"]
    build = jobs["build"]["if"]
    # Each event's run publishes only from main, and a pull request never.
    for event, ref, publishes in (
        ("push", "refs/heads/main", True),
        ("schedule", "refs/heads/main", True),
        ("workflow_dispatch", "refs/heads/main", True),
        ("workflow_dispatch", "refs/heads/other", False),
        ("push", "refs/heads/other", False),
        ("pull_request", "refs/pull/1/merge", False),
    ):
        condition = build.replace("github.event_name", repr(event)).replace("github.ref", repr(ref))
        assert eval(condition.replace("&&", " and ").replace("||", " or ")) is publishes, (event, ref)
    assert jobs["deploy"]["needs"] == "build" and "if" not in jobs["deploy"]


def test_every_action_is_pinned_to_the_commit_of_a_named_release() -> None:
    """A tag can be moved to other code; a commit cannot."""
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    actions = re.findall(r"uses: (\S+.*)$", workflow, re.M)
    assert len(actions) >= 6
    loose = [a for a in actions if not re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", a)]
    assert not loose, loose


def test_every_pinned_package_installs_on_the_oldest_python_we_name() -> None:
    """The README, the Makefile and pyproject.toml name Python 3.11, and the
    workflow runs Debian 12's 3.11.2. A pin once needed 3.11.5: pip would
    have found nothing to install there, so the workflow could never deploy,
    while every run here, on 3.11.7, passed (workflows audit s27)."""
    import tomllib
    from importlib import metadata

    from packaging.specifiers import SpecifierSet

    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    (oldest,) = (spec.version for spec in SpecifierSet(requires) if spec.operator == ">=")
    debian_12 = "3.11.2"
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert len(pins) > 40
    refused = []
    for name, version in pins:
        installed = metadata.metadata(name)
        assert installed["Version"] == version, f"{name} {installed['Version']} installed, {version} pinned: run make setup"
        allowed = SpecifierSet(installed.get("Requires-Python") or "")
        refused += [
            f"{name}=={version} needs Python {allowed}, not {python}"
            for python in (f"{oldest}.0", debian_12)
            if python not in allowed
        ]
    assert not refused, refused


# Guides quote the data through macros (macros/__init__.py): the NRMP tables
# by results() and charting(), ERAS prices by eras_fee() and its kin, never by
# typing a figure, so a new edition rewrites every sentence that quotes it.
# The tests below find a typed one, and read guides with the macros blanked.
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# A sentence ends at a full stop, not at a semicolon inside a citation's
# brackets; a list item or a line is a sentence of its own.
SENTENCE_END = re.compile(r"(?<=[a-z)*]\.)\s+(?=[A-Z*(])|\n")
FIGURE = re.compile(r"(?<![\w.-])(\d[\d,]*(?:\.\d+)?%?)(?![\w-])")


def _guides_without_macros() -> Iterable[tuple[Path, str]]:
    for guide in sorted((ROOT / "docs").rglob("*.md")):
        yield guide, MACRO.sub("{{}}", guide.read_text(encoding="utf-8"))


def test_every_fee_in_a_guide_names_its_year_in_the_same_paragraph() -> None:
    """Fees change every season; a dollar figure read without its year would
    look current (the guides are Markdown, so each paragraph is one block)."""

    undated = []
    for guide in sorted((ROOT / "docs").rglob("*.md")):
        for paragraph in re.split(r"\n\s*\n", guide.read_text(encoding="utf-8")):
            if re.search(r"\$\s?\d|\{\{ (?:eras|residencycas)_", paragraph) and not re.search(
                r"\b20\d\d\b|\{\{ (?:eras_seasons|residencycas_season)\(\) \}\}", paragraph
            ):
                undated.append(f"{guide.relative_to(ROOT)}: {paragraph[:80]}")
    assert not undated, "\n".join(undated)


def test_every_fee_a_guide_types_is_one_the_fee_data_hold() -> None:
    """Guides price programs through the eras_* macros; a dollar figure typed
    (a single fee, the AAMC's example) must be a fee of the data, so a new
    season's schedule fails here on each sentence still quoting the old one."""
    from calculators.application_cost import IN_PERSON_PER_INTERVIEW, aamc_example_total

    # Amounts and ranges ("250-499"), not the old ERAS schedule's description.
    amounts = [fee.amount_usd for fee in data.fees() if re.fullmatch(r"\d+(?:(?:-| vs )\d+)?", fee.amount_usd)]
    held = {int(amount) for text in amounts for amount in re.findall(r"\d+", text)}
    held |= {IN_PERSON_PER_INTERVIEW, 0} | ({total} if (total := aamc_example_total()) else set())
    typed, stale = 0, []
    for guide, text in _guides_without_macros():
        for amount in re.findall(r"\$\s?(\d[\d,]*)", text):
            typed += 1
            if int(amount.replace(",", "")) not in held:
                stale.append(f"{guide.relative_to(ROOT)}: ${amount}")
    assert not stale, "re-read these against the fee data:\n" + "\n".join(stale)
    assert typed >= 10, "the guides' fees were not found"


def test_a_single_fee_and_a_sources_citation_come_from_the_data_with_their_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """The FAQ typed Step 3's "$935 in 2025" and the Pathways citation's
    "2025, for the 2026 Match" (diff review s54, 10): the macros read them
    from the data, so a new row or edition rewrites the sentence."""
    from dataclasses import replace

    import macros

    step3 = next(row for row in data.fees() if row.item.startswith("USMLE Step 3"))
    assert str(macros.fee("USMLE Step 3")) == (
        f'${step3.amount_usd} in {step3.season_or_year} <span class="mpb-cite">({step3.source})</span>'
    )
    newer = replace(step3, amount_usd="990", season_or_year="2027")
    monkeypatch.setattr(data, "fees", lambda: (newer,))
    assert str(macros.fee("USMLE Step 3")).startswith("$990 in 2027 ")
    # An old fee says so beside its year.
    monkeypatch.setattr(data, "fees", lambda: (replace(step3, season_or_year="2016-17"),))
    # Its span of years as the pages write one, with a dash, where the data have a hyphen (diff review s55b, 10).
    assert str(macros.fee("USMLE Step 3")).startswith(f"${step3.amount_usd} in 2016–17, an old figure ")
    assert unescape(str(macros.cited("ecfmg-pathways"))) == f'<span class="mpb-cite">({data.ECFMG_PATHWAYS.cite()})</span>'
    with pytest.raises(KeyError):
        macros.cited("no-such-source")
    monkeypatch.setattr(data, "fees", lambda: ())
    with pytest.raises(KeyError):
        macros.fee("USMLE Step 3")


# Where a guide types the edition of the figures it quotes.  Its figures are
# typed beside it, so a new edition in the data must send someone to re-read
# exactly these lines (README, "Updating the figures").
EDITIONS_IN_GUIDES = {
    "Charting Outcomes": re.compile(r"Charting Outcomes(?: in the Match)?(?:: Non-U\.S\. IMGs)?\*?,? \(?(?:for )?(20\d\d)"),
    "Results and Data": re.compile(r"Results and Data\*?:?,? (?:for the )?(20\d\d)|(20\d\d),? \(NRMP \*Results and Data"),
}


def test_every_edition_a_guide_names_is_the_one_in_the_data() -> None:
    held = {
        "Charting Outcomes": {data.CHARTING_OUTCOMES.year},
        "Results and Data": {data.RESULTS_AND_DATA.year},
    }
    stale, seen = [], set()
    for guide in sorted((ROOT / "docs").rglob("*.md")):
        text = guide.read_text(encoding="utf-8")
        for edition, pattern in EDITIONS_IN_GUIDES.items():
            for found in pattern.finditer(text):
                seen.add(edition)
                if {year for year in found.groups() if year} != held[edition]:
                    line = text.count("\n", 0, found.start()) + 1
                    stale.append(f"{guide.relative_to(ROOT)}:{line}: {found[0]!r}, the data hold {sorted(held[edition])}")
    assert not stale, "re-read the figures on these lines against the new edition:\n" + "\n".join(stale)
    assert seen == set(EDITIONS_IN_GUIDES), "a pattern that finds nothing checks nothing"


def test_no_guide_table_of_positions_offered_types_a_figure() -> None:
    quoted, typed = 0, []
    for guide, text in _guides_without_macros():
        header: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.startswith("|"):
                header = []
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not header:
                header = cells
                continue
            if not any("offered" in cell.lower() for cell in header) or set(cells[0]) <= set("-: "):
                continue
            quoted += " ".join(cells[1:]).count("{{}}")
            if re.search(r"\d", " ".join(cells[1:])):
                typed.append(f"{guide.relative_to(ROOT)}:{number}: {line[:80]}")
    assert not typed, "quote these through {{ results(...) }}:\n" + "\n".join(typed)
    assert quoted >= 20, "the guides' tables were not found"


def _figures(rows: Iterable[object]) -> set[str]:
    """Every number in a table's rows (and their score distributions), as a
    guide may write it: 6,992, 5, 32.7%, 251."""
    found: set[str] = set()
    for row in rows:
        values = list(vars(row).values())
        values += [part for value in values if hasattr(value, "__dict__") for part in vars(value).values()]
        for value in values:
            if isinstance(value, int | float) and not isinstance(value, bool):
                found |= {f"{value:,}", f"{value:g}", f"{value:.1f}", f"{value:g}%", f"{value:.1f}%"}
    return found


# Numbers a line citing or quoting the tables may type, with why: none is a figure
# of a table.
NOT_FROM_THE_TABLE = {
    "Step 2": "the exam's name",
    "Level 2": "the exam's name",
    "fewer than 5 ": "NRMP's rule for withholding a figure",
    "20 or 30 applicants": "an illustration of small groups (data-and-sources.md)",
    "cross-checked 396": "how many medians the transcriber cross-checked (data-and-sources.md)",
    "at program 1": "where ERAS counts start again (calculators/application-cost.md)",
}


QUOTING = re.compile(r"\{\{[^}]*\b(?:results|charting|img_match_rate|step2_matched)\(")


def test_no_line_quoting_or_citing_an_nrmp_table_types_a_figure() -> None:
    """A line (a paragraph, a list item, a table row) that cites Results and
    Data or Charting Outcomes, or quotes either through a macro, types no
    number but a year (and NOT_FROM_THE_TABLE); its figures come from the
    macros.  Catches a figure typed beside them, and last edition's figure
    left behind, whichever row it matches.  A whole line, not a sentence: a
    list item quoting a figure may cite it in the item before (diff review
    s29)."""
    quoted, typed = 0, []
    for guide in sorted((ROOT / "docs").rglob("*.md")):
        for line in guide.read_text(encoding="utf-8").splitlines():
            if not (QUOTING.search(line) or "Results and Data" in line or "Charting Outcomes" in line):
                continue
            quoted += len(QUOTING.findall(line))
            words = re.sub(r"^\s*(?:\d+\.|[-*])\s", "", MACRO.sub("{{}}", line))
            for phrase in NOT_FROM_THE_TABLE:
                words = words.replace(phrase, "")
            for number in FIGURE.findall(words):
                if not re.fullmatch(r"20\d\d", number.rstrip(",")):
                    typed.append(f"{guide.relative_to(ROOT)}: {number} in {words[:100]!r}")
    assert not typed, "quote these through {{ results(...) }} or {{ charting(...) }}:\n" + "\n".join(typed)
    assert quoted >= 80, f"only {quoted} quoted figures found"


def test_no_guide_types_a_figure_of_an_nrmp_table_anywhere() -> None:
    """Figures written as only a table writes them (5,357 or 86.9%) are the
    table's wherever they stand, with or without a citation (and the ACS
    release's, quoted by acs_fill(), and diagnostic radiology's, by dr_fill())."""
    figures = _figures(data.pgy1_results().values()) | _figures(data.charting_outcomes().values())
    figures |= {number for s in data.SPECIALTIES if s.acs_fill for number in re.findall(r"[\d,.]+%?", s.acs_fill)}
    figures |= {number for fill in (data.DR_PGY1_2025, data.DR_PGY2_2025) for number in re.findall(r"[\d,.]+%?", fill.shown())}
    typed = [
        f"{guide.relative_to(ROOT)}: {number}"
        for guide, text in _guides_without_macros()
        for number in re.findall(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.])\d+\.\d%", text)
        if number in figures
    ]
    assert not typed, "quote these through {{ results(...) }} or {{ charting(...) }}:\n" + "\n".join(typed)


def test_no_guide_types_the_seasons_of_the_eras_schedule() -> None:
    # A new schedule's prices beside the old schedule's typed seasons would
    # pin them to the wrong years: the seasons come from eras_seasons().
    typed = [
        f"{guide.relative_to(ROOT)}: {found[0]}"
        for guide, text in _guides_without_macros()
        for found in re.finditer(r"20\d\d and 20\d\d (?:ERAS )?(?:seasons?|schedule)|ERAS 20\d\d and 20\d\d", text)
    ]
    assert not typed, typed


def _eras_years() -> set[str]:
    from calculators.application_cost import eras_schedule

    return set(re.findall(r"20\d\d", eras_schedule().season))


def _schedule_years(slug: str) -> set[str]:
    from calculators.application_cost import schedule_for

    schedule = schedule_for(slug)
    return set(re.findall(r"20\d\d", schedule.season)) if schedule else set()


# The macros that quote the data, and the years a sentence quoting them may
# type beside them ("in 2025", "the 2025 Match").
EDITION_OF_MACRO: dict[str, Callable[[], set[str]]] = {
    "results(": lambda: {data.RESULTS_AND_DATA.year},
    "charting(": lambda: {data.CHARTING_OUTCOMES.year},
    "img_match_rate(": lambda: {data.CHARTING_OUTCOMES.year},
    "step2_matched(": lambda: {data.CHARTING_OUTCOMES.year},
    "acs_fill(": lambda: {data.ACS_FILL.year},
    "dr_fill(": lambda: {data.DR_MATCH_2025.year},
    "eras_": _eras_years,
    # ResidencyCAS's emergency medicine schedule (guides audit s55, 9).
    "residencycas_tiers(": lambda: _schedule_years("emergency-medicine"),
}


def test_a_sentence_quoting_a_table_types_no_year_but_its_editions() -> None:
    """A new edition rewrites the figures a sentence quotes, not the year it
    types beside them; this lists each sentence (or table) to re-read."""
    quoting, stale = 0, []
    for guide in sorted((ROOT / "docs").rglob("*.md")):
        for paragraph in re.split(r"\n\s*\n", guide.read_text(encoding="utf-8")):
            units = [paragraph] if paragraph.startswith("|") else SENTENCE_END.split(paragraph)
            for unit in units:
                calls = MACRO.findall(unit)
                years = set().union(*(held() for name, held in EDITION_OF_MACRO.items() if any(name in call for call in calls)))
                if not years:
                    continue
                quoting += 1
                if wrong := set(re.findall(r"20\d\d", MACRO.sub("", unit))) - years:
                    stale.append(f"{guide.relative_to(ROOT)}: {sorted(wrong)}, the data hold {sorted(years)}: {unit[:100]!r}")
    assert not stale, "re-read these against the new edition:\n" + "\n".join(stale)
    assert quoting >= 40, f"only {quoting} sentences quote a table"


def test_a_quoted_figure_reads_as_the_table_has_it() -> None:
    import macros

    transitional = macros.results("Transitional Year")
    row = data.pgy1_results()["Transitional Year"]
    assert transitional.positions_offered == f"{row.positions_offered:,}"
    assert transitional.fill_rate_pct == f"{row.fill_rate_pct:.1f}%"
    radiology = macros.charting("Radiology-Diagnostic")
    assert radiology.step2_unmatched.median == f"{data.charting_outcomes()['Radiology-Diagnostic'].step2_unmatched.median:g}"
    with pytest.raises(KeyError, match="no row 'Radiology'"):
        macros.charting("Radiology")
    with pytest.raises(AttributeError, match="no column 'offered'"):
        _ = transitional.offered
    suppressed = next(o for o in data.charting_outcomes().values() if o.step2_matched.median is None)
    with pytest.raises(ValueError, match="did not publish median"):
        _ = macros.charting(suppressed.specialty).step2_matched.median


def test_the_repository_tracks_no_environment_and_no_link_out_of_itself() -> None:
    """A clone's .venv and node_modules are its own (make setup builds them).
    Once, links to another checkout's were committed: pulling them replaced
    that checkout's environments with links to themselves."""
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    links = [line.split("\t", 1)[1] for line in listed.splitlines() if line.startswith("120000")]
    assert links == [], f"symbolic links tracked: {links}"
    paths = [line.split("\t", 1)[1] for line in listed.splitlines()]
    assert not [p for p in paths if p.split("/")[0] in {".venv", "node_modules", "site", "site-offline"}]


def test_every_guide_table_labels_each_cell_with_its_column(built_site: Path) -> None:
    # On a phone a guide's table turns into cards, each cell headed by its
    # column's name; a cell without one would print a value with no name.
    checked = 0
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        for table in re.findall(r'<div class="mpb-cards"><table>(.*?)</table></div>', text, re.S):
            names = [unescape(re.sub(r"<[^>]+>", "", th)).strip() for th in re.findall(r"<th\b[^>]*>(.*?)</th>", table, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>", 1)[1], re.S):
                labels = [unescape(label) for label in re.findall(r'<td\b[^>]*data-label="([^"]*)"', row)]
                assert labels == names[: len(labels)] and len(labels) == row.count("<td"), (page, row[:80])
                checked += 1
    assert checked > 100


def test_tables_built_with_their_labels_are_left_as_they_are() -> None:
    from macros import table_cards

    built = '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">1</td></tr></tbody></table>'
    assert table_cards.on_page_content(built) == built
    markdown = "<table>\n<thead>\n<tr>\n<th>Fee <em>(US$)</em></th>\n<th>A &amp; B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"
    cards = table_cards.on_page_content(markdown)
    assert cards.startswith('<div class="mpb-cards"><table>')
    assert '<td data-label="Fee (US$)">1</td>' in cards and '<td data-label="A &amp; B">2</td>' in cards


def test_a_guide_table_is_named_by_its_sections_heading_without_the_permalink() -> None:
    from macros import table_cards

    table = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    page = (
        '<h1 id="t">Title<a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>'
        f'<h2 id="f">Fees &amp; <em>timing</em><a class="headerlink" href="#f" title="Permanent link">¶</a></h2>{table}'
        f"<p>Between.</p>{table}"
    )
    built = table_cards.on_page_content(page)
    captions = re.findall(r'<caption class="mpb-visually-hidden" id="([^"]+)">([^<]*)</caption>', built)
    assert captions == [("mpb-guide-table-1", "Fees &amp; timing"), ("mpb-guide-table-2", "Fees &amp; timing")]
    assert "<caption" not in table_cards.on_page_content(table)


def test_a_tables_percentage_reads_alike_wherever_the_site_prints_it() -> None:
    # The guides printed family medicine's fill rate as 85.0%, the data page
    # as 85%: one figure, two spellings (one decimal, as NRMP prints it).
    import macros
    from calculators.match_odds import _rate

    whole = next(o for o in data.charting_outcomes().values() if o.img_match_rate_pct == int(o.img_match_rate_pct))
    rate = f"{whole.img_match_rate_pct:.1f}%"
    assert f">{rate}<" in macros.outcomes_table()
    assert macros.charting(whole.specialty).img_match_rate_pct == rate == _rate(whole.img_match_rate_pct / 100)
    filled = next(r for r in data.pgy1_results().values() if r.fill_rate_pct == int(r.fill_rate_pct))
    fill = f"{filled.fill_rate_pct:.1f}%"
    assert f">{fill}<" in macros.pgy1_table()
    assert macros.results(filled.specialty).fill_rate_pct == fill
