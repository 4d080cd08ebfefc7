"""The report model: title, year, agency, sections, template version, tables and cells."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reportlint import syntax
from reportlint.model import CellKind, Report
from reportlint.model.values import parse_value
from tests.conftest import FIXTURES, report_from_file, report_from_text
from tests.layouts import to_pipe, to_row_per_line

Build = Callable[[str], Report]


@pytest.mark.parametrize(
    ("text", "kind", "number", "unit"),
    [
        ("1", CellKind.INTEGER, 1, None),
        ("\u2002 0", CellKind.INTEGER, 0, None),
        ("０", CellKind.INTEGER, 0, None),
        ("251000元", CellKind.INTEGER, 251000, "元"),
        ("160.5964万元", CellKind.DECIMAL, 160.5964, "万元"),
        ("-8", CellKind.SIGNED, -8, None),
        ("+1036", CellKind.SIGNED, 1036, None),
        ("1,234", CellKind.INTEGER, 1234, None),
        ("", CellKind.BLANK, None, None),
        ("—", CellKind.NONE_MARK, None, None),
        ("/", CellKind.NONE_MARK, None, None),
        ("无", CellKind.NONE_MARK, None, None),
        ("规章", CellKind.TEXT, None, None),
    ],
)
def test_cell_values_keep_blank_zero_and_marks_apart(
    text: str, kind: CellKind, number: float | None, unit: str | None
) -> None:
    value = parse_value(text)
    assert (value.kind, value.number, value.unit) == (kind, number, unit)


def test_the_2019_fixture_is_read_completely() -> None:
    report = report_from_file(FIXTURES / "clean-2019.txt")
    assert (report.year, report.agency, report.agency_kind) == (2020, "清河镇人民政府", "government")
    assert report.section_order == [1, 2, 3, 4, 5, 6]
    assert report.template.version == "2019"
    assert "本年新制作数量" in report.template.reason
    assert len(report.tables["三"].rows) == 23
    assert report.tables["二"].cell("其他对外管理服务事项", "本年增/减").value.kind is CellKind.SIGNED  # type: ignore[union-attr]
    total = report.tables["三"].cell("（七）", "总计")
    assert total is not None and (total.number, total.line) == (5, 339)
    assert report.problems == []


def test_the_2021_fixture_is_read_completely() -> None:
    report = report_from_file(FIXTURES / "clean-2021.txt")
    assert (report.year, report.agency_kind) == (2023, "department")
    assert report.template.version == "2021"
    assert set(report.tables["三"].rows) >= {"（六）1", "（六）2", "（六）3"}
    assert report.tables["四"].number("合计", "行政复议/总计") == 1
    assert report.tables["二"].cell("行政事业性收费", "本年收费金额（单位：万元）").number == 86.42  # type: ignore[union-attr]


@pytest.mark.parametrize("convert", [to_row_per_line, to_pipe], ids=["row-per-line", "pipe"])
@pytest.mark.parametrize("fixture", ["clean-2019.txt", "clean-2021.txt"])
def test_the_three_layouts_give_the_same_model(convert: Callable[[str], str], fixture: str) -> None:
    original = (FIXTURES / fixture).read_text(encoding="utf-8")
    seed_layout = report_from_text(original)
    other = report_from_text(convert(original))
    assert other.template.version == seed_layout.template.version
    assert other.section_order == seed_layout.section_order
    for kind, table in seed_layout.tables.items():
        expected = {(ref.row_key, ref.column_key): (ref.value.kind, ref.number) for ref in table.all_cells()}
        found = {(ref.row_key, ref.column_key): (ref.value.kind, ref.number) for ref in other.tables[kind].all_cells()}
        assert found == expected, kind
    assert other.problems == []


def test_tables_are_found_by_their_labels_not_their_position(build: Build) -> None:
    report = build(
        "某局2022年政府信息公开工作年度报告\n一、总体情况\n说明。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        + "\t".join(["0"] * 14 + ["2"])
        + "\n"
    )
    assert set(report.tables) == {"四"}
    assert report.tables["四"].number("合计", "复议后起诉/总计") == 2


def test_label_variants_match_the_template_rows(build: Build) -> None:
    rows = [
        "(三)不予公开\t1．属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
        "\t2、其他法律行政止公开\t2\t0\t0\t0\t0\t0\t2",
        '\t3.危及"三安全一稳定"\t3\t0\t0\t0\t0\t0\t3',
        "\t4.保护 第三方 合法权益（填报说明：略）\t4\t0\t0\t0\t0\t0\t4",
        "（六）其他处理\t1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请\t5\t0\t0\t0\t0\t0\t5",
    ]
    report = build("本年新收\t申请人情况\n上年结转\t予以公开\n" + "\n".join(rows) + "\n")
    table = report.tables["三"]
    assert [table.number(key, "总计") for key in ("（三）1", "（三）2", "（三）3", "（三）4", "（六）1")] == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_a_row_with_a_missing_cell_is_a_problem_not_a_guess(build: Build) -> None:
    report = build(
        "\t申请人情况\n\n\t一、本年新收政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n\t二、上年结转\n"
        + "\t0\n" * 7
    )
    assert report.tables["三"].rows["一"].cells == {}
    assert [problem.kind for problem in report.problems] == ["row-shape"]
    assert report.problems[0].line == 3


def test_numbered_points_inside_a_section_do_not_open_sections(build: Build) -> None:
    report = build(
        "一、总体情况\n五、存在的主要问题及改进情况\n一、人员不足。\n二、加强培训。\n六、其他需要报告的事项\n无。\n"
    )
    assert report.section_order == [1, 5, 6]
    assert [line.text for line in report.sections[5].text_lines()] == ["一、人员不足。", "二、加强培训。"]


def test_a_table_of_one_line_cells_is_rebuilt_and_numbers_in_prose_are_not(build: Callable[[str], Report]) -> None:
    """LibreOffice's "save as text": a cell a line, an empty cell an empty line, nothing else."""
    text = (
        "某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n"
        "本年制发件数\n本年废止件数\n现行有效件数\n规章\n1\n0\n11\n行政规范性文件\n8\n\n66\n"
        "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n447\n三、收到和处理政府信息公开申请情况\n"
    )
    report = build(text)
    table = report.tables["二"]
    assert table.cell("规章", "本年制发件数") is not None and table.number("规章", "现行有效件数") == 11
    empty = table.cell("行政规范性文件", "本年废止件数")
    assert empty is not None and empty.value.kind == "blank" and empty.line == 14
    assert table.number("行政许可", "本年处理决定数量") == 447
    assert 3 in report.sections  # the heading after the table is not a cell
    prose = build("某某局2023年报告\n一、总体情况\n本年共受理申请\n3\n件，办结\n3\n件。\n")
    assert not prose.tables and not [block for block in prose.document.blocks if isinstance(block, syntax.Table)]
