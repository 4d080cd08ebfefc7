"""The .docx reader: real Word documents give the findings of their hand-made texts.

The fixtures under tests/fixtures/documents/ were written by tools/make_documents.py
from the shared corpus and saved again by LibreOffice; the small documents here are
built with python-docx (plus the raw WordprocessingML that python-docx cannot write:
numbering definitions, tracked changes, merges) to pin each piece of Word structure
the reader must understand.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import docx  # the test extra installs it (through the documents extra)
import pytest
from docx.oxml.parser import parse_xml

from reportlint.cli import main
from reportlint.engine import Linter, read_report
from reportlint.model import Report
from reportlint.plugins import collect_rules, create_manager
from reportlint.readers.docx_numbering import format_number
from reportlint.readers.docx_text import extract
from tests.conftest import FIXTURES, shared_reports, shared_run
from tests.conftest import findings as output_findings

DOCUMENTS = FIXTURES / "documents"
REPORTS = shared_reports()
FAMILIES = ("S", "A", "D", "C", "X")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'

MISMATCHES: dict[str, str] = {}
"""Reports whose .docx may give other findings than their text, with the reason. None so far."""


@pytest.fixture(scope="module")
def linter() -> Linter:
    manager = create_manager()
    return Linter(manager, collect_rules(manager))


def findings(linter: Linter, path: Path, families: tuple[str, ...] = FAMILIES) -> Counter[tuple[str, str]]:
    return Counter((d.code, d.message) for d in linter.lint_file(str(path)).diagnostics if d.code.startswith(families))


@cache
def _read(path: Path) -> Report:
    """The report model of a file, read once per test process (several tests read each fixture)."""
    return read_report(create_manager(), str(path), path.read_bytes())


# --- the shared corpus as Word documents --------------------------------------------
@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("source", REPORTS, ids=[path.name for path in REPORTS])
def test_docx_gives_the_findings_of_the_hand_made_text(linter: Linter, source: Path) -> None:
    document = DOCUMENTS / f"{source.stem}.docx"
    if source.name in MISMATCHES:
        pytest.xfail(MISMATCHES[source.name])
    assert findings(linter, document, (*FAMILIES, "P")) == findings(linter, source)


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("source", [path for path in REPORTS if "seeds" not in path.parts], ids=lambda path: path.name)
def test_docx_of_a_real_report_extracts_to_its_hand_made_text(source: Path) -> None:
    """Stronger than equal findings: the 18 real reports come back line for line.

    (The seed is left out: its hand-made text wraps two header cells over two lines and
    pads some values with spaces, which a Word cell does not keep.)
    """
    document = DOCUMENTS / f"{source.stem}.docx"
    assert _read(document).text == _read(source).text


def test_every_shared_report_has_its_docx() -> None:
    assert sorted(path.stem for path in DOCUMENTS.glob("*.docx")) == sorted(path.stem for path in REPORTS)


def test_fixtures_are_read_by_the_docx_reader_with_word_numbering() -> None:
    """Half the fixtures store headings without their number (Word numbering shows it);
    every line of every extracted text has its own origin."""
    numbered = 0
    for path in sorted(DOCUMENTS.glob("*.docx")):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        report = _read(path)
        assert report.extracted is not None and report.extracted.kind == "docx"
        starts = [(span.line, span.column) for span in report.extracted.spans]
        assert starts == [(line, 1) for line in range(1, len(report.lines))]
        if "<w:numPr>" in xml:
            numbered += 1
            assert ">总体情况<" in xml and "一、总体情况" in report.text
    assert numbered >= 9


def test_multi_paragraph_cell_and_blank_cells_of_real_fixtures() -> None:
    manager = create_manager()
    seed = DOCUMENTS / "000_a487699205d89632.docx"
    xml = zipfile.ZipFile(seed).read("word/document.xml").decode("utf-8")
    assert ">本年新<" in xml and ">制作数量<" in xml  # two paragraphs of one cell
    text = read_report(manager, str(seed), seed.read_bytes()).text
    assert "\t本年新制作数量\n" in text
    shanghai = DOCUMENTS / "2019_shanghai-municipal-office.docx"
    report = read_report(manager, str(shanghai), shanghai.read_bytes())
    total = report.tables["三"].cell("（一）", "总计")
    assert total is not None and total.value.text == ""  # the blank 总计 stays blank, in its column


# --- small documents: Word's structures -------------------------------------------
def build(body_xml: str, numbering_xml: str | None = None) -> bytes:
    """A .docx whose body is *body_xml* (paragraphs and tables) and optional numbering."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    wrapper = parse_xml(f"<w:body {W}>{body_xml}</w:body>")
    for child in list(wrapper):
        body.find(f"{{{W_NS}}}sectPr").addprevious(child)
    if numbering_xml is not None:
        document.part.numbering_part._element = parse_xml(f"<w:numbering {W}>{numbering_xml}</w:numbering>")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def p(text: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    ppr = ""
    if num or style:
        numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{style_xml}{numpr}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None) -> str:
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{suffix}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


