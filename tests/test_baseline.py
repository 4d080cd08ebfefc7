"""Baselines: accepted findings are hidden, new ones shown, stale ones reported as P801."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES, run


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_bytes((EXAMPLES / "2023-water-bureau.txt").read_bytes())
    return path


def test_baseline_hides_recorded_findings_across_unrelated_edits(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    baseline = tmp_path / "baseline.json"
    before = run(str(report)).stdout.splitlines()
    assert before
    written = run(str(report), "--write-baseline", str(baseline))
    assert written.returncode == 0 and baseline.exists()
    report.write_text("说明：本报告已更新。\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    after = run(str(report), "--baseline", str(baseline))
    assert (after.returncode, after.stdout) == (0, "")


def test_new_findings_still_show_and_fixed_ones_go_stale(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    baseline = tmp_path / "baseline.json"
    run(str(report), "--write-baseline", str(baseline))
    text = report.read_text(encoding="utf-8")
    fixed = text.replace("桐政办发[2023]12号", "桐政办发〔2023〕12号")
    broken = fixed.replace("六、其他需要报告的事项\n", "")
    report.write_text(broken, encoding="utf-8")
    lines = run(str(report), "--baseline", str(baseline)).stdout.splitlines()
    assert any(" S001 " in line for line in lines)
    assert any(" P801 " in line for line in lines)


def test_an_unreadable_baseline_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run(str(_copy(tmp_path)), "--baseline", str(bad))
    assert result.returncode == 2 and "基线" in result.stderr and "Traceback" not in result.stderr


def test_a_baseline_works_from_another_folder_and_path_spelling(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    baseline = tmp_path / "baseline.json"
    run("report.txt", "--write-baseline", "baseline.json", cwd=tmp_path)
    elsewhere = run(str(report), "--baseline", str(baseline), cwd=tmp_path.parent)
    assert (elsewhere.returncode, elsewhere.stdout) == (0, "")


def test_entries_of_rules_that_did_not_run_are_not_stale(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    baseline = tmp_path / "baseline.json"
    run(str(report), "--write-baseline", str(baseline))
    only_a = run(str(report), "--baseline", str(baseline), "--select", "A")
    assert (only_a.returncode, only_a.stdout) == (0, "")
    report.write_text(report.read_text(encoding="utf-8").replace("[2023]", "〔2023〕"), encoding="utf-8")
    assert " P801 " in run(str(report), "--baseline", str(baseline)).stdout
    assert run(str(report), "--baseline", str(baseline), "--ignore", "P801").stdout == ""


def test_an_unwritable_baseline_exits_2(tmp_path: Path) -> None:
    result = run(str(_copy(tmp_path)), "--write-baseline", str(tmp_path / "missing" / "b.json"))
    assert result.returncode == 2 and "基线" in result.stderr and "Traceback" not in result.stderr


def test_an_edit_elsewhere_in_the_same_paragraph_keeps_a_finding_hidden(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((EXAMPLES / "2020-qinghe-town.txt").read_bytes())
    baseline = tmp_path / "baseline.json"
    run(str(report), "--write-baseline", str(baseline))
    text = report.read_text(encoding="utf-8")
    assert "本年度报告依据" in text
    report.write_text(text.replace("本年度报告依据", "本年度报告依照", 1), encoding="utf-8")
    assert run(str(report), "--baseline", str(baseline)).stdout == ""
