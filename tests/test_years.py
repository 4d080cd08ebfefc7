"""Cross-year checking: pairing by agency and year, --previous, -j, no cost without a pair, planted faults."""

from __future__ import annotations

import random
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from reportlint import crossyear
from reportlint.cli import main
from reportlint.crossyear import check_pair, check_pairs
from reportlint.engine import Linter
from reportlint.model import Report
from reportlint.model.pairing import agency_key, find_pairs, identify, same_agency
from reportlint.model.templates import T3_COLUMNS
from reportlint.plugins import collect_rules, create_manager
from reportlint.policy import Policy, Selection
from tests.conftest import FIXTURES, SHARED, report_from_text

REAL = SHARED / "corpus" / "real"
CONSECUTIVE = [
    ("2020_pingtan-zone.txt", "2019_pingtan-zone.txt"),
    ("2021_pingtan-zone.txt", "2020_pingtan-zone.txt"),
    ("2022_pingtan-zone.txt", "2021_pingtan-zone.txt"),
    ("2023_pingtan-zone.txt", "2022_pingtan-zone.txt"),
    ("2024_pingtan-zone.txt", "2023_pingtan-zone.txt"),
    ("2025_pingtan-zone.txt", "2024_pingtan-zone.txt"),
    ("2020_pingtan-finance-bureau.txt", "2019_pingtan-finance-bureau.txt"),
    ("2021_pingtan-finance-bureau.txt", "2020_pingtan-finance-bureau.txt"),
    ("2024_huaian-hongze-district.txt", "2023_huaian-hongze-district.txt"),
]
"""The consecutive years of one agency in the real corpus (SOURCES.md), later report first."""


@pytest.fixture(scope="module")
def linter() -> Linter:
    manager = create_manager()
    return Linter(manager, collect_rules(manager), Policy(Selection.of(select=("Y",))))


# -- pairing ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("洪泽区人民政府", "洪泽区", True),
        ("平潭综合实验区公安局", "福建省平潭综合实验区公安局", True),
        ("淮安市人民政府", "淮安市洪泽区人民政府", False),
        ("平潭综合实验区", "平潭综合实验区财政金融局", False),
        ("公安局", "平潭综合实验区公安局", False),
        ("平潭综合实验区财政金融局", "平潭综合实验区公安局", False),
    ],
)
def test_agency_names_are_normalised_before_they_are_compared(first: str, second: str, same: bool) -> None:
    assert same_agency(agency_key(first), agency_key(second)) is same
    assert same_agency(agency_key(second), agency_key(first)) is same


@pytest.mark.usefixtures("shared_dir")
def test_the_corpus_pairs_exactly_its_consecutive_years_of_one_agency() -> None:
    paths = sorted(REAL.glob("*.txt"))
    identities = [(path.name, identify(_report(path))) for path in paths]
    assert sorted(find_pairs(identities)) == sorted(CONSECUTIVE)


def test_file_names_do_not_pair_reports_their_content_does() -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    earlier = report_from_text(text.replace("桐溪县水利局2023年政府", "桐溪县水利局2022年政府"), "b.txt")
    later = report_from_text(text, "a.txt")
    other = report_from_text(text.replace("桐溪县水利局2023年政府", "桐溪县林业局2022年政府"), "2022.txt")
    identities = [(r.path, identify(r)) for r in (later, earlier, other)]
    assert find_pairs(identities) == [("a.txt", "b.txt")]


def test_agency_from_the_signature_and_year_from_the_period_when_the_title_lacks_them() -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    untitled = text.replace("桐溪县水利局2023年政府信息公开工作年度报告", "政府信息公开工作年度报告")
    untitled = untitled.replace("本报告根据", "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。本报告根据", 1)
    identity = identify(report_from_text(untitled))
    assert identity is not None
    assert (identity.agency, identity.year) == ("桐溪县水利局", 2023)


# -- running ----------------------------------------------------------------------
def _y_lines(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if ": Y0" in line)


