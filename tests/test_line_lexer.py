"""reportlint's parser gives the trees Lark builds from the grammar, on real reports and on line soup.

The lexer hands a cell-per-line row to the parser as one token (see
:mod:`reportlint.line_lexer`); the grammar's rules for those lines stay, so Lark's
basic lexer over the same grammar is the reference it must agree with, node for node,
errors included.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lark import Lark, UnexpectedInput

from reportlint import parsing
from reportlint.line_lexer import LineLexer
from reportlint.readers.text import normalise_newlines
from reportlint.report_parser import LexerThread
from tests.conftest import shared_reports

EXAMPLES = Path(__file__).parents[1] / "examples"
ROOT = Path(__file__).parents[1]

LINES = [
    "\n", "  \n", "\u3000\n", "\t自然人\n", "  \t 本年新\n", "\t\n", " \t \t\n", "\t\u3000\n", "制作数量\n",
    "一、总体情况\n", "（一）主动公开\n", "1. 条目\n", "第二十条第（五）项\n", "a\tb\tc\n", "x\ty\n",
    "| a | b |\n", "|---|---|\n", "普通段落，文字。\n", "\t5\n", "\t\t\n", "\u2002 文字\n", "\t0\n",
]  # fmt: skip
"""One line of every kind the grammar tells apart, the cell kinds twice over."""


def test_the_generated_parser_was_made_from_this_grammar() -> None:
    """``reportlint.report_parser`` is generated: a grammar change must come with a new one."""
    result = subprocess.run(
        [sys.executable, "tools/generate_parser.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "up to date"


@pytest.fixture(scope="module")
def reference() -> Lark:
    """The report grammar with Lark's basic lexer: every line one token."""
    return Lark.open_from_package(
        "reportlint_grammar",
        "report.lark",
        parser="lalr",
        lexer="basic",
        maybe_placeholders=False,
        transformer=parsing._SyntaxTreeBuilder(),
    )


def _parse(parser: Lark, text: str) -> tuple[Any, list[tuple[int, int]]]:
    errors: list[tuple[int, int]] = []

    def recover(error: UnexpectedInput) -> bool:
        errors.append((error.line, error.column))
        return True

    return parser.parse(text, on_error=recover), errors


def test_real_reports_parse_to_the_same_trees(reference: Lark) -> None:
    paths = [*shared_reports(), *sorted(EXAMPLES.glob("*.txt"))]
    assert len(paths) > 10
    for path in paths:
        text = normalise_newlines(path.read_text(encoding="utf-8"))
        assert _parse(parsing.load_parser(), text) == _parse(reference, text), path.name


def test_every_order_of_line_kinds_parses_to_the_same_trees(reference: Lark) -> None:
    chooser = random.Random(13)
    rows = 0
    for _ in range(1500):
        text = "".join(chooser.choice(LINES) for _ in range(chooser.randint(1, 25)))
        fast = _parse(parsing.load_parser(), text)
        assert fast == _parse(reference, text), repr(text)
        rows += sum(len(block.rows) for block in fast[0] if hasattr(block, "rows"))
    assert rows > 1000  # the soup did hold tables


def test_a_row_token_carries_its_cells_and_spans_its_lines() -> None:
    text = "\t\n\t信息内容\n\t本年新\n制作数量\n\n\n\t规章\n\n段落\n"
    lexer = parsing.load_parser().parser.lexer
    assert isinstance(lexer, LineLexer)
    tokens = list(LexerThread.from_text(lexer, text).lex(None))
    assert [token.type for token in tokens] == ["SEP", "CELL_ROW", "CELL_ROW", "TEXT"]
    first = tokens[1]
    assert (first.line, first.end_line, str(first)) == (2, 7, "\t信息内容\n\t本年新\n制作数量\n\n\n")
    assert [(cell.text, cell.line, cell.end_line) for cell in first.value.cells] == [
        ("信息内容", 2, 2),
        ("本年新制作数量", 3, 4),
    ]