HEADINGS = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "chineseCounting", "%1、")
    + lvl(1, "chineseCounting", "（%2）")
    + lvl(2, "decimal", "%3.")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
    + lvl(0, "decimal", "%1、", suff="tab")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
)


def lines(data: bytes) -> list[str]:
    return extract(data).text.split("\n")[:-1]


def test_automatic_numbering_is_rendered_as_word_shows_it() -> None:
    body = "".join(
        [
            p("总体情况", (1, 0)),
            p("主动公开", (1, 1)),
            p("依申请公开", (1, 1)),
            p("加强组织领导", (1, 2)),
            p("正文段落"),
            p("主动公开政府信息情况", (1, 0)),
            p("责任落实", (1, 1)),
            p("第一项", (2, 0)),
            p("第二项", (2, 0)),
            p("重新起算", (3, 0)),
            p("不编号", (0, 0)),
        ]
    )
    assert lines(build(body, HEADINGS)) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.加强组织领导",
        "正文段落",
        "二、主动公开政府信息情况",
        "（一）责任落实",
        "1、第一项",
        "2、第二项",
        "5、重新起算",
        "不编号",
    ]


def test_numbering_from_the_paragraph_style() -> None:
    data = build(p("总体情况", style="H1") + p("主动公开政府信息情况", style="H1"), HEADINGS)
    archive = zipfile.ZipFile(io.BytesIO(data))
    styles = archive.read("word/styles.xml").decode("utf-8")
    style = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="H1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    styles = styles.replace("</w:styles>", style + "</w:styles>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:
        for item in archive.infolist():
            rewritten.writestr(item, styles if item.filename == "word/styles.xml" else archive.read(item))
    assert lines(out.getvalue()) == ["一、总体情况", "二、主动公开政府信息情况"]


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseCountingThousand", "三"),
        (2, "chineseLegalSimplified", "贰"),
        (3, "ideographTraditional", "丙"),
        (12, "decimal", "12"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "lowerLetter", "b"),
        (4, "upperRoman", "IV"),
        (7, "decimalFullWidth", "７"),
    ],
)
def test_number_formats(number: int, fmt: str, shown: str) -> None:
    assert format_number(number, fmt) == shown


def test_tracked_changes_insertions_in_deletions_out() -> None:
    body = (
        "<w:p><w:r><w:t>本年共受理申请</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>15</w:t></w:r></w:ins>'
        "<w:r><w:t>件。</w:t></w:r></w:p>"
        '<w:p><w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
        '<w:r><w:t>保留</w:t></w:r><w:moveTo w:id="4" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>'
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>被合并的</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>下一段</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>"
    )
    data = build(body)
    assert lines(data) == ["本年共受理申请15件。", "保留新位置", "被合并的下一段", "可见"]
    assert "15" not in docx.Document(io.BytesIO(data)).paragraphs[0].text  # why the XML level is needed
    extracted = extract(data)
    assert extracted.origin_at(3) is not None and extracted.origin_at(3).paragraph == 3
    assert extracted.origin_at(4) is not None and extracted.origin_at(4).where == "第 5 段"


def tc(text: str = "", span: int = 1, vmerge: str | None = None, paragraphs: tuple[str, ...] = ()) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else ""
    )
    content = "".join(p(x) for x in paragraphs) if paragraphs else (p(text) if text else "<w:p/>")
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


