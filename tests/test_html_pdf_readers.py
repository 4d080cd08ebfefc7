"""HTML and PDF readers: real documents give the findings of their hand-made texts.

The inputs are real: the Shanghai page and the three Huai'an PDFs as published
(../shared/corpus), and every shared report as a .docx exported to PDF and HTML by
LibreOffice (tests/fixtures/documents, made by tools/export_documents.py).
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.diagnostics import Diagnostic
from reportlint.engine import Linter, read_report
from reportlint.plugins import collect_rules, create_manager, source_suffixes
from reportlint.readers import html_document as html_reader
from reportlint.readers import pdf_document
from reportlint.readers.extracted import Origin
from reportlint.readers.layout import GridCell, grid_rows
from tests.conftest import FIXTURES, SHARED, run, shared_reports

COMPARED = ("S", "A", "D", "C", "X", "P")
"""Findings that depend on what the reader extracted: structure, arithmetic, dates,
contact, cross-checks, and parse problems (there must be none)."""

DOCUMENTS = FIXTURES / "documents"

KNOWN_MISMATCHES: dict[str, str] = {}
"""Exported documents whose findings differ from their text, with the reason. None do."""

MANAGER = create_manager()
LINTER = Linter(MANAGER, collect_rules(MANAGER))


@functools.cache
def lint(path: Path) -> tuple[Diagnostic, ...]:
    """Every finding for one file (cached: reading a PDF takes seconds)."""
    return LINTER.lint_file(str(path)).diagnostics


def compared(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> list[tuple[str, str]]:
    return sorted((d.code, d.message) for d in diagnostics if d.code.startswith(COMPARED))


def hand_made_text(stem: str) -> Path:
    for folder in (SHARED / "corpus" / "real", SHARED / "seeds"):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    raise AssertionError(f"no hand-made text for {stem}")


REAL_DOCUMENTS = [
    "corpus/html/2019_shanghai-municipal-office.html",
    "corpus/pdf/2023_huaian-hongze-district.pdf",
    "corpus/pdf/2024_huaian-city.pdf",
    "corpus/pdf/2024_huaian-hongze-district.pdf",
]


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("name", REAL_DOCUMENTS)
def test_real_document_gives_the_findings_of_its_hand_made_text(name: str) -> None:
    path = SHARED / name
    assert compared(lint(path)) == compared(lint(hand_made_text(path.stem)))
    report = read_report(MANAGER, str(path), path.read_bytes())
    assert set(report.tables) == {"二", "三", "四"}
    assert set(report.sections) == {1, 2, 3, 4, 5, 6}
    assert len(report.tables["四"].rows["合计"].cells) == 15


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("name", REAL_DOCUMENTS[1:])
def test_wrapped_pdf_lines_are_joined_so_brackets_balance(name: str) -> None:
    path = SHARED / name
    brackets = [d for d in lint(path) if d.code == "T003"]
    expected = [d for d in lint(hand_made_text(path.stem)) if d.code == "T003"]
    assert [d.message for d in brackets] == [d.message for d in expected]


EXPORTED = sorted([*DOCUMENTS.glob("*.pdf"), *DOCUMENTS.glob("*.html")])


def test_every_shared_report_is_exported_to_pdf_and_html() -> None:
    stems = {path.stem for path in DOCUMENTS.glob("*.docx")}
    assert len(stems) == 19
    assert {path.stem for path in DOCUMENTS.glob("*.pdf")} == stems
    assert {path.stem for path in DOCUMENTS.glob("*.html")} == stems


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("path", EXPORTED, ids=[path.name for path in EXPORTED])
def test_exported_document_gives_the_findings_of_its_text(path: Path) -> None:
    if path.name in KNOWN_MISMATCHES:
        pytest.xfail(KNOWN_MISMATCHES[path.name])
    assert compared(lint(path)) == compared(lint(hand_made_text(path.stem)))


@pytest.mark.usefixtures("shared_dir")
def test_the_exports_cover_the_shared_reports() -> None:
    assert {path.stem for path in shared_reports()} == {path.stem for path in DOCUMENTS.glob("*.docx")}


# --- HTML ----------------------------------------------------------------------------
SITE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_上海市人民政府</title>
<style>p {{ color: red }}</style><script>var x = "一、总体情况";</script></head><body>
<header><div class="logo">上海市人民政府</div></header>
<nav><ul><li>首页</li><li>政务公开</li><li>一、总体情况</li></ul></nav>
<div class="main"><div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<div class="article" id="zoom">{report}</div>
<div style="display:none">隐藏的统计代码 123</div></div>
<footer><p>主办：上海市人民政府办公厅 电话：021-12345678</p></footer></body></html>"""


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_the_site_around_a_report_is_dropped_whatever_its_declared_encoding(charset: str) -> None:
    fragment = (SHARED / "corpus/html/2019_shanghai-municipal-office.html").read_text("utf-8")
    title = "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    page = SITE.format(charset=charset, title=title, report=fragment)
    data = page.encode("gb18030" if charset == "gb2312" else "utf-8")
    alone = html_reader.extract(fragment.encode("utf-8"))
    assert html_reader.extract(data).text == alone.text
    findings = LINTER.lint_source("page.html", data).diagnostics
    assert compared(findings) == compared(LINTER.lint_source("fragment.html", fragment.encode()).diagnostics)


