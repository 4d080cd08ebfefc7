"""``reportlint annotate``: every finding as a Word comment, where the finding is.

The documents are the committed Word fixtures (tests/fixtures/documents: real reports
filled into the official template and saved by LibreOffice), the bundled example
(examples/2024-water-bureau.docx, with a tracked revision) and a fixture that already
carries a reviewer's comments (tests/fixtures/annotate, written by
tools/make_commented_document.py and saved by LibreOffice). Each copy is reopened with
python-docx and compared with what ``reportlint --format json`` says of the original;
one copy is converted by LibreOffice to check that an office suite sees the comments.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.output.docx_comments import annotate, xml_safe
from reportlint.readers.docx_text import extract
from reportlint.readers.extracted import Origin
from tests.conftest import EXAMPLES, FIXTURES, run

DOCUMENTS = FIXTURES / "documents"
REVIEWED = FIXTURES / "annotate" / "2021_pingtan-zone.reviewed.docx"
WATER = EXAMPLES / "2024-water-bureau.docx"
CHOSEN = (
    "2019_shanghai-municipal-office",  # overlapping spans in one paragraph, a blank 总计 cell
    "2020_pingtan-zone",  # a wrong total in table 三
    "2021_pingtan-finance-bureau",  # 「<!--[if !supportLists]-->」 quoted in a message
    "2021_pingtan-police",  # header cells, auto-numbered headings
    "2023_huaian-hongze-district",  # findings in tables 三 and 四
)
LIST_LABEL = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def comment_ranges(document: Any) -> dict[int, tuple[Any, str]]:
    """Comment id → (its ``w:commentRangeStart``, the visible text between start and end)."""
    starts: dict[int, Any] = {}
    texts: dict[int, list[str]] = {}
    done: dict[int, tuple[Any, str]] = {}
    for element in document.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:t"):
            for parts in texts.values():
                parts.append(element.text or "")
            continue
        key = int(element.get(qn("w:id")))
        if element.tag == qn("w:commentRangeStart"):
            starts[key], texts[key] = element, []
        else:
            done[key] = (starts.pop(key), "".join(texts.pop(key)))
    return done


def quoted(diagnostic: dict[str, Any], lines: list[str]) -> str:
    """What the finding points at in the extracted text: its span, or its whole line (cell text without TAB)."""
    line = lines[diagnostic["line"] - 1]
    end_line = diagnostic.get("end_line") or diagnostic["line"]
    if diagnostic.get("end_column") and end_line == diagnostic["line"]:
        return line[diagnostic["column"] - 1 : diagnostic["end_column"] - 1]
    return line.lstrip("\t")


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The chosen fixtures annotated in one run, with the normal run's findings of the same files."""
    folder = tmp_path_factory.mktemp("annotated")
    for name in CHOSEN:
        shutil.copy(DOCUMENTS / f"{name}.docx", folder / f"{name}.docx")
    names = [f"{name}.docx" for name in CHOSEN]
    before = {name: sha256(folder / name) for name in names}
    lint = run("--isolated", "--format", "json", "-j", "1", *names, cwd=folder)
    result = run("annotate", "--isolated", "-j", "1", *names, cwd=folder)
    return {"folder": folder, "before": before, "findings": json.loads(lint.stdout), "result": result}


