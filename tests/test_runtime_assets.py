"""The build hook's pieces: the Pyodide pin, the versioned runtime, the
hashed wheel and trimmed standard library, and the worker's build manifest."""

from __future__ import annotations

import ast
import hashlib
import io
import json
import lzma
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from calculators import browser
from macros import offline_engine, runtime_assets

ROOT = Path(__file__).resolve().parent.parent


def test_pyodide_is_pinned_exactly_and_installed_at_that_version() -> None:
    wanted = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]["version"]
    assert wanted == locked and wanted[0].isdigit(), "pin an exact version"
    assert runtime_assets.pyodide_version() == wanted
    assert runtime_assets.runtime_dir().name == f"pyodide-{wanted}"


def test_wheel_is_pure_python_and_carries_the_figures(tmp_path: Path) -> None:
    wheel = runtime_assets.build_wheel(tmp_path)
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "calculators/figures/charting_outcomes_2026_non_us_img.tsv" in names
    assert "calculators/browser.py" in names


def test_manifest_names_files_by_content_and_hashes_the_wheel(tmp_path: Path) -> None:
    manifest = runtime_assets.build_manifest(tmp_path, tmp_path / "scratch")
    wheel = (tmp_path / manifest["wheel"]).read_bytes()
    assert manifest["wheelSha256"] == hashlib.sha256(wheel).hexdigest()
    assert manifest["wheel"] == f"calculators-{manifest['wheelSha256'][:16]}.whl"
    stdlib = (tmp_path / manifest["stdlib"]).read_bytes()
    assert manifest["stdlib"] == f"python_stdlib-{hashlib.sha256(stdlib).hexdigest()[:16]}.zip"
    assert manifest["lock"]["packages"] == {} and manifest["lock"]["info"]["python"].startswith("3.")
    # The same sources give the same bytes, so caches keep their copies.
    (tmp_path / "again").mkdir()
    again = runtime_assets.build_manifest(tmp_path / "again", tmp_path / "scratch2")
    assert again["stdlib"] == manifest["stdlib"]


def test_trimmed_stdlib_holds_the_listed_modules_and_is_much_smaller() -> None:
    full = runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip"
    trimmed = zipfile.ZipFile(io.BytesIO(runtime_assets.trim_stdlib(full, runtime_assets.stdlib_modules())))
    names = set(trimmed.namelist())
    assert {"json/__init__.py", "csv.py", "encodings/utf_8.py", "_pyodide/__init__.py"} <= names
    assert "encodings/cp1252.py" not in names and "unittest/__init__.py" not in names and "fractions.py" not in names
    assert sum(i.compress_size for i in trimmed.infolist()) < full.stat().st_size / 2


def test_unknown_module_in_the_list_fails_the_build() -> None:
    with pytest.raises(FileNotFoundError, match="no_such_module"):
        runtime_assets.trim_stdlib(runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip", ["json", "no_such_module"])


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module)
    return names