MERGED_TABLE = (
    "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1000"/>' * 4 + "</w:tblGrid>"
    "<w:tr>" + tc("三、本年度办理结果", vmerge="restart") + tc("（一）予以公开", span=2) + tc("5") + "</w:tr>"
    "<w:tr>" + tc(vmerge="continue") + tc("（二）部分公开", span=2) + tc() + "</w:tr>"
    "<w:tr>" + tc("合计", span=3) + tc(paragraphs=("1", "2")) + "</w:tr>"
    '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' + tc("删除的行", span=3) + tc("7") + "</w:tr>"
    "</w:tbl>"
)


def test_merged_cells_once_empty_cells_kept_and_paragraphs_joined() -> None:
    data = build(p("表格前") + MERGED_TABLE + p("表格后"))
    assert lines(data) == [
        "表格前",
        "",
        "\t三、本年度办理结果",
        "\t（一）予以公开",
        "\t5",
        "",
        "\t（二）部分公开",  # the vMerge continuation is no cell; the empty value is one
        "\t",
        "",
        "\t合计",
        "\t12",
        "",
        "表格后",
    ]
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert len(table.rows[0].cells) == 4  # python-docx repeats the spanned cell: why it is not used
    extracted = extract(data)
    assert extracted.origin_at(8) is not None and extracted.origin_at(8).where == "表格 1 第 2 行第 4 列"
    assert extracted.origin_at(13) is not None and extracted.origin_at(13).where == "第 2 段"


def test_blank_total_cell_is_reported_like_the_text(tmp_path: Path, linter: Linter) -> None:
    """A blank 总计 in a Word table is a blank value (A002), not a missing cell (S007)."""
    source = FIXTURES / "clean-2021.txt"
    text = source.read_text(encoding="utf-8")
    row = "\t（一）予以公开\n\t3\n\t1\n\t0\n\t0\n\t0\n\t0\n\t4\n"
    assert row in text
    blank = text.replace(row, row[: -len("\t4\n")] + "\t\n")
    (tmp_path / "blank.txt").write_text(blank, encoding="utf-8")
    document = docx.Document()
    from tools.make_documents import HandTable, blocks, build_table  # the fixtures' own builder

    for block in blocks(blank):
        if isinstance(block, HandTable):
            document.element.body.find(f"{{{W_NS}}}sectPr").addprevious(build_table(document, block))
        else:
            document.add_paragraph(block)
    document.save(str(tmp_path / "blank.docx"))
    expected = findings(linter, tmp_path / "blank.txt")
    assert ("A002", "表三「（一）予以公开」行「总计」列空白，但其分项之和为4，应填写4") in expected
    assert findings(linter, tmp_path / "blank.docx", (*FAMILIES, "P")) == expected


# --- origins in the output, the CLI, unreadable documents --------------------------
def test_json_output_carries_the_word_origin(capsys: pytest.CaptureFixture[str]) -> None:
    document = DOCUMENTS / "2021_pingtan-police.docx"
    assert main(["--format", "json", str(document), str(FIXTURES / "clean-2021.txt")]) == 1
    records = json.loads(capsys.readouterr().out)
    records = records if isinstance(records, list) else records.get("diagnostics", records)
    from_docx = [r for r in records if r["path"].endswith(".docx")]
    assert from_docx and all("origin" in r for r in from_docx)
    wheres = {r["origin"]["where"] for r in from_docx}
    assert any(w.startswith("表格 ") for w in wheres) and any(w.endswith(" 段") for w in wheres)
    assert all("origin" not in r for r in records if r["path"].endswith(".txt"))