def test_every_finding_is_one_comment_by_reportlint_on_the_text_it_names(annotated: dict[str, Any]) -> None:
    folder: Path = annotated["folder"]
    result = annotated["result"]
    assert result.returncode == 1, result.stderr  # error-severity findings, as the normal run
    assert result.stderr == ""
    written = result.stdout.splitlines()
    total = 0
    for name in CHOSEN:
        findings = [d for d in annotated["findings"] if d["path"] == f"{name}.docx"]
        assert findings, name
        assert f"已写入 {name}.checked.docx：{len(findings)} 条批注" in written
        copy = docx.Document(str(folder / f"{name}.checked.docx"))
        comments = list(copy.comments)
        assert len(comments) == len(findings), name
        ranges = comment_ranges(copy)
        lines = extract((folder / f"{name}.docx").read_bytes()).text.split("\n")
        for comment, finding in zip(comments, findings, strict=True):
            assert (comment.author, comment.initials) == ("reportlint", "RL")
            first, summary = comment.text.split("\n")
            assert first == f"[{finding['code']}] {finding['message']}"
            assert (
                summary.startswith(f"规则 {finding['code']}：") and f"reportlint --explain {finding['code']}" in summary
            )
            _, text = ranges[comment.comment_id]
            expected = quoted(finding, lines)
            if text != expected:  # a heading's list number is Word's, in no run: the comment starts after it
                assert expected.endswith(text) and LIST_LABEL.fullmatch(expected[: -len(text)]), (name, finding)
            total += 1
    assert total >= 25


def test_a_wrong_total_is_commented_on_its_own_table_cell(annotated: dict[str, Any]) -> None:
    """2020_pingtan-zone: （七）总计 of 自然人 is 20 where the results add up to 26 (表格 2 第 25 行第 4 列)."""
    copy = docx.Document(str(annotated["folder"] / "2020_pingtan-zone.checked.docx"))
    a001 = next(c for c in copy.comments if c.text.startswith("[A001] 表三「自然人」列：（七）总计为20"))
    start, text = comment_ranges(copy)[a001.comment_id]
    cell = copy.tables[1].cell(24, 3)
    assert text == "20" == cell.text
    assert start in cell._tc.iter(qn("w:commentRangeStart"))


def test_the_copy_reads_as_the_original_and_the_original_is_untouched(annotated: dict[str, Any]) -> None:
    """Splitting runs to mark a span changes no character; the originals keep their bytes."""
    folder: Path = annotated["folder"]
    for name in CHOSEN:
        assert sha256(folder / f"{name}.docx") == annotated["before"][f"{name}.docx"]
        original = extract((folder / f"{name}.docx").read_bytes())
        copy = extract((folder / f"{name}.checked.docx").read_bytes())
        assert copy.text == original.text and copy.spans == original.spans


def test_report_text_with_markup_is_stored_as_text(annotated: dict[str, Any]) -> None:
    data = zipfile.ZipFile(annotated["folder"] / "2021_pingtan-finance-bureau.checked.docx").read("word/comments.xml")
    assert "「&lt;!--[if !supportLists]--&gt;」".encode() in data
    etree.fromstring(data)  # well-formed


def test_a_tracked_insertion_and_a_blank_cell_are_anchored_where_word_shows_them(tmp_path: Path) -> None:
    """The example's 「申请~~8~~9件」 is a tracked revision: the comment starts inside the ``w:ins``."""
    shutil.copy(WATER, tmp_path / "water.docx")
    result = run("annotate", "--isolated", "water.docx", cwd=tmp_path)
    assert result.stdout == "已写入 water.checked.docx：3 条批注\n", result.stderr
    copy = docx.Document(str(tmp_path / "water.checked.docx"))
    ranges = comment_ranges(copy)
    by_code = {comment.text[1:5]: ranges[comment.comment_id] for comment in copy.comments}
    start, text = by_code["X001"]
    assert text == "9件" and start.getparent().tag == qn("w:ins")
    start, text = by_code["A002"]  # the blank 总计 cell of （一）予以公开
    assert text == "" and any(a.tag == qn("w:tc") for a in start.iterancestors())