def test_a_title_outside_the_report_element_is_kept() -> None:
    page = SITE.format(
        charset="utf-8",
        title="2023年某局政府信息公开工作年度报告",
        report="<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>",
    )
    text = html_reader.extract(page.encode()).text
    assert text.splitlines()[0] == "2023年某局政府信息公开工作年度报告"
    assert "首页" not in text and "主办" not in text and "隐藏" not in text and "当前位置" not in text


def test_undeclared_gbk_and_utf16_pages_are_decoded() -> None:
    page = "<html><body><p>一、总体情况</p><p>政府信息公开</p></body></html>"
    for data in (page.encode("gbk"), page.encode("utf-16"), b"\xef\xbb\xbf" + page.encode()):
        assert html_reader.extract(data).text == "一、总体情况\n政府信息公开\n"


def test_a_line_break_in_the_source_between_chinese_characters_is_no_space() -> None:
    page = "<p>政府信息\n  公开工作 2023\nyear</p>"
    assert html_reader.extract(page.encode()).text == "政府信息公开工作 2023 year\n"


def test_deeply_nested_pages_are_read_whole_or_refused() -> None:
    # Past libxml2's default limit (256, it drops what is deeper) and Python's recursion
    # limit (1000), up to the 2,048 levels libxml2 builds at most. (Finding the report's
    # headings once cost the square of the depth: 19 s at 2,000 levels.)
    deep = "<div>" * 2000 + "<p>一、总体情况</p>" + "</div>" * 2000
    assert html_reader.extract(deep.encode()).text == "一、总体情况\n"
    too_deep = "<font>" * 3000 + "一、总体情况<p>正文"
    assert [d.code for d in LINTER.lint_source("deep.html", too_deep.encode()).diagnostics] == ["P002"]


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 300 + "<p>一、总体情况</p>" + "</div>" * 300,
        "<div>"
        + "&nbsp;" * 5000
        + "<p>\u3000\u3000二、主动公开政府信息情况</p><!-- 注释 -->尾"
        + "\n \n" * 50
        + "</div>",
        "<div><span>三、收到和</span>\n  <b>处理政府信息公开申请情况</b></div><div>" + "长" * 41 + "</div>",
    ],
    ids=["deeply nested", "blanks and comments", "split and long"],
)
def test_heading_texts_made_in_one_pass_are_the_texts_of_the_elements(page: str) -> None:
    """The one-pass texts equal each element's own text, collapsed as a heading is read."""
    from lxml import html as lxml_html

    body = lxml_html.document_fromstring(page).find("body")
    short = html_reader._short_texts(body)
    checked = 0
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        plain = html_reader.collapse_spaces(html_reader._text_of(element)).strip(" \u00a0\u3000")
        if element not in short:
            assert len(html_reader._text_of(element)) > 4096  # left to the plain way
            continue
        raw = short[element]
        if raw is None:
            assert len(plain) > 40
        else:
            assert html_reader.collapse_spaces(raw).strip(" \u00a0\u3000") == plain
            checked += 1
    assert checked


def test_merged_cells_are_expanded_on_a_grid() -> None:
    page = (
        "<table><tr><td rowspan='2'>三、本年度办理结果</td><td>（一）予以公开</td><td colspan='2'>5</td></tr>"
        "<tr><td>（二）部分公开</td><td>1</td><td>2</td></tr></table>"
    )
    extracted = html_reader.extract(page.encode())
    assert extracted.text.splitlines() == [
        "三、本年度办理结果\t（一）予以公开\t5",
        "三、本年度办理结果\t（二）部分公开\t1\t2",
    ]
    origin = extracted.origin_at(2, len("三、本年度办理结果\t（二）部分公开\t") + 1)
    assert origin is not None and (origin.table, origin.row, origin.cell) == (1, 2, 3)
    assert origin.element == "/html/body/table/tr[2]/td[2]"


def test_grid_drops_a_cell_overlapping_an_earlier_span() -> None:
    origin = Origin("x")
    rows = grid_rows([GridCell(0, 0, "a", origin, rowspan=2), GridCell(1, 0, "b", origin), GridCell(1, 1, "c", origin)])
    assert [[cell.text for cell in row] for row in rows] == [["a"], ["a", "c"]]


@pytest.mark.usefixtures("shared_dir")
def test_html_findings_carry_the_element_path() -> None:
    path = SHARED / "corpus/html/2019_shanghai-municipal-office.html"
    a002 = [d for d in lint(path) if d.code == "A002"]
    assert a002 and all(d.origin is not None and d.origin.element and d.origin.table == 2 for d in a002)


