"""The grammar on hand-written snippets: line kinds, the table layouts, wrapped lines, positions."""

from __future__ import annotations

from reportlint import syntax
from reportlint.parsing import parse_text


def blocks(text: str) -> tuple[syntax.Block, ...]:
    return parse_text(text).blocks


def test_headings_items_and_paragraphs_are_told_apart() -> None:
    parsed = blocks("某镇2020年报告\n一、总体情况\n（一）主动公开\n1.加强领导。\n2020年，我镇……\n")
    assert [type(block).__name__ for block in parsed] == ["Paragraph", "Heading", "Heading", "Item", "Paragraph"]
    assert [block.level for block in parsed if isinstance(block, syntax.Heading)] == [1, 2]


def test_unicode_spaces_indent_headings_and_columns_count_characters() -> None:
    heading = blocks("\u2002\u2002\u3000三、收到和处理政府信息公开申请情况\n")[0]
    assert isinstance(heading, syntax.Heading)
    assert (heading.line, heading.column, heading.text) == (1, 4, "三、收到和处理政府信息公开申请情况")


def test_full_width_numbering_and_half_width_brackets_are_items_and_headings() -> None:
    parsed = blocks("(二)依申请公开\n１．人员力量\n3、改进\n")
    assert [type(block).__name__ for block in parsed] == ["Heading", "Item", "Item"]


def test_a_year_at_line_start_is_not_an_item() -> None:
    assert isinstance(blocks("2.5万元用于建设。\n2020年，我镇……\n")[0], syntax.Paragraph)


def test_cell_per_line_table_with_continuations_and_empty_cells() -> None:
    text = "\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t\n\t规章\n\t\u2002 0\n"
    (table,) = blocks(text)
    assert isinstance(table, syntax.Table)
    assert table.layout is syntax.TableLayout.CELL_PER_LINE
    first, second = table.rows
    assert [cell.text for cell in first.cells] == ["信息内容", "本年新制作数量", "对外公开总数量"]
    assert first.cells[1].end_line == 3
    assert [cell.text for cell in second.cells] == ["", "规章", "0"]
    assert (second.cells[2].line, second.cells[2].column) == (8, 4)


def test_a_cell_starting_with_a_section_number_stays_a_cell() -> None:
    (table,) = blocks("\t一、本年新收政府信息公开申请数量\n\t1\n")
    assert isinstance(table, syntax.Table)
    assert table.rows[0].cells[0].text == "一、本年新收政府信息公开申请数量"


def test_row_per_line_table_keeps_captions_as_rows() -> None:
    text = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n"
    (table,) = blocks(text)
    assert isinstance(table, syntax.Table)
    assert table.layout is syntax.TableLayout.ROW_PER_LINE
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "1", "0", "11"],
    ]
    assert table.rows[2].cells[3].column == 8


def test_row_per_line_rows_may_start_with_empty_merged_cells() -> None:
    (table,) = blocks("\t\t2.重复申请\t0\t0\n")
    assert isinstance(table, syntax.Table)
    assert [cell.text for cell in table.rows[0].cells] == ["", "", "2.重复申请", "0", "0"]


def test_pipe_table_drops_the_separator_row() -> None:
    (table,) = blocks("| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 3 |\n")
    assert isinstance(table, syntax.Table)
    assert table.layout is syntax.TableLayout.PIPE
    assert [[cell.text for cell in row.cells] for row in table.rows] == [["信息内容", "本年制发件数"], ["规章", "3"]]
    assert table.rows[1].cells[1].column == 8


def test_blank_lines_of_spaces_separate_rows_and_blocks() -> None:
    parsed = blocks("一、总体情况\n\u2002\n\t甲\n\t1\n \u3000\n\t乙\n\t2\n\n\n二、主动公开政府信息情况\n")
    table = parsed[1]
    assert isinstance(table, syntax.Table)
    assert len(table.rows) == 2
    assert isinstance(parsed[2], syntax.Heading)


