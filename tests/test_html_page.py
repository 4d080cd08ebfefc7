"""The HTML page's text, without a browser: its policy names its own style and script, and odd inputs render."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from reportlint.app import RunOptions, Session
from reportlint.output.context import RunContext
from reportlint.output.html import format_html
from reportlint.readers.extracted import Origin
from tests.conftest import EXAMPLES, FIXTURES, run
from tests.test_robustness import HOSTILE

BUREAU = EXAMPLES / "2023-water-bureau.txt"


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_inline_style_and_script() -> None:
    page = run("--isolated", "--format", "html", str(BUREAU)).stdout
    (quoted,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    policy = unescape(quoted)
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.S)
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.S)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == _digest(style) and directives["script-src"] == _digest(script)
    assert "http" not in page.split("<body>")[0].replace('http-equiv="', "")


def test_a_document_finding_names_its_place_in_the_original() -> None:
    result = Session.open(RunOptions(isolated=True, keep_reports=True)).lint_paths([str(BUREAU)])
    first = replace(result.diagnostics[0], origin=Origin("表格 2 第 4 行第 3 列", table=2, row=4, cell=3))
    page = format_html([first], RunContext(files=result.checked, reports=result.reports))
    assert "（原文位置：表格 2 第 4 行第 3 列）" in page


def test_clean_and_unreadable_files_have_their_sections(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page = run("--isolated", "--format", "html", str(empty), str(FIXTURES / "clean-2021.txt")).stdout
    assert page.count('<section class="report"') == 2
    assert "未发现问题" in page and 'data-code="P001"' in page and "文件为空" in page


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_renders_in_html_and_csv(name: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE[name]())
    for output, ending in (("html", "</html>\n"), ("csv", "\r\n")):
        result = run("--isolated", "--format", output, str(path))
        assert result.returncode in (0, 1) and result.stderr == "", (output, result.stderr[-500:])
        assert result.stdout.endswith(ending), output


def test_a_finding_with_a_fix_shows_the_suggestion_and_whether_it_is_certain() -> None:
    page = run("--isolated", "--format", "html", str(EXAMPLES)).stdout
    notes = re.findall(r'<li id="[^"]+" class="note" data-code="([A-Z0-9]+)">(.*?)</li>', page)
    suggestions = {code: re.findall(r'<span class="fix( unsafe)?">(.*?)</span>', body) for code, body in notes}
    assert suggestions["T001"] == [("", "建议修改：内层书名号改为单书名号〈〉（可自动修复）")]
    assert suggestions["A001"] == [(" unsafe", "建议修改：改为5（须核对原始台账）（需核对后修改）")]
    assert not suggestions["X004"]  # no fix, no line
    fixable = sum(1 for found in re.findall(r'<span class="fix', page))
    json_fixes = run("--isolated", "--format", "json", str(EXAMPLES)).stdout.count('"fix": {')
    assert fixable == json_fixes == 4
