"""``--format csv``: one row per report over ../shared, a BOM for Excel, key figures from the cells, no formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from reportlint.model import CellKind, Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3, T4
from reportlint.plugins import BUILTIN_FAMILIES
from reportlint.text import format_number
from tests.conftest import report_from_file, run, shared_findings, shared_reports

FIGURES = ("本年新收", "予以公开", "行政复议总计", "行政诉讼总计", "纠错率")


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "no byte order mark: Excel on Chinese Windows would read GBK"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def _cell(report: Report, table: str, row: str, column: str) -> float | None:
    found = report.tables[table].cell(row, column) if table in report.tables else None
    return None if found is None or found.value.kind is CellKind.BLANK else found.number


def _shown(value: float | None) -> str:
    return "" if value is None else format_number(value)


@pytest.mark.usefixtures("shared_dir")
def test_one_row_per_shared_report_with_its_counts_and_key_figures(tmp_path: Path) -> None:
    paths = [str(path) for path in shared_reports()]
    out = tmp_path / "overview.csv"
    assert run("--isolated", "--format", "csv", "--output-file", str(out), *paths).returncode == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(out.read_text(encoding="utf-8"))
    assert [row["文件"] for row in rows] == paths
    findings = shared_findings()
    families = [name for name in rows[0] if name[:1].isascii() and name[:1].isalpha()]
    assert [name.split()[0] for name in families] == list(BUILTIN_FAMILIES)
    rates = 0
    for path, row in zip(paths, rows, strict=True):
        mine = [record for record in findings if record["path"] == path]
        assert int(row["问题总数"]) == len(mine) == int(row["错误"]) + int(row["警告"])
        assert int(row["错误"]) == sum(record["severity"] == "error" for record in mine)
        for name in families:
            assert int(row[name]) == sum(record["code"].startswith(name.split()[0]) for record in mine), name
        report = report_from_file(Path(path))
        assert (row["机关"], row["年度"], row["格式版本"]) == (
            report.agency or "",
            str(report.year or ""),
            report.template.version or "",
        )
        review = _cell(report, T4, tpl.T4_ROW, tpl.t4_column(tpl.T4_REVIEW, tpl.T4_TOTAL))
        suits = [
            value
            for group in tpl.T4_LITIGATION_GROUPS
            if (value := _cell(report, T4, tpl.T4_ROW, tpl.t4_column(group, "总计"))) is not None
        ]
        corrected = _cell(report, T4, tpl.T4_ROW, tpl.t4_column(tpl.T4_REVIEW, "结果纠正")) or 0.0
        expected = {
            "本年新收": _shown(_cell(report, T3, "一", "总计")),
            "予以公开": _shown(_cell(report, T3, "（一）", "总计")),
            "行政复议总计": _shown(review),
            "行政诉讼总计": _shown(sum(suits) if suits else None),
            "纠错率": f"{100 * corrected / review:.2f}%" if review else "",
        }
        assert {name: row[name] for name in FIGURES} == expected, path
        rates += bool(row["纠错率"])
    assert rates >= 5, "too few reports with a 纠错率 to test it"


def test_formula_like_cells_get_a_leading_apostrophe(tmp_path: Path) -> None:
    (tmp_path / "=1+1.txt").write_text(
        '=HYPERLINK("http://x")2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n', encoding="utf-8"
    )
    (tmp_path / "@sum.txt").write_text("+cmd2023年政府信息公开工作年度报告\n", encoding="utf-8")
    (tmp_path / "-plain.txt").write_text("-清河镇2023年政府信息公开工作年度报告\n", encoding="utf-8")
    result = run("--isolated", "--format", "csv", "--", "=1+1.txt", "@sum.txt", "-plain.txt", cwd=tmp_path)
    rows = _rows(result.stdout)
    assert [(row["文件"], row["机关"]) for row in rows] == [
        ("'=1+1.txt", '\'=HYPERLINK("http://x")'),
        ("'@sum.txt", "'+cmd"),
        ("'-plain.txt", "'-清河镇"),
    ]
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_csv_has_no_total_line_and_a_clean_run_still_lists_the_report(tmp_path: Path) -> None:
    clean = Path(__file__).parent / "fixtures" / "clean-2021.txt"
    result = run("--isolated", "--format", "csv", str(clean))
    assert result.returncode == 0
    (row,) = _rows(result.stdout)
    assert row["问题总数"] == "0" and row["本年新收"] and "发现" not in result.stdout
