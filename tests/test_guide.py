"""The Chinese user guide (docs/index.md) shows only real commands and their real output.

The guide is written for clerks and evaluators who copy its commands as they are: every
``reportlint`` command in it must be accepted by the real parser, and every output block
marked ``<!-- output: COMMAND | NAME = SOURCE -->`` must be what that command prints now
(run on SOURCE copied to NAME, or in the repository root without a file part). A section
marked ``<!-- unchecked: ... -->`` describes a feature of a branch not merged yet; its
commands are checked once the marker is removed.
"""

from __future__ import annotations

import importlib
import re
import shlex
import shutil
from pathlib import Path

import pytest

from reportlint.cli import UsageError, build_parse_parser, build_parser
from tests.conftest import TOTAL_RE, run

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "index.md"

_SH_BLOCK_RE = re.compile(r"^```sh\n(.*?)^```$", re.M | re.S)
_OUTPUT_RE = re.compile(
    r"^<!-- output: reportlint (?P<args>[^|>]+?)(?: \| (?P<name>\S+) = (?P<source>\S+))? -->\n"
    r".*?^```text\n(?P<shown>.*?)^```$",
    re.M | re.S,
)


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _checked_part(page: str) -> str:
    """The page without the sections marked unchecked (each runs to the next ``## `` heading)."""
    return re.sub(r"^<!-- unchecked:.*?-->\n## .*?(?=^## |^<!-- unchecked:|\Z)", "", page, flags=re.M | re.S)


def _commands(page: str) -> list[str]:
    """Every reportlint command of the page's ``sh`` blocks, also after ``&&`` in a one-liner."""
    commands = []
    for block in _SH_BLOCK_RE.findall(page):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part)
                if words and words[0].endswith("reportlint"):
                    commands.append(part.strip())
    return commands


def test_unchecked_sections_are_only_the_two_awaiting_a_merge() -> None:
    page = _guide()
    marked = re.findall(r"^<!-- unchecked:.*?-->\n## ([^\n]*)$", page, re.M | re.S)
    assert len(marked) == page.count("<!-- unchecked:") <= 2
    checked = _checked_part(page)
    assert "## 三步检查 Word 草稿" in checked and "## 评估人员" in checked
    titles = {title.split(" {")[0] for title in marked}
    assert titles <= {"批注：把问题写进 Word 文件", "自动修复"}
    if "批注：把问题写进 Word 文件" in titles:
        assert "reportlint annotate" not in checked
    if "自动修复" in titles:
        assert "--fix" not in checked and "--show-fixes" not in checked


def test_every_command_in_the_guide_is_accepted_by_the_parser() -> None:
    commands = _commands(_checked_part(_guide()))
    assert len(commands) >= 10
    for command in commands:
        args = shlex.split(command)[1:]
        parser = build_parser()
        if args[:1] == ["parse"]:
            parser, args = build_parse_parser(), args[1:]
        elif args[:1] == ["annotate"]:  # its own parser, in the module of the subcommand
            parser, args = importlib.import_module("reportlint.annotate").build_annotate_parser(), args[1:]
        try:
            parser.parse_args(args)
        except (SystemExit, UsageError) as error:  # argparse's way of refusing, and reportlint's
            pytest.fail(f"docs/index.md shows a command reportlint refuses ({error}): {command}")


def test_the_three_steps_use_the_html_format() -> None:
    commands = _commands(_checked_part(_guide()))
    assert "reportlint 草稿.docx --format html --output-file 检查结果.html" in commands
    args = build_parser().parse_args(["草稿.docx", "--format", "html", "--output-file", "检查结果.html"])
    assert args.format == "html"


def test_output_shown_in_the_guide_is_real(tmp_path: Path) -> None:
    shown = list(_OUTPUT_RE.finditer(_guide()))
    assert len(shown) >= 2
    for match in shown:
        cwd = ROOT
        if match["name"]:
            cwd = tmp_path / match["name"].replace("/", "_")
            cwd.mkdir()
            shutil.copyfile(ROOT / match["source"], cwd / match["name"])
        result = run("--isolated", *shlex.split(match["args"]), cwd=cwd)
        assert result.returncode in (0, 1), result.stderr
        output = result.stdout.removeprefix("\ufeff").replace("\r\n", "\n")
        assert output == match["shown"], f"docs/index.md shows old output of: reportlint {match['args']}"


def test_the_install_total_is_real() -> None:
    result = run("--isolated", "examples/", cwd=ROOT)
    (total,) = [line for line in result.stdout.splitlines() if TOTAL_RE.match(line)]
    assert f"`{total}`" in _guide(), total