def test_every_stdlib_module_the_calculators_import_is_shipped() -> None:
    """A calculator that starts importing a new standard-library module must
    add it to macros/stdlib_modules.txt, or it fails in the browser only."""
    full = set(zipfile.ZipFile(runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip").namelist())
    shipped = set(runtime_assets.stdlib_modules())
    missing = set()
    # The command line (__main__.py) never runs in the browser.
    for source in set((ROOT / "calculators").rglob("*.py")) - {ROOT / "calculators" / "__main__.py"}:
        for module in imported_modules(source):
            path = module.replace(".", "/")
            in_zip = f"{path}.py" in full or f"{path}/__init__.py" in full
            if in_zip and module not in shipped and module.split(".")[0] not in sys.builtin_module_names:
                missing.add(f"{module} (imported by {source.relative_to(ROOT)})")
    assert not missing, f"add to macros/stdlib_modules.txt: {sorted(missing)}"


def test_the_bridge_and_every_calculator_run_without_the_build_only_modules() -> None:
    """The browser's wheel leaves them out (runtime_assets.BUILD_ONLY_MODULES)."""
    modules = [name.removesuffix(".py").replace("/", ".") for name in runtime_assets.BUILD_ONLY_MODULES]
    check = f"{runtime_assets.SNAPSHOT_EXERCISE}\nimport sys\nprint(sorted(set({modules!r}) & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", f"the browser imports {run.stdout.strip()}: it must not be left out of its wheel"
    assert all((ROOT / name).is_file() for name in runtime_assets.BUILD_ONLY_MODULES)


def test_no_module_the_browser_installs_imports_a_build_only_one() -> None:
    """Every import, not only those the default inputs reach: one in a
    season's branch would fail in the browser only (diff review s42, 9)."""
    left_out = {name.removesuffix(".py").split("/")[-1] for name in runtime_assets.BUILD_ONLY_MODULES}
    found = []
    for source in sorted((ROOT / "calculators").glob("*.py")):
        if f"calculators/{source.name}" in runtime_assets.BUILD_ONLY_MODULES:
            continue
        for node in ast.walk(ast.parse(source.read_text())):
            named: set[str] = set()
            if isinstance(node, ast.ImportFrom):
                module = (node.module or "").split(".")[-1]
                named = {module} if module in left_out else {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                named = {alias.name.split(".")[-1] for alias in node.names}
            found += [f"{source.name}: {name}" for name in named & left_out]
    assert not found, f"imports a module the browser's wheel leaves out: {found}"


def test_manifest_marker_is_filled_once(tmp_path: Path) -> None:
    script = tmp_path / "w.js"
    script.write_text(f"const BUILD = {runtime_assets.MANIFEST_MARKER};\n")
    runtime_assets.fill_manifest(script, {"wheel": "x.whl"})
    assert script.read_text() == 'const BUILD = {"wheel":"x.whl"};\n'
    with pytest.raises(ValueError, match="exactly once"):
        runtime_assets.fill_manifest(script, {})
    for built in (runtime_assets.WORKER, runtime_assets.PAGE_SCRIPT):
        assert (ROOT / "docs" / built).read_text().count(runtime_assets.MANIFEST_MARKER) == 1
    assert (ROOT / "docs" / runtime_assets.ENGINE_CHECK_SCRIPT).read_text().count(runtime_assets.ENGINE_CHECK_MARKER) == 1


def test_preload_hints_are_relative_to_the_page() -> None:
    hints = runtime_assets.preload_hints("calculators/competitiveness/")
    assert f'href: "../../{runtime_assets.runtime_dir().as_posix()}/pyodide.asm.wasm.xz"' in hints
    # It reads the note calculators.js leaves when it keeps the wasm, by the
    # same key and address, and the offline copy can find it to drop it.
    assert f'"../../{runtime_assets.runtime_dir().as_posix()}/pyodide.asm.wasm", document.baseURI' in hints
    source = (ROOT / "docs" / "assets" / "javascripts" / "calculators.js").read_text()
    assert f'const RUNTIME_KEPT_KEY = "{runtime_assets.RUNTIME_KEPT_KEY}";' in source
    assert 'new URL("pyodide.asm.wasm", RUNTIME_FOLDER)' in source
    assert "const RUNTIME_FOLDER = new URL(BUILD.runtimeDir, import.meta.url);" in source
    assert offline_engine.RUNTIME_PRELOAD.fullmatch(hints)
    page = type("Page", (), {"url": "assess/need-a-backup/"})()
    guide = "<html><head></head><body>no calculator</body></html>"
    assert runtime_assets.on_post_page(guide, page) == guide
    # Before the stylesheets, which an inline script below them waits for.
    calculator = (
        f'<head><meta charset="utf-8"><link rel="stylesheet" href="a.css"></head><body>{runtime_assets.CALCULATOR_MARKUP}'
    )
    built = runtime_assets.on_post_page(calculator, page)
    assert built.index("data-runtime-preload") < built.index("stylesheet")


def test_missing_runtime_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime_assets, "PYODIDE_PACKAGE", tmp_path / "absent")
    with pytest.raises(FileNotFoundError, match="npm ci"):
        runtime_assets.copy_runtime(tmp_path / "out")


def test_runtime_ships_bytecode_and_a_snapshot_named_by_what_it_was_made_from(tmp_path: Path) -> None:
    manifest = runtime_assets.build_manifest(tmp_path, tmp_path / "scratch")
    stdlib = zipfile.ZipFile(tmp_path / manifest["stdlib"]).namelist()
    wheel = zipfile.ZipFile(tmp_path / manifest["wheel"]).namelist()
    assert "json/__init__.pyc" in stdlib and not [name for name in stdlib if name.endswith(".py")]
    assert "calculators/browser.pyc" in wheel and not [name for name in wheel if name.endswith(".py")]
    assert "calculators/figures/charting_outcomes_2026_non_us_img.tsv" in wheel
    # Only what the browser runs: no module only the build imports, no docstrings.
    assert not {f"{module}c" for module in runtime_assets.BUILD_ONLY_MODULES} & set(wheel)
    wheel_bytes = (tmp_path / manifest["wheel"]).read_bytes()
    assert str(browser.compute.__doc__).splitlines()[0].encode() not in wheel_bytes
    assert browser.UNEXPECTED_ERROR.encode() in wheel_bytes
    assert manifest["snapshot"].startswith("snapshot-") and manifest["snapshot"].endswith(".bin.xz")
    # xz, whose dictionary is no larger than the snapshot needs (the browser's
    # decoder allocates it), decoding to the bytes the worker checks.
    snapshot = lzma.LZMADecompressor(memlimit=40 << 20).decompress((tmp_path / manifest["snapshot"]).read_bytes())
    assert hashlib.sha256(snapshot).hexdigest() == manifest["snapshotSha256"]
    written = {p.name for p in tmp_path.iterdir() if p.is_file()}
    compressed = {f"{name}.zst" for name in manifest["zstd"]} | {manifest["wasmDownload"]}
    assert {*manifest["embedded"], *compressed, manifest["snapshot"]} == written | set(runtime_assets.RUNTIME_FILES)


def test_hosted_pages_download_compressed_copies_and_the_offline_copy_plain_files(tmp_path: Path) -> None:
    manifest = runtime_assets.build_manifest(tmp_path, tmp_path / "scratch")
    assert sorted(manifest["zstd"]) == sorted(["pyodide.asm.mjs", manifest["stdlib"], manifest["wheel"]])
    zstd_magic = b"\x28\xb5\x2f\xfd"
    sizes = 0
    for name in manifest["zstd"]:
        data = (tmp_path / f"{name}.zst").read_bytes()
        assert data.startswith(zstd_magic), name
        sizes += len(data)
    # The wasm in xz: exactly the npm package's file, its whole length in
    # one dictionary no larger than it needs (the browser allocates it).
    assert manifest["wasmDownload"] == "pyodide.asm.wasm.xz"
    wasm_xz = (tmp_path / manifest["wasmDownload"]).read_bytes()
    plain = (runtime_assets.PYODIDE_PACKAGE / "pyodide.asm.wasm").read_bytes()
    # (xz -9e's 64 MiB dictionary would exceed this limit.)
    assert lzma.LZMADecompressor(memlimit=int(1.5 * len(plain)) + (1 << 20)).decompress(wasm_xz) == plain
    assert manifest["bytes"] == sizes + len(wasm_xz)
    assert manifest["wasmDownloadBytes"] == len(wasm_xz)
    runtime_assets.copy_runtime(tmp_path)
    for decoder in (manifest["zstdDecoder"], manifest["xzDecoder"]):
        assert (tmp_path / decoder).is_file(), decoder
    # The zips are stored, so the zstd copy compresses across files.
    assert {info.compress_type for info in zipfile.ZipFile(tmp_path / manifest["stdlib"]).infolist()} == {zipfile.ZIP_STORED}
    hosted = set(manifest["hosted"])
    assert {f"{manifest['stdlib']}.zst", f"{manifest['wheel']}.zst", manifest["zstdDecoder"], "pyodide.asm.wasm"} <= hosted
    # The kept wasm is served offline, so its xz file and decoder are not.
    assert manifest["wasmDownload"] not in hosted and manifest["xzDecoder"] not in hosted
    # The page keeps it, decoded: the service worker never downloads the plain file.
    assert manifest["keptByPage"] == ["pyodide.asm.wasm"]
    assert "pyodide.asm.mjs.zst" in hosted and "pyodide.asm.mjs" not in hosted  # imported decoded, never fetched plain
    assert manifest["stdlib"] not in hosted and manifest["wheel"] not in hosted and manifest["snapshot"] not in hosted
    assert manifest["embedded"] == [*runtime_assets.RUNTIME_FILES, manifest["stdlib"], manifest["wheel"]]


def test_node_runs_only_when_its_inputs_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = runtime_assets.build_manifest(tmp_path, tmp_path / "scratch")

    def no_node(*_: object, **__: object) -> None:
        raise AssertionError("Node ran again for the same inputs")

    monkeypatch.setattr(runtime_assets.subprocess, "run", no_node)
    (tmp_path / "again").mkdir()
    again = runtime_assets.build_manifest(tmp_path / "again", tmp_path / "scratch2")
    assert again["snapshot"] == first["snapshot"] and again["wheel"] == first["wheel"]
    with pytest.raises(AssertionError, match="Node ran again"):
        runtime_assets.compiled_in_pyodide(b"another stdlib", a_wheel(text="another = 1\n"))


def test_build_cache_keeps_the_most_recently_used_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime_assets, "BUILD_CACHE", tmp_path)
    for age, name in enumerate(["newest", "second", "third", "fourth", "fifth", "oldest"]):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1e9 - age * 60, 1e9 - age * 60))
    (tmp_path / "work-running").mkdir()
    os.utime(tmp_path / "work-running", (1, 1))  # another build, still writing
    runtime_assets.prune_build_cache()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fourth", "newest", "second", "third", "work-running"]


