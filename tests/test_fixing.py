"""Suggested fixes on real reports: ``--fix``, ``--diff``, ``--show-fixes``, and the fix fields of JSON and SARIF.

Every test works on copies of the shared corpus (or the repository's examples and the
document fixtures made from the corpus) in ``tmp_path``, through the in-process CLI. A
fix must change exactly the characters its finding names, leave the finding gone when
the text is linted again, change nothing on a second run, keep the file's encoding and
line endings, and never touch a document.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reportlint.diagnostics import Diagnostic, Finding, Fix, Severity, TextEdit
from reportlint.fixing import apply, choose, decode_file, fix_text
from reportlint.rule_guard import describe_result
from tests.conftest import EXAMPLES, FIXABLE_RE, FIXTURES, findings, run, total_of

SEED_TITLE = ("印发《2020年宜春政府公开工作要点》的通知", "印发〈2020年宜春政府公开工作要点〉的通知")
"""The seed's nested title (line 3) before and after its T001 fix."""


def _seed(shared_dir: Path) -> Path:
    (seed,) = (shared_dir / "seeds").glob("*.txt")
    return seed


def _json(*args: str, cwd: Path) -> list[dict[str, Any]]:
    """The JSON records of a run in this process (``-j 1``: the ``--fix`` runs here are the ones
    that go through ``-j`` workers, whose fixes must survive the way back)."""
    result = run("--isolated", "--format", "json", "-j", "1", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def _changes(before: str, after: str) -> set[tuple[str, str]]:
    """The (old, new) characters of two texts of the same length, where they differ."""
    assert len(before) == len(after)
    return {(old, new) for old, new in zip(before, after, strict=True) if old != new}


# -- --fix on the seed -----------------------------------------------------------------
def test_fix_rewrites_the_seeds_nested_title_and_a_second_run_changes_nothing(tmp_path: Path, shared_dir: Path) -> None:
    seed = _seed(shared_dir)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    before = report.read_text(encoding="utf-8")
    assert SEED_TITLE[0] in before

    fixed = run("--isolated", "--fix", report.name, cwd=tmp_path)
    after = report.read_text(encoding="utf-8")
    assert after == before.replace(*SEED_TITLE)
    assert fixed.stderr.splitlines() == [
        f"reportlint: {report.name}：已修复 1 处",
        "reportlint: 共修复 1 处（1 个文件）",
    ]
    # What --fix prints is what remains: the findings of the fixed file, with its exit status.
    again = run("--isolated", report.name, cwd=tmp_path)
    assert findings(fixed.stdout) == findings(again.stdout) and fixed.returncode == again.returncode
    assert not [r for r in _json(report.name, cwd=tmp_path) if r["code"] == "T001"]
    assert not FIXABLE_RE.search(fixed.stdout)

    data = report.read_bytes()
    second = run("--isolated", "--fix", report.name, cwd=tmp_path)
    assert report.read_bytes() == data
    assert second.stderr.splitlines() == ["reportlint: 共修复 0 处（0 个文件）"]


def test_fix_keeps_encoding_line_endings_and_invisible_characters(tmp_path: Path, shared_dir: Path) -> None:
    """The seed as GB18030 with CRLF, UTF-8 with BOM and CR, UTF-16 with BOM; a joiner pasted before the title."""
    text = _seed(shared_dir).read_text(encoding="utf-8").replace("关于印发《2020", "关于\u200d印发《2020")
    variants = {
        "gb18030.txt": (text.replace("\n", "\r\n"), "gb18030", b""),
        "bom.txt": (text.replace("\n", "\r"), "utf-8", b"\xef\xbb\xbf"),
        "utf16.txt": (text, "utf-16-le", b"\xff\xfe"),
    }
    for name, (content, encoding, bom) in variants.items():
        (tmp_path / name).write_bytes(bom + content.encode(encoding))
    result = run("--isolated", "--fix", *variants, cwd=tmp_path)
    assert "reportlint: 共修复 3 处（3 个文件）" in result.stderr.splitlines()
    for name, (content, encoding, bom) in variants.items():
        data = (tmp_path / name).read_bytes()
        assert data.startswith(bom), name
        assert data[len(bom) :].decode(encoding) == content.replace(*SEED_TITLE), name


def test_fix_loops_until_stable_on_titles_nested_three_deep() -> None:
    """Round one fixes the innermost title; the re-lint finds the middle one fixable; round two fixes it."""
    from reportlint.app import RunOptions, Session

    session = Session.open(RunOptions(isolated=True, select=("T001",)))
    text = "关于转发《关于转发《关于印发《名录》的通知》的通知》的说明。\n"

    def lint(current: str) -> tuple[Diagnostic, ...]:
        return session.lint_text(current, path="draft.txt").diagnostics

    first = lint(text)
    assert [d.fix is not None for d in first] == [False, True]  # the middle 《 holds another 《: no fix yet
    outcome = fix_text(text, lint)
    assert outcome.text == "关于转发《关于转发〈关于印发〈名录〉的通知〉的通知》的说明。\n"
    assert outcome.fixed == 2 and outcome.remaining == () and outcome.stable


def test_only_certain_marks_are_fixed_and_a_bare_ascii_title_is_unsafe() -> None:
    from reportlint.app import RunOptions, Session

    session = Session.open(RunOptions(isolated=True, select=("T001",)))
    unclosed, bare = session.lint_text("依据《关于印发《名录》的通知执行。\n根据<名录>执行。\n").diagnostics
    assert unclosed.fix is None  # the outer title never closes: which marks are inner is not certain
    assert bare.fix is not None and not bare.fix.safe
    assert [edit.replacement for edit in bare.fix.edits] == ["《", "》"]


# -- the real corpus -----------------------------------------------------------------------
def test_fix_on_the_real_reports_changes_only_the_marks_it_names(tmp_path: Path, shared_dir: Path) -> None:
    reports = sorted((shared_dir / "corpus" / "real").glob("*.txt"))
    for report in reports:
        shutil.copy(report, tmp_path)
    fixable = {r["path"] for r in _json(".", cwd=tmp_path) if r["fix"] and r["fix"]["safe"]}
    assert fixable == {
        "./2019_shanghai-municipal-office.txt",
        "./2020_pingtan-zone.txt",
        "./2022_pingtan-zone.txt",
        "./2024_pingtan-police.txt",
    }
    result = run("--isolated", "--fix", ".", cwd=tmp_path)
    assert "reportlint: 共修复 4 处（4 个文件）" in result.stderr.splitlines()
    for report in reports:
        after = (tmp_path / report.name).read_text(encoding="utf-8")
        changes = _changes(report.read_text(encoding="utf-8"), after)
        assert changes == ({("<", "〈"), (">", "〉")} if f"./{report.name}" in fixable else set()), report.name
    assert not [r for r in _json(".", cwd=tmp_path) if r["code"] == "T001"]
    data = {report.name: (tmp_path / report.name).read_bytes() for report in reports}
    run("--isolated", "--fix", "-j", "1", ".", cwd=tmp_path)
    assert {report.name: (tmp_path / report.name).read_bytes() for report in reports} == data


def test_halfwidth_punctuation_is_fixed_where_the_mark_is_certain(tmp_path: Path, shared_dir: Path) -> None:
    """T004 (off by default) on the real reports: every mark turns full-width, except the ones the sense decides."""
    for report in (shared_dir / "corpus" / "real").glob("*.txt"):
        shutil.copy(report, tmp_path)
    before = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    result = run("--isolated", "--select", "T004", "--fix", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    full = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
    changed = 0
    for name, text in before.items():
        changes = _changes(text, (tmp_path / name).read_text(encoding="utf-8"))
        assert changes <= set(full.items()), name
        changed += bool(changes)
    assert changed >= 6
    left = _json("--select", "T004", ".", cwd=tmp_path)
    assert all(r["fix"] is None for r in left)  # what remains needs a person: "应为全角“；”" after a clause
    assert all("；" in r["message"] for r in left)


# -- unsafe fixes, --diff, documents -------------------------------------------------------
def test_a_single_cell_diagnosis_is_an_unsafe_fix(tmp_path: Path) -> None:
    town = tmp_path / "2020-qinghe-town.txt"
    shutil.copy(EXAMPLES / town.name, town)
    (cell,) = [r for r in _json(town.name, cwd=tmp_path) if r["code"] == "A001" and r["fix"]]
    assert cell["fix"] == {
        "title": "改为5（须核对原始台账）",
        "edits": [{"line": 339, "column": 2, "end_line": 339, "end_column": 3, "replacement": "5"}],
        "safe": False,
    }
    safe_only = run("--isolated", "--fix", town.name, cwd=tmp_path)
    assert town.read_text(encoding="utf-8").splitlines()[338] == "\t6"
    assert (
        safe_only.stdout.splitlines()[-1] == "没有可自动修复的问题（另有 1 个需确认的修复，可加 --unsafe-fixes 启用）。"
    )
    counted = run("--isolated", "--unsafe-fixes", town.name, cwd=tmp_path).stdout.splitlines()[-1]
    assert counted == "[*] 其中 1 个可用 --fix --unsafe-fixes 自动修复。"
    run("--isolated", "--fix", "--unsafe-fixes", town.name, cwd=tmp_path)
    assert town.read_text(encoding="utf-8").splitlines()[338] == "\t5"
    assert not [r for r in _json(town.name, cwd=tmp_path) if r["code"] == "A001" and r["line"] == 339]


def test_diff_prints_the_change_and_writes_nothing(tmp_path: Path) -> None:
    bureau = tmp_path / "2023-water-bureau.txt"
    shutil.copy(EXAMPLES / bureau.name, bureau)
    data = bureau.read_bytes()
    result = run("--isolated", "--diff", bureau.name, cwd=tmp_path)
    assert bureau.read_bytes() == data
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {bureau.name}", f"+++ {bureau.name}"]
    removed = [line[1:] for line in lines[2:] if line.startswith("-")]
    added = [line[1:] for line in lines[2:] if line.startswith("+")]
    assert len(removed) == len(added) == 1 and "桐政办发[2023]12号" in removed[0]
    assert added[0] == removed[0].replace("桐政办发[2023]12号", "桐政办发〔2023〕12号")
    assert result.stderr.splitlines() == [
        f"reportlint: {bureau.name}：可修复 1 处",
        "reportlint: 共可修复 1 处（1 个文件）",
    ]
    run("--isolated", "--fix", bureau.name, cwd=tmp_path)
    clean = run("--isolated", "--diff", bureau.name, cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_documents_are_never_rewritten_but_their_fixes_are_reported(tmp_path: Path) -> None:
    names = [f"000_a487699205d89632.{suffix}" for suffix in ("docx", "html", "pdf")]
    for name in names:
        shutil.copy(FIXTURES / "documents" / name, tmp_path)
    data = {name: (tmp_path / name).read_bytes() for name in names}
    records = [r for r in _json(*names, cwd=tmp_path) if r["code"] == "T001"]
    assert sorted(r["path"] for r in records) == names
    assert all(r["fix"]["safe"] and r["origin"] for r in records)
    result = run("--isolated", "--fix", *names, cwd=tmp_path)
    assert {name: (tmp_path / name).read_bytes() for name in names} == data
    for name in names:
        assert (
            f"reportlint: {name}：只修改 .txt 文件，本文件未修改（有 1 处建议修复，见 --show-fixes）" in result.stderr
        )
    assert not FIXABLE_RE.search(run("--isolated", *names, cwd=tmp_path).stdout)  # nothing --fix can do here


# -- output ------------------------------------------------------------------------------
def test_show_fixes_adds_the_fix_after_its_finding_and_nothing_else(tmp_path: Path, shared_dir: Path) -> None:
    seed = _seed(shared_dir)
    plain = run("--isolated", str(seed)).stdout
    shown = run("--isolated", "--show-fixes", str(seed)).stdout.splitlines()
    index = next(i for i, line in enumerate(shown) if " T001 " in line)
    assert shown[index + 1] == "  [*] 可自动修复：内层书名号改为单书名号〈〉"
    assert shown[index + 2].startswith("    3 - ") and "印发《2020年宜春政府公开工作要点》的通知》" in shown[index + 2]
    assert shown[index + 3] == shown[index + 2].replace(" - ", " + ", 1).replace(*SEED_TITLE)
    assert shown[: index + 1] + shown[index + 4 :] == plain.splitlines()
    assert total_of(plain) and plain.splitlines()[-1] == "[*] 其中 1 个可用 --fix 自动修复。"


def _sarif_shape(result: dict[str, Any]) -> list[tuple[int, int, int, int, str]]:
    """The replacements of a SARIF result's fixes, after checking the shape SARIF 2.1.0 requires (§3.55–3.57)."""
    found = []
    (location,) = result["locations"]
    for fix in result["fixes"]:
        assert set(fix) <= {"description", "artifactChanges", "properties"} and fix["description"]["text"]
        assert isinstance(fix["properties"]["safe"], bool)
        (change,) = fix["artifactChanges"]
        assert set(change) == {"artifactLocation", "replacements"}
        assert change["artifactLocation"] == location["physicalLocation"]["artifactLocation"]
        assert change["replacements"], "minItems 1"
        for replacement in change["replacements"]:
            region = replacement["deletedRegion"]
            assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
            assert all(isinstance(value, int) and value >= 1 for value in region.values())
            assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
            found.append((*region.values(), replacement["insertedContent"]["text"]))
    return found


def test_json_and_sarif_carry_the_fix_and_sarif_replacements_give_the_fixed_text(
    tmp_path: Path, shared_dir: Path
) -> None:
    seed = _seed(shared_dir)
    shutil.copy(seed, tmp_path)
    shutil.copy(FIXTURES / "documents" / "000_a487699205d89632.docx", tmp_path)
    records = _json(seed.name, cwd=tmp_path)
    (nested,) = [r for r in records if r["fix"]]
    assert nested["code"] == "T001" and nested["fix"]["title"] == "内层书名号改为单书名号〈〉"
    assert [(e["line"], e["replacement"]) for e in nested["fix"]["edits"]] == [(3, "〈"), (3, "〉")]

    log = json.loads(
        run("--isolated", "--format", "sarif", seed.name, "000_a487699205d89632.docx", cwd=tmp_path).stdout
    )
    assert log["version"] == "2.1.0" and log["runs"][0]["columnKind"] == "unicodeCodePoints"
    results = log["runs"][0]["results"]
    with_fixes = [r for r in results if "fixes" in r]
    (text_result,) = with_fixes  # the .docx finding's fix is in extracted-text positions: not offered to SARIF viewers
    assert text_result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == seed.name
    lines = (tmp_path / seed.name).read_text(encoding="utf-8").split("\n")
    edits = [TextEdit(*region) for region in _sarif_shape(text_result)]
    fixed, applied = apply("\n".join(lines), [Fix("sarif", tuple(edits))])
    assert applied == 1 and fixed == "\n".join(lines).replace(*SEED_TITLE)


# -- the parts -------------------------------------------------------------------------------
def test_overlapping_fixes_wait_for_the_next_round() -> None:
    def finding(column: int, end: int, text: str) -> Diagnostic:
        fix = Fix(text, (TextEdit(1, column, 1, end, text),))
        return Diagnostic("a.txt", 1, column, "T001", "x", Severity.WARNING, "…", fix=fix)

    wide, inner, apart = finding(1, 5, "甲"), finding(3, 4, "乙"), finding(6, 7, "丙")
    unsafe = Diagnostic(
        "a.txt", 1, 8, "A001", "x", Severity.ERROR, "…", fix=Fix("丁", (TextEdit(1, 8, 1, 9, "丁"),), False)
    )
    assert choose([inner, wide, apart, unsafe]) == [wide.fix, apart.fix]
    assert choose([inner, wide, apart, unsafe], unsafe=True) == [wide.fix, apart.fix, unsafe.fix]
    assert apply("abcdefghi\n", choose([inner, wide, apart]))[0] == "甲e丙ghi\n"


@pytest.mark.parametrize("data", [b"\xe6\x8a\xa5\xe5", b"\x00\x01\xff"])
def test_a_file_that_would_not_survive_rewriting_is_refused(data: bytes) -> None:
    from reportlint.fixing import UnwritableEncodingError

    with pytest.raises(UnwritableEncodingError):
        decode_file(data)


def test_a_rule_yielding_a_malformed_fix_is_caught() -> None:
    assert describe_result(Finding("m", 1, fix="改为〈〉")) == "Finding 的 fix 应为 Fix 或 None，而不是 str"  # type: ignore[arg-type]
    backwards = Fix("x", (TextEdit(2, 1, 1, 1, ""),))
    assert describe_result(Finding("m", 1, fix=backwards)) == "Finding 的 fix.edits 的结束位置在开始位置之前"
    assert describe_result(Finding("m", 1, fix=Fix("x", (TextEdit(1, 1, 1, 2, "〈"),)))) is None


def test_standard_input_is_never_rewritten(shared_dir: Path) -> None:
    data = _seed(shared_dir).read_bytes()
    result = run("--isolated", "--fix", "--stdin-filename", "draft.txt", "-", stdin=data)
    assert "reportlint: draft.txt：标准输入不会被改写（有 1 处建议修复，见 --show-fixes）" in result.stderr.splitlines()
    assert "reportlint: 共修复 0 处（0 个文件）" in result.stderr.splitlines()
    assert " T001 " in result.stdout  # the finding is still there: nothing was fixed


def test_diff_keeps_crlf_and_escapes_what_a_terminal_would_obey(tmp_path: Path, shared_dir: Path) -> None:
    text = _seed(shared_dir).read_text(encoding="utf-8").replace("的通知》（宜府办字", "的通知》\x1b[2J（宜府办字", 1)
    (tmp_path / "seed.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    out = run("--isolated", "--diff", "seed.txt", cwd=tmp_path).stdout
    removed = [line for line in out.split("\n") if line.startswith("-") and not line.startswith("---")]
    assert len(removed) == 1 and removed[0].endswith("\r") and "\\x1b[2J" in removed[0] and "\x1b" not in out