@pytest.mark.usefixtures("shared_dir")
def test_parallel_run_prints_what_a_serial_run_prints(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--isolated", "-j", "1", str(REAL)])
    serial = capsys.readouterr().out
    main(["--isolated", "-j", "2", str(REAL)])
    parallel = capsys.readouterr().out
    assert parallel == serial
    assert len(_y_lines(serial)) >= 8  # problems copied together are one Y005 finding


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize(("current", "previous"), CONSECUTIVE, ids=[pair[0] for pair in CONSECUTIVE])
def test_previous_gives_the_findings_of_a_run_over_both_files(
    current: str, previous: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "both"
    folder.mkdir()
    for name in (current, previous):
        shutil.copy(REAL / name, folder / name)
    main(["--isolated", "--select", "Y", str(folder)])
    together = [line for line in _y_lines(capsys.readouterr().out) if line.startswith(str(folder / current))]
    # Last year's report in another encoding and under another name: read like any input.
    published = tmp_path / "published.txt"
    published.write_bytes((folder / previous).read_text(encoding="utf-8").encode("gb18030"))
    main(["--isolated", "--select", "Y", "--previous", str(published), str(folder / current)])
    alone = _y_lines(capsys.readouterr().out)
    assert alone == [line.replace(str(folder / previous), str(published)) for line in together]


def test_an_unreadable_previous_report_stops_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    draft = str(FIXTURES / "clean-2021.txt")
    assert main(["--isolated", "--previous", str(empty), draft]) == 2
    assert "--previous" in capsys.readouterr().err
    assert main(["--isolated", "--previous", str(tmp_path / "missing.txt"), draft]) == 2
    assert "无法读取" in capsys.readouterr().err
    assert main(["--isolated", "--previous", draft, draft]) == 0  # a file is not its own last year
    capsys.readouterr()


@pytest.mark.usefixtures("shared_dir")
def test_previous_must_be_the_earlier_report(capsys: pytest.CaptureFixture[str]) -> None:
    later, earlier = (str(REAL / name) for name in CONSECUTIVE[0])
    assert main(["--isolated", "--previous", later, earlier]) == 2
    assert "这是2020年的报告，不早于" in capsys.readouterr().err


def test_a_draft_on_standard_input_is_checked_against_previous(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import io
    import sys

    draft = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    last_year = tmp_path / "2022.txt"
    last_year.write_text(draft.replace("桐溪县水利局2023年政府", "桐溪县水利局2022年政府"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft.encode("utf-8"))))
    main(["--isolated", "--select", "Y001,Y004", "--previous", str(last_year), "-"])
    assert len(_y_lines(capsys.readouterr().out)) == 3  # tables 二, 三 and 四 equal to "last year's"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the pair phase reads (again), in order."""
    paths: list[str] = []
    original = crossyear._read

    def counting(linter: Linter, path: str, data: dict[str, bytes]) -> Report:
        paths.append(path)
        return original(linter, path, data)

    monkeypatch.setattr(crossyear, "_read", counting)
    return paths


@pytest.mark.usefixtures("shared_dir")
def test_without_a_pair_nothing_is_read_again(linter: Linter, reads: list[str]) -> None:
    alone = [linter.lint_file(str(REAL / "2024_huaian-city.txt"))]
    assert check_pairs(linter, alone) == alone
    unrelated = [linter.lint_file(str(REAL / name)) for name in ("2024_huaian-city.txt", "2023_pingtan-zone.txt")]
    assert check_pairs(linter, unrelated) == unrelated
    assert reads == []
    paired = [linter.lint_file(str(REAL / name)) for name in ("2022_pingtan-zone.txt", "2023_pingtan-zone.txt")]
    assert [d.code for d in check_pairs(linter, paired)[1].diagnostics] == ["Y002"]
    assert sorted(reads) == sorted(str(REAL / name) for name in ("2022_pingtan-zone.txt", "2023_pingtan-zone.txt"))


@pytest.mark.usefixtures("shared_dir")
def test_a_run_in_one_process_reads_no_file_twice(
    reads: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pair phase of a -j 1 run takes the reports its first phase checked, as many as are kept."""
    main(["--isolated", "-j", "1", str(REAL)])
    serial = capsys.readouterr().out
    assert reads == []
    assert len(_y_lines(serial)) >= 8
    # Only what fits is kept: with room for two reports, the pair phase reads the others again.
    monkeypatch.setattr(crossyear.RecentReports, "SIZE", 2)
    main(["--isolated", "-j", "1", str(REAL)])
    assert capsys.readouterr().out == serial
    assert 0 < len(reads) <= len(CONSECUTIVE) * 2
    # The report given with --previous is read once, to check it, and then kept.
    reads.clear()
    current, previous = (str(REAL / name) for name in CONSECUTIVE[7])  # the finance bureau copied 2020's text
    main(["--isolated", "-j", "1", "--select", "Y", "--previous", previous, current])
    assert _y_lines(capsys.readouterr().out)
    assert reads == [previous]


def test_kept_reports_are_bounded_by_count_and_by_text(monkeypatch: pytest.MonkeyPatch) -> None:
    recent = crossyear.RecentReports()
    size = crossyear.RecentReports.SIZE
    for index in range(size + 5):
        recent.keep(report_from_text("一、总体情况\n", path=f"{index}.txt"))
    assert len(recent.reports) == size
    kept = list(recent.reports)
    assert kept[0] == "5.txt" and kept[-1] == f"{size + 4}.txt"  # the oldest went first
    monkeypatch.setattr(crossyear.RecentReports, "CHARACTERS", 1000)
    recent.keep(report_from_text("一、总体情况\n" + "字" * 1000, path="large.txt"))
    assert list(recent.reports) == ["large.txt"]
    assert recent.characters == len(recent.reports["large.txt"].text)


def test_no_pair_rule_selected_means_no_pair_phase(monkeypatch: pytest.MonkeyPatch) -> None:
    manager = create_manager()
    linter = Linter(manager, collect_rules(manager), Policy(Selection.of(select=("A",))))
    monkeypatch.setattr(crossyear, "_read", lambda *args: pytest.fail("read in the pair phase"))
    results = [linter.lint_file(str(FIXTURES / "clean-2021.txt"))]
    assert check_pairs(linter, results, previous=str(FIXTURES / "clean-2021.txt")) == results


@pytest.mark.usefixtures("shared_dir")
def test_any_two_reports_can_be_compared_without_a_crash(linter: Linter) -> None:
    """Pair rules meet mismatched formats, missing sections and other agencies: never a P901."""
    reports = [linter.read(str(path), path.read_bytes()) for path in sorted(REAL.glob("*.txt"))]
    reports.append(linter.read("empty.txt", b"   "))
    reports.append(linter.read("prose.txt", "政府信息公开工作年度报告\n五、存在的问题\n一是\n".encode()))
    for current in reports:
        for previous in reports:
            codes = {d.code for d in check_pair(linter, current, previous, previous.path)}
            assert "P901" not in codes, (current.path, previous.path)


# -- planted faults ---------------------------------------------------------------
TRIALS = 10


def _report(path: Path) -> Report:
    return report_from_text(path.read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=8)
def _read(linter: Linter, name: str, text: str) -> Report:
    """A report model, kept while the trials of one pair need it: each trial changes one
    report of the pair, and the other is the unchanged one read before (rules only read a model)."""
    return linter.read(name, text.encode("utf-8"))


def _codes(linter: Linter, current: str, previous: str) -> set[str]:
    this_year = _read(linter, "current.txt", current)
    last_year = _read(linter, "previous.txt", previous)
    return {d.code for d in check_pair(linter, this_year, last_year, "previous.txt")}


@lru_cache(maxsize=8)
def _model(text: str) -> Report:
    """The model of an unchanged report of a pair, for finding where to plant (read once per pair)."""
    return report_from_text(text)


def _set_cell(text: str, line: int, value: int) -> str:
    lines = text.split("\n")
    lines[line - 1] = f"\t{value}"
    return "\n".join(lines)


def _plant_carry_over(rng: random.Random, current: str, previous: str) -> tuple[str, str]:
    """Change one column of this year's 上年结转 or of last year's 结转下年度 by 1 to 9."""
    column = rng.choice(T3_COLUMNS)
    if rng.random() < 0.5:
        cell = _model(current).tables["三"].cell("二", column)
        assert cell is not None
        return _set_cell(current, cell.line, int(cell.number) + rng.randint(1, 9)), previous
    cell = _model(previous).tables["三"].cell("四", column)
    assert cell is not None
    return current, _set_cell(previous, cell.line, int(cell.number) + rng.randint(1, 9))


def _plant_copied_section(rng: random.Random, current: str, previous: str) -> tuple[str, str]:
    """Replace this year's section 一 or 五 (after its heading) by last year's."""
    number = rng.choice((1, 5))
    this_year, last_year = _model(current), _model(previous)
    mine, theirs = this_year.sections[number], last_year.sections[number]
    lines, old = current.split("\n"), previous.split("\n")
    copied = old[theirs.line : theirs.end_line]
    return "\n".join([*lines[: mine.line], *copied, *lines[mine.end_line :]]), previous


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize(
    ("plant", "codes"),
    [(_plant_carry_over, {"Y001"}), (_plant_copied_section, {"Y003", "Y005"})],
    ids=["carry-over", "copied-section"],
)
def test_planted_faults_are_found_in_nine_of_ten_cases(plant: object, codes: set[str], linter: Linter) -> None:
    """Every consecutive pair that does not show the fault already gets it planted ten times."""
    rng = random.Random(20241201)
    found = total = 0
    for current_name, previous_name in CONSECUTIVE:
        current = (REAL / current_name).read_text(encoding="utf-8")
        previous = (REAL / previous_name).read_text(encoding="utf-8")
        if _codes(linter, current, previous) & codes:
            continue  # the real fault is there already (財政金融局 2020, 2021): it proves nothing about planting
        for _ in range(TRIALS):
            planted_current, planted_previous = plant(rng, current, previous)  # type: ignore[operator]
            total += 1
            found += bool(_codes(linter, planted_current, planted_previous) & codes)
    assert total >= 7 * TRIALS
    assert found / total >= 0.9, f"found in {found} of {total} cases"


def test_the_pair_rule_of_the_guide_runs_as_shown() -> None:
    """docs/writing-rules.md's PairRule example: defined from the page, checked on a pair."""
    page = (Path(__file__).parents[1] / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    section = page[page.index("## Rules that compare two reports") :]
    source = section[section.index("```python\n") + len("```python\n") : section.index("\n```\n")]
    namespace: dict[str, object] = {}
    exec(compile(source, "writing-rules.md", "exec"), namespace)
    rule = namespace["FeeIncomeJump"]()  # type: ignore[operator]
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    last_year = report_from_text(text)
    this_year = report_from_text(text.replace("\t86.42\n", "\t864200\n"))
    findings = list(rule.check_pair(this_year, last_year, "2023.txt"))
    assert [(f.line, f.message[:22]) for f in findings] == [(59, "本年收费金额为864200万元，上年报告 2")]
    assert list(rule.check_pair(last_year, last_year, "2023.txt")) == []


def test_pairing_many_copies_stays_linear(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An evaluator's folder may hold many copies of one agency's reports: one pair each, no square cost."""
    from reportlint.model import pairing

    later = identify(report_from_text((shared_dir / "corpus/real/2024_pingtan-zone.txt").read_text(encoding="utf-8")))
    earlier = identify(report_from_text((shared_dir / "corpus/real/2023_pingtan-zone.txt").read_text(encoding="utf-8")))
    assert later is not None and earlier is not None
    calls = 0
    real = pairing.same_agency

    def counted(first: str, second: str) -> bool:
        nonlocal calls
        calls += 1
        return real(first, second)

    monkeypatch.setattr(pairing, "same_agency", counted)
    for copies in (100, 200):
        calls = 0
        identities = [
            (f"{year}-{n}.txt", identity) for n in range(copies) for year, identity in ((2024, later), (2023, earlier))
        ]
        pairs = find_pairs(identities)
        assert pairs == [(f"2024-{n}.txt", "2023-0.txt") for n in range(copies)]
        assert calls <= copies * copies // 10, f"{calls} name comparisons for {copies} copies"