def test_parse_text_prints_the_text_findings_point_into(capsys: pytest.CaptureFixture[str]) -> None:
    document = DOCUMENTS / "2021_pingtan-police.docx"
    assert main(["parse", "--text", str(document)]) == 0
    text = capsys.readouterr().out
    assert main(["--format", "json", str(document)]) == 1
    records = json.loads(capsys.readouterr().out)
    records = records if isinstance(records, list) else records.get("diagnostics", records)
    text_lines = text.split("\n")
    for record in records:
        assert 1 <= record["line"] <= len(text_lines)
    assert text.startswith("平潭综合实验区公安局2021年政府信息公开工作年度报告\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        (b"just text, not Word", "缺少 zip 文件头"),
    ],
    ids=["truncated-zip", "old-doc", "text-named-docx"],
)
def test_damaged_docx_is_p002_saying_why(tmp_path: Path, linter: Linter, data: bytes, message: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    diagnostics = linter.lint_file(str(path)).diagnostics
    assert [d.code for d in diagnostics] == ["P002"] and message in diagnostics[0].message


def test_truncated_real_docx_is_p002_and_other_files_still_run(tmp_path: Path, linter: Linter) -> None:
    data = (DOCUMENTS / "2024_huaian-city.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    (tmp_path / "other.docx").write_bytes(zipped.getvalue())
    assert [d.code for d in linter.lint_file(str(tmp_path / "cut.docx")).diagnostics] == ["P002"]
    assert [d.code for d in linter.lint_file(str(tmp_path / "other.docx")).diagnostics] == ["P002"]
    assert linter.lint_file(str(FIXTURES / "clean-2021.txt")).diagnostics == ()


def test_a_zip_that_is_not_word_and_not_named_docx_is_left_to_the_text_reader(linter: Linter, tmp_path: Path) -> None:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("a.txt", "x")
    (tmp_path / "archive.bin").write_bytes(zipped.getvalue())
    assert [d.code for d in linter.lint_file(str(tmp_path / "archive.bin")).diagnostics] == ["P002"]


def test_docx_by_content_whatever_its_name(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "report-without-suffix"
    path.write_bytes((DOCUMENTS / "2021_pingtan-police.docx").read_bytes())
    assert findings(linter, path) == findings(linter, DOCUMENTS / "2021_pingtan-police.docx")


MISSING_LIBRARY = """
import sys
sys.modules["docx"] = None  # as if python-docx were not installed
from reportlint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_missing_python_docx_is_p007_naming_the_extra_and_other_files_run() -> None:
    document = DOCUMENTS / "2021_pingtan-police.docx"
    result = subprocess.run(
        [sys.executable, "-c", MISSING_LIBRARY, str(document), str(FIXTURES / "clean-2021.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    out = output_findings(result.stdout)
    assert len(out) == 1 and " P007 " in out[0] and "pip install 'reportlint[docx]'" in out[0]
    assert "python-docx" in out[0]


# That linting text files imports neither python-docx nor lxml is checked, in one process
# with the other document libraries, by test_html_pdf_readers.py.


def test_a_directory_run_finds_the_docx_example() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = shared_run(str(examples))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    docx_lines = [line.split(": ", 1)[1][:4] for line in out if "2024-water-bureau.docx:" in line]
    # Its own planted faults, and what comparing it with the 2023 report (same agency) finds.
    assert [code for code in docx_lines if not code.startswith("Y")] == ["X001", "A002", "D005"]
    assert sorted(code for code in docx_lines if code.startswith("Y")) == ["Y002", "Y003", "Y004", "Y005"]


def test_a_macro_enabled_document_reads_like_the_docx(linter: Linter, tmp_path: Path) -> None:
    """python-docx's Document() refuses a .docm; the reader opens the package itself."""
    source = DOCUMENTS / "2021_pingtan-police.docx"
    archive = zipfile.ZipFile(source)
    macro = tmp_path / "report.docm"
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(macro, "w") as out:
        for item in archive.infolist():
            data = archive.read(item)
            if item.filename == "[Content_Types].xml":
                assert plain in data
                data = data.replace(plain, b"application/vnd.ms-word.document.macroEnabled.main+xml")
            out.writestr(item, data)
    with pytest.raises(ValueError):
        docx.Document(str(macro))
    assert findings(linter, macro, (*FAMILIES, "P")) == findings(linter, source)


def test_randomly_damaged_documents_get_p002_never_a_crash(linter: Linter, tmp_path: Path) -> None:
    """Bytes flipped anywhere in a real .docx (headers, compressed XML): P002, never P900."""
    import random

    data = (DOCUMENTS / "2021_pingtan-police.docx").read_bytes()
    generator = random.Random(1)  # seed 1 includes a flipped zip header version (NotImplementedError)
    codes = Counter()
    for index in range(60):
        damaged = bytearray(data)
        for _ in range(generator.randint(1, 20)):
            damaged[generator.randrange(len(damaged))] = generator.randrange(256)
        path = tmp_path / f"damaged-{index}.docx"
        path.write_bytes(bytes(damaged))
        codes.update({d.code for d in linter.lint_file(str(path)).diagnostics if d.code.startswith("P")})
    assert "P900" not in codes and codes["P002"] >= 50