def test_existing_comments_are_kept(tmp_path: Path) -> None:
    """A reviewer's comments (written by LibreOffice) stay, with their ids; ours come after."""
    before = docx.Document(str(REVIEWED))
    theirs = [(c.comment_id, c.author, c.text) for c in before.comments]
    assert [author for _, author, _ in theirs] == ["办公室审核", "办公室审核"]
    result = run("annotate", "--isolated", str(REVIEWED), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 0 and result.stdout.endswith("：1 条批注\n"), result.stderr
    after = docx.Document(str(tmp_path / "out.docx"))
    comments = [(c.comment_id, c.author, c.text) for c in after.comments]
    assert comments[:2] == theirs
    assert [author for _, author, _ in comments[2:]] == ["reportlint"] and comments[2][2].startswith("[T007] ")
    ranges = comment_ranges(after)
    assert ranges[theirs[0][0]][1] == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert ranges[theirs[1][0]][1] == "665"
    assert ranges[comments[2][0]][1] == "审核"


# --- the Word part on its own: places no real finding reaches ----------------------------
def _diagnostic(message: str, origin: Origin | None, line: int = 1) -> Diagnostic:
    return Diagnostic("x.docx", line, 1, "S001", "missing-section", Severity.ERROR, message, origin=origin)


def test_empty_paragraph_file_level_finding_and_unsafe_text() -> None:
    """An empty paragraph (no run) gets an empty run to hold the comment; a finding without a
    place goes on the title; characters XML cannot hold are escaped, the rest kept."""
    document = docx.Document(str(DOCUMENTS / "2021_pingtan-zone.docx"))
    body = document.element.body
    empty = body.makeelement(qn("w:p"), {})
    body.insert(1, empty)  # becomes 第 2 段
    diagnostics = [
        _diagnostic("空段落", Origin("第 2 段", paragraph=2), line=2),
        replace(_diagnostic("整个文件 <&> \x0b\ufffe \u202e", None), line=0),
    ]
    assert annotate(document, diagnostics, None, {}) == 2
    saved = io.BytesIO()
    document.save(saved)
    copy = docx.Document(io.BytesIO(saved.getvalue()))
    ranges = comment_ranges(copy)
    comments = list(copy.comments)
    assert ranges[comments[0].comment_id][1] == ""
    assert copy.element.body[1].find(qn("w:commentRangeStart")) is not None  # in the empty paragraph
    assert ranges[comments[1].comment_id][1] == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert comments[1].text.startswith("[S001] 整个文件 <&> \\x0b\\ufffe \u202e")
    assert xml_safe("正常文字\t\n") == "正常文字\t\n"


# --- LibreOffice: an office suite opens the copy and shows the comments ------------------
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_copy_and_keeps_every_comment(annotated: dict[str, Any], tmp_path: Path) -> None:
    source = annotated["folder"] / "2021_pingtan-finance-bureau.checked.docx"
    expected = [c.text.split("\n")[0] for c in docx.Document(str(source)).comments]
    process = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "fodt",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    converted = tmp_path / "2021_pingtan-finance-bureau.checked.fodt"
    assert process.returncode == 0 and converted.exists(), process.stderr
    tree = etree.parse(str(converted))
    ns = {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    }
    annotations = tree.findall(".//office:annotation", ns)
    assert len(annotations) == len(expected) == 7
    assert {a.findtext("dc:creator", namespaces=ns) for a in annotations} == {"reportlint"}
    shown = ["".join(a.find("text:p", ns).itertext()) for a in annotations]
    assert sorted(shown) == sorted(expected)
    assert len(tree.findall(".//office:annotation-end", ns)) == 7  # each marks a range, not a point


# --- refusals -------------------------------------------------------------------------
@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    shutil.copy(DOCUMENTS / "2021_pingtan-zone.docx", path)
    return path


def test_an_existing_copy_is_kept_without_force_and_replaced_with_it(draft: Path) -> None:
    first = run("annotate", "--isolated", "draft.docx", cwd=draft.parent)
    assert first.returncode == 0 and first.stdout == "已写入 draft.checked.docx：1 条批注\n"
    target = draft.parent / "draft.checked.docx"
    target.write_bytes(b"kept")
    again = run("annotate", "--isolated", "draft.docx", cwd=draft.parent)
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr == "reportlint: draft.checked.docx: 已存在，未覆盖；加 --force 覆盖它，或用 -o 指定其他文件名\n"
    assert target.read_bytes() == b"kept"
    forced = run("annotate", "--isolated", "--force", "draft.docx", cwd=draft.parent)
    assert forced.returncode == 0 and len(docx.Document(str(target)).comments) == 1


def test_output_option_and_its_limits(draft: Path) -> None:
    before = sha256(draft)
    chosen = run("annotate", "--isolated", "-o", "审阅/给科长.docx", "draft.docx", cwd=draft.parent)
    assert chosen.returncode == 2 and "无法写入" in chosen.stderr  # the folder does not exist
    (draft.parent / "审阅").mkdir()
    chosen = run("annotate", "--isolated", "--output", "审阅/给科长.docx", "draft.docx", cwd=draft.parent)
    assert chosen.stdout == f"已写入 {os.path.join('审阅', '给科长.docx')}：1 条批注\n"
    onto_input = run("annotate", "--isolated", "--force", "-o", "draft.docx", "draft.docx", cwd=draft.parent)
    assert onto_input.returncode == 2 and "拒绝覆盖" in onto_input.stderr
    shutil.copy(draft, draft.parent / "other.docx")
    two = run("annotate", "--isolated", "-o", "x.docx", "draft.docx", "other.docx", cwd=draft.parent)
    assert two.returncode == 2 and "-o/--output 只能在给出一个文档时使用" in two.stderr
    assert sha256(draft) == before


def test_no_file_is_a_usage_error_in_chinese() -> None:
    result = run("annotate", "--isolated")
    assert result.returncode == 2 and result.stderr.startswith("reportlint: 请给出要加批注的 Word 文档（.docx）")


def test_a_second_run_over_a_glob_skips_the_copies(draft: Path) -> None:
    run("annotate", "--isolated", "draft.docx", cwd=draft.parent)
    again = run("annotate", "--isolated", "--force", "draft.docx", "draft.checked.docx", cwd=draft.parent)
    assert again.returncode == 0
    assert "已跳过 draft.checked.docx：它是 draft.docx 的批注副本" in again.stderr
    assert not (draft.parent / "draft.checked.checked.docx").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.txt", None, "report.txt: 不是 Word 文档（.docx），无法加批注"),
        ("report.doc", b"\xd0\xcf\x11\xe0", "report.doc: 是旧版 Word（.doc）格式"),
        ("missing.docx", None, "missing.docx: 文件不存在"),
    ],
)
def test_what_is_no_docx_is_refused_in_chinese(tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    if name == "report.txt":
        shutil.copy(FIXTURES / "clean-2021.txt", tmp_path / name)
    elif data is not None:
        (tmp_path / name).write_bytes(data)
    result = run("annotate", "--isolated", name, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith(f"reportlint: {message}")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if name != "missing.docx" else [])


def test_a_damaged_docx_is_an_error_and_the_other_documents_are_annotated(draft: Path) -> None:
    data = draft.read_bytes()
    (draft.parent / "cut.docx").write_bytes(data[: len(data) // 2])
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("word/document.xml", "<not-word/>")
    (draft.parent / "hollow.docx").write_bytes(zipped.getvalue())
    result = run("annotate", "--isolated", "cut.docx", "hollow.docx", "draft.docx", cwd=draft.parent)
    assert result.returncode == 2
    assert result.stdout == "已写入 draft.checked.docx：1 条批注\n"
    errors = result.stderr.splitlines()
    assert errors[0].startswith("reportlint: cut.docx: Word 文档已损坏或不完整") and errors[0].endswith("，未加批注")
    assert errors[1].startswith("reportlint: hollow.docx: 无法打开这个 Word 文档，文件可能已损坏（")
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert not (draft.parent / "cut.checked.docx").exists() and not (draft.parent / "hollow.checked.docx").exists()


# --- the same run as reportlint's: configuration, selection, baseline ---------------------
def test_configuration_selection_and_baseline_apply_as_in_a_normal_run(tmp_path: Path) -> None:
    for name in ("2019_shanghai-municipal-office", "2021_pingtan-zone"):
        shutil.copy(DOCUMENTS / f"{name}.docx", tmp_path / f"{name}.docx")
    (tmp_path / "reportlint.toml").write_text(
        'ignore = ["C001"]\n\n[per-file-ignores]\n"2021_*.docx" = ["T007"]\n', encoding="utf-8"
    )
    shanghai = "2019_shanghai-municipal-office.docx"

    def codes(path: Path) -> list[str]:
        return [c.text.split("]")[0][1:] for c in docx.Document(str(path)).comments]

    lint = run("--format", "json", shanghai, "2021_pingtan-zone.docx", cwd=tmp_path)
    expected = [d["code"] for d in json.loads(lint.stdout) if d["path"] == shanghai]
    result = run("annotate", shanghai, "2021_pingtan-zone.docx", cwd=tmp_path)
    assert "C001" not in expected and codes(tmp_path / "2019_shanghai-municipal-office.checked.docx") == expected
    assert result.stdout.splitlines()[1] == "已写入 2021_pingtan-zone.checked.docx：0 条批注（未发现问题）"
    selected = run("annotate", "--force", "--select", "X", shanghai, cwd=tmp_path)
    assert set(codes(tmp_path / "2019_shanghai-municipal-office.checked.docx")) == {"X001", "X005"}, selected.stderr
    assert run("--write-baseline", "baseline.json", shanghai, cwd=tmp_path).returncode == 0
    quiet = run("annotate", "--force", "--baseline", "baseline.json", shanghai, cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout.endswith("：0 条批注（未发现问题）\n"), quiet.stderr


def test_damaged_documents_never_give_a_traceback(tmp_path: Path) -> None:
    """Bytes flipped anywhere in a real .docx, and a reviewer's comment with an id Word never
    writes: each document gets a copy or one clean error line, in one run."""
    import random

    data = DOCUMENTS / "2021_pingtan-police.docx"
    generator = random.Random(7)
    names = []
    for index in range(12):
        damaged = bytearray(data.read_bytes())
        for _ in range(generator.randint(1, 8)):
            damaged[generator.randrange(len(damaged))] = generator.randrange(256)
        names.append(f"damaged-{index}.docx")
        (tmp_path / names[-1]).write_bytes(bytes(damaged))
    with zipfile.ZipFile(REVIEWED) as source, zipfile.ZipFile(tmp_path / "odd-id.docx", "w") as target:
        for item in source.namelist():
            content = source.read(item)
            target.writestr(
                item, content.replace(b'w:id="1"', b'w:id="abc"') if item == "word/comments.xml" else content
            )
    names.append("odd-id.docx")
    result = run("annotate", "--isolated", "-j", "1", *names, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    for name in names:
        told = [line for line in lines if name in line]
        assert len(told) == 1, (name, told)
        assert told[0].startswith(f"已写入 {name[:-5]}.checked.docx：") or told[0].endswith("未加批注"), told
    assert any(line.startswith("reportlint: odd-id.docx: 无法在这个 Word 文档中添加批注（ValueError") for line in lines)


def test_past_the_comment_limit_one_comment_says_how_many_were_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx's comment ids make each comment cost as much as all before it: a cap keeps it linear."""
    import reportlint.output.docx_comments as comments

    monkeypatch.setattr(comments, "MAX_COMMENTS", 2)
    shutil.copy(WATER, tmp_path / "water.docx")
    result = run("annotate", "--isolated", "water.docx", cwd=tmp_path)  # 3 findings
    assert result.stdout == "已写入 water.checked.docx：2 条批注\n", result.stderr
    texts = [comment.text for comment in docx.Document(str(tmp_path / "water.checked.docx")).comments]
    assert texts[0].startswith("[") and texts[1].startswith("另有 2 个问题未加批注（每份文档至多 2 条批注）")