def test_any_text_parses() -> None:
    document = parse_text("|\n\t\t\n（\n一、\n\x0c\n1.\n" * 50)
    assert document.syntax_errors == ()
    assert document.blocks


def test_every_space_class_in_the_grammar_is_text_space_chars_without_tab() -> None:
    """The grammar spells the space class in several regexes; all must agree with text.py."""
    import re
    from importlib.resources import files

    from reportlint.text import SPACE_CHARS

    expected = set(SPACE_CHARS) - {"\t"}
    grammar = "".join(
        files("reportlint_grammar").joinpath(name).read_text(encoding="utf-8") for name in ("cjk.lark", "report.lark")
    )
    classes = re.findall(r"\[(?:\^)?( \\u00a0[^\]]*)\]", grammar)
    assert classes
    for spelled in classes:
        chars = set(re.sub(r"\\t|\\n|\^", "", spelled).encode().decode("unicode_escape"))
        chars = {c for c in chars if c not in "-"} | _ranges(spelled)
        assert chars >= expected, sorted(expected - chars)


def _ranges(spelled: str) -> set[str]:
    import re

    found: set[str] = set()
    for start, end in re.findall(r"\\u([0-9a-f]{4})-\\u([0-9a-f]{4})", spelled):
        found |= {chr(code) for code in range(int(start, 16), int(end, 16) + 1)}
    return found


def test_separator_line_table_as_a_browser_copies_it() -> None:
    """Chromium's innerText: a TAB-only line between cells, &nbsp; for an empty cell, a gap between rows."""
    text = (
        "第二十条第（一）项\n\n\n\n信息内容\n\n\t\n\n本年新\n制作数量\n\n\t\n\n对外公开总数量\n\n\n\n"
        "四、结转下年度继续办理\n\n\t\n\n3\n\n\t\n\n\u00a0\n\n\t\n\n0\n\n\t\u00a0\t\u00a0\n\n"
        "五、存在的主要问题及改进情况\n"
    )
    table, heading = blocks(text)
    assert isinstance(table, syntax.Table) and isinstance(heading, syntax.Heading)
    assert table.layout is syntax.TableLayout.SEPARATOR_LINES
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "对外公开总数量"],
        ["四、结转下年度继续办理", "3", "", "0", "", ""],
    ]
    assert heading.text == "五、存在的主要问题及改进情况"


def test_a_row_one_blank_line_below_continues_the_last_cell() -> None:
    text = "信息内容\n\n\t\n\n本年新\n\n制作数量\n\n\t\n\n本年新\n\n公开数量\n\n\t\n\n对外公开总数量\n"
    (table,) = blocks(text)
    assert isinstance(table, syntax.Table)
    assert [cell.text for cell in table.rows[0].cells] == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]


def test_wrapped_pdf_lines_join_into_one_paragraph_across_a_page_number() -> None:
    width = "一二三四五六七八九十" * 3
    text = (
        f"   一、总体情况\n   （一）主动公开。{width}\n{width}（续\n\n        -1-\n\f完）。\n"
        f"{width}{width}\n   短的段落。\n"
    ) + "".join(f"   {width}\n" for _ in range(6))
    parsed = blocks(text)
    joined = parsed[1]
    assert isinstance(joined, syntax.Heading) and joined.text.endswith("（续完）。")
    assert [(wrap.line, wrap.column) for wrap in joined.wraps] == [(3, 1), (6, 2)]
    assert joined.position(joined.text.index("完")) == (6, 2)
    assert isinstance(parsed[0], syntax.Heading) and parsed[0].text == "一、总体情况"


def test_hand_made_lines_at_the_margin_are_not_joined() -> None:
    parsed = blocks("一、总体情况\n2020年，我镇……\n（一）主动公开\n")
    assert len(parsed) == 3 and not any(block.wraps for block in parsed if isinstance(block, syntax.Line))