# --- PDF ------------------------------------------------------------------------------
@pytest.mark.usefixtures("shared_dir")
def test_pdf_findings_carry_page_and_box() -> None:
    path = SHARED / "corpus/pdf/2023_huaian-hongze-district.pdf"
    a003 = [d for d in lint(path) if d.code == "A003"]
    assert a003
    for finding in a003:
        assert finding.origin is not None and finding.origin.page == 4 and finding.origin.box is not None


@pytest.mark.usefixtures("shared_dir")
def test_pdf_page_numbers_are_dropped_and_cut_tables_joined() -> None:
    path = SHARED / "corpus/pdf/2023_huaian-hongze-district.pdf"
    report = read_report(MANAGER, str(path), path.read_bytes())
    assert not any(line.strip().strip("-").strip().isdigit() for line in report.lines)
    # Table 三 runs from page 3 to page 4: the rows after the break keep their group.
    assert {"（四）1", "（四）2", "（四）3", "（五）1"} <= set(report.tables["三"].rows)


def test_a_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("L", (595, 842), color=200).save(scan, "PDF")
    diagnostics = lint(scan)
    assert [d.code for d in diagnostics] == ["P008"]
    assert "扫描件" in diagnostics[0].message


@pytest.mark.usefixtures("shared_dir")
def test_a_truncated_pdf_is_a_finding_and_the_other_files_still_run(tmp_path: Path) -> None:
    real = SHARED / "corpus/pdf/2023_huaian-hongze-district.pdf"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(real.read_bytes()[:4000])
    result = run("--format", "json", str(broken), str(real))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    findings = json.loads(result.stdout)
    assert [d["code"] for d in findings if d["path"] == str(broken)] == ["P002"]
    assert "PDF 文件已损坏" in next(d["message"] for d in findings if d["path"] == str(broken))
    assert {d["code"] for d in findings if d["path"] == str(real)} >= {"A003", "S014"}


def test_garbage_named_html_gives_no_traceback() -> None:
    result = LINTER.lint_source("x.html", b"\x00\x01\x02<<<>>>\xff")
    assert all(d.code.startswith(("P", "S", "C")) for d in result.diagnostics)


@pytest.mark.parametrize(
    ("name", "modules", "extra"),
    [("r.pdf", ("pdfplumber",), "pdf"), ("r.html", ("lxml", "lxml.html", "lxml.etree"), "html")],
)
def test_a_missing_reader_library_names_the_extra(
    name: str, modules: tuple[str, ...], extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)
    result = LINTER.lint_source(name, b"%PDF-1.4 whatever" if extra == "pdf" else b"<p>x</p>")
    assert [d.code for d in result.diagnostics] == ["P007"]
    assert f"reportlint[{extra}]" in result.diagnostics[0].message


def test_directory_walks_find_html_and_pdf() -> None:
    assert {".html", ".htm", ".pdf", ".txt"} <= set(source_suffixes(MANAGER))


def test_linting_text_does_not_import_the_document_libraries(tmp_path: Path) -> None:
    """Neither for a fragment nor for a whole report (every rule runs); python-docx included
    (this was also test_docx_reader's test_linting_text_files_does_not_import_python_docx)."""
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    code = (
        "import sys; from reportlint.cli import main\n"
        f"main([{str(report)!r}, {str(FIXTURES / 'clean-2021.txt')!r}, '--exit-zero'])\n"
        "heavy = ('lxml', 'pdfplumber', 'pdfminer', 'reportlint.readers.html_document',"
        " 'reportlint.readers.pdf_document', 'docx', 'reportlint.readers.docx_text')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "print('LOADED', loaded)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert "LOADED []" in result.stdout, result.stdout + result.stderr


def test_pdf_reader_claims_pdf_bytes_whatever_the_name() -> None:
    from reportlint.readers import pdf as pdf_reader

    assert pdf_reader.is_pdf("report.bin", b"%PDF-1.7\n")
    assert not pdf_reader.is_pdf("report.txt", b"\xe4\xb8\x80")


def test_the_example_pdf_gives_its_planted_findings() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "2024-songling-market-bureau.pdf"
    found = [(d.code, d.line, d.origin.page if d.origin else None) for d in lint(example)]
    assert found == [("T002", 6, 1), ("X001", 8, 1), ("A003", 63, 3), ("D005", 72, 4)]


def test_coloured_boxes_behind_paragraphs_are_no_table() -> None:
    # highlighted-paragraphs.pdf: the .html beside it opened in LibreOffice Writer and
    # exported to PDF; each paragraph has a yellow box behind it.
    extracted = pdf_document.extract((FIXTURES / "pdf" / "highlighted-paragraphs.pdf").read_bytes())
    lines = extracted.text.splitlines()
    assert len(lines) == 3 and lines[0] == "一、总体情况" and lines[2] == "二、主动公开政府信息情况"
    assert "\t" not in extracted.text and lines[1].endswith("保障机制。")