def a_wheel(date: tuple[int, int, int, int, int, int] = (2020, 1, 1, 0, 0, 0), text: str = "REGISTRY = {}\n") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as wheel:
        wheel.writestr(zipfile.ZipInfo("calculators/__init__.py", date_time=date), text)
    return out.getvalue()


A_WHEEL = a_wheel()


def test_the_build_cache_is_keyed_by_the_wheels_files_not_their_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh clone's files carry new dates, which the source wheel stores:
    # each clone paid a full Node run for the same output (reproducible audit s30, 3).
    monkeypatch.setattr(runtime_assets, "BUILD_CACHE", tmp_path)
    later = a_wheel((2026, 12, 4, 14, 0, 0))
    assert later != A_WHEEL
    assert runtime_assets.build_cache_entry(b"stdlib", later) == runtime_assets.build_cache_entry(b"stdlib", A_WHEEL)
    changed = a_wheel(text="REGISTRY = {'new': 1}\n")
    assert runtime_assets.build_cache_entry(b"stdlib", changed) != runtime_assets.build_cache_entry(b"stdlib", A_WHEEL)


def test_a_build_cache_entry_another_build_finished_first_is_kept_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two test workers build at once.  Node's files went into the entry one
    # by one, over the first build's, while that build read them back: a
    # snapshot from one run could meet the other run's checksum.
    monkeypatch.setattr(runtime_assets, "BUILD_CACHE", tmp_path)
    out = runtime_assets.build_cache_entry(b"stdlib", A_WHEEL)

    def node_finishing_second(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        out.mkdir()
        for name in runtime_assets.NODE_OUTPUTS.values():
            (out / name).write_bytes(b"first build")
        work = Path(json.loads(Path(command[-1]).read_text())["out"])
        for name in runtime_assets.NODE_OUTPUTS.values():
            (work / name).write_bytes(b"second build")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(runtime_assets.subprocess, "run", node_finishing_second)
    compiled = runtime_assets.compiled_in_pyodide(b"stdlib", A_WHEEL)
    assert set(compiled.values()) == {b"first build"}
    assert {path.read_bytes() for path in out.iterdir()} == {b"first build"}
    assert [path.name for path in tmp_path.iterdir()] == [out.name]  # the second build's copy is gone


def test_a_partial_build_cache_entry_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime_assets, "BUILD_CACHE", tmp_path)
    out = runtime_assets.build_cache_entry(b"stdlib", A_WHEEL)
    out.mkdir()
    (out / "stdlib.zip").write_bytes(b"left by an interrupted build")

    def node(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        work = Path(json.loads(Path(command[-1]).read_text())["out"])
        for name in runtime_assets.NODE_OUTPUTS.values():
            (work / name).write_bytes(b"whole")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(runtime_assets.subprocess, "run", node)
    assert set(runtime_assets.compiled_in_pyodide(b"stdlib", A_WHEEL).values()) == {b"whole"}


def test_every_calculator_names_the_build_of_the_script_that_drives_it(built_site: Path) -> None:
    # The page script runs no calculator of another build (upgrade audit s30, 1),
    # so the pages and the manifest must agree, and name what the engine is made of.
    build = offline_engine.built_manifest(built_site)["build"]
    assert build == runtime_assets.engine_build_id()
    pages = [path for path in built_site.rglob("*.html") if runtime_assets.CALCULATOR_MARKUP in path.read_text()]
    assert len(pages) >= 8
    for path in pages:
        stamps = set(re.findall(r'class="mpb-calculator" data-build="([^"]*)"', path.read_text()))
        assert stamps == {build}, path


def test_the_same_sources_make_the_same_snapshot(tmp_path: Path) -> None:
    # Two builds of one commit differed in 41 of the snapshot's 7,680 blocks
    # (random state, clock readings), so the snapshot a deploy made was never
    # the one its tests had run.  Both made afresh, each from a wheel of its
    # own: a cached one may be of another day, which the snapshot's clock
    # keeps.  Without the compressed copies, which took three quarters of
    # each run (and 210 s of a busy `make test`).
    stdlib = runtime_assets.trim_stdlib(runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip", runtime_assets.stdlib_modules())
    made = []
    for build in ("first", "second"):
        work = tmp_path / build
        wheel = runtime_assets.browser_wheel(runtime_assets.build_wheel(work / "wheel").read_bytes())
        runtime_assets.run_pyodide_build(work, stdlib, wheel, compress=False)
        assert not list(work.glob("*.xz")) and not list(work.glob("*.zst"))
        made.append((work / "snapshot.sha256").read_text())
    assert len(made[0]) == 64 and made[0] == made[1]


# --- The hosted site's own scripts, minified (issue 10's bytes goal) ---------------------------------------------------
def test_hold_out_manifest_takes_the_statement_whole_and_leaves_the_rest() -> None:
    from macros import minified_scripts

    text = 'import { a } from "./a.js";\nconst BUILD = {"wheel":"w.whl","zstd":["x"]};\nconst other = BUILD.wheel;\n'
    rest, statement = minified_scripts.hold_out_manifest(text, offline_engine.MANIFEST_LINE)
    assert statement == 'const BUILD = {"wheel":"w.whl","zstd":["x"]};'
    assert rest == 'import { a } from "./a.js";\n\nconst other = BUILD.wheel;\n'
    assert minified_scripts.hold_out_manifest("const x = 1;\n", offline_engine.MANIFEST_LINE) == ("const x = 1;\n", "")


def test_the_hosted_scripts_are_minified_and_keep_their_build_manifest(built_site: Path, tmp_path: Path) -> None:
    from macros import minified_scripts

    built = built_site / minified_scripts.BUILT
    names = minified_scripts.our_scripts()
    assert "calculators.js" in names and "offline-worker.js" not in names
    for name in names:
        source = (minified_scripts.SOURCES / name).read_text()
        shipped = (built / name).read_text()
        # Well under half the source, and still a script Node parses, as a
        # module where the page loads it as one.
        assert len(shipped) < len(source) / 2, name
        checked = tmp_path / (name.replace(".js", ".mjs") if name in minified_scripts.MODULES else name)
        checked.write_text(shipped)
        parsed = subprocess.run(["node", "--check", str(checked)], capture_output=True, text=True, check=False)
        assert parsed.returncode == 0, (name, parsed.stderr)
    # The manifest statement is back whole, first, where the build reads it,
    # and the page's and the worker's are the one manifest.
    manifests = []
    for name in ("calculators.js", "calculator-worker.js"):
        text = (built / name).read_text()
        assert text.startswith(offline_engine.MANIFEST_LINE + "{")
        manifests.append(json.JSONDecoder().raw_decode(text, len(offline_engine.MANIFEST_LINE))[0])
    assert manifests[0] == manifests[1] == offline_engine.built_manifest(built_site)
    assert manifests[0]["wheel"].endswith(".whl")
    # The service worker's own script is left as written: its lists are read by name.
    assert "const RUNTIME_FILES = [" in (built / "offline-worker.js").read_text()


def test_a_failing_node_script_fails_the_build_naming_its_tool(tmp_path: Path) -> None:
    """Workbox and Terser run through one helper; a script that fails must
    stop the build with the tool's name and Node's own words."""
    from macros import node_script

    script = tmp_path / "fails.mjs"
    script.write_text('process.stderr.write("no such file: sw.js"); process.exit(3);\n')
    with pytest.raises(RuntimeError, match=r"(?s)Workbox could not generate the service worker:\nno such file: sw\.js"):
        node_script.run_node_script(script, {}, "Workbox", "generate the service worker")
    echo = tmp_path / "echo.mjs"
    echo.write_text(
        'let text = ""; process.stdin.on("data", (c) => (text += c));\n'
        'process.stdin.on("end", () => console.log(JSON.stringify({ got: JSON.parse(text), dir: process.env.TMPDIR })));\n'
    )
    answer = node_script.run_node_script(echo, {"files": [1, 2]}, "Terser", "minify", env={"TMPDIR": "/scratch"})
    assert answer == {"got": {"files": [1, 2]}, "dir": "/scratch"}


def test_the_build_runs_node_scripts_only_through_that_helper() -> None:
    # Each hook had written out finding Node, sending the request and failing
    # the build; a hook that goes back to its own would lose the tool's name
    # in its failure (diff review s47, 14).
    from macros import minified_scripts, offline

    for module in (offline, minified_scripts):
        source = Path(str(module.__file__)).read_text()
        assert "import subprocess" not in source and 'which("node")' not in source, module.__name__
    assert "node_script.run_node_script" in Path(str(offline.__file__)).read_text()
