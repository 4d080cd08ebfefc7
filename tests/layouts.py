"""Rewrite a seed-layout report into the other two table layouts, for equivalence tests.

Only table rows change; every other line stays as it is. The rewrite reads rows
from the seed layout's own structure (a TAB line opens a cell, a plain line inside a
row continues it, a blank line ends the row) without using reportlint's parser.
"""

from __future__ import annotations


def _rows_and_lines(text: str) -> list[str | list[str]]:
    """Lines of *text*, with each seed-layout table row collapsed into its list of cells."""
    out: list[str | list[str]] = []
    row: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if row is None:
                row = []
                out.append(row)
            row.append(line[1:].strip())
        elif (
            row is not None
            and line.strip()
            and not line.lstrip().startswith(("一、", "二、", "三、", "四、", "五、", "六、"))
        ):
            row[-1] += line.strip()
        else:
            row = None
            out.append(line)
    return out


def to_row_per_line(text: str) -> str:
    """Tables as one row per line, cells separated by TABs; captions on their own line."""
    lines: list[str] = []
    for item in _rows_and_lines(text):
        if isinstance(item, list):
            if len(item) == 1 and item[0].startswith("第二十条"):
                lines.append(item[0])
            else:
                lines.append("\t".join(item) + ("\t" if len(item) == 1 else ""))
        elif item.strip():
            lines.append(item)
    return "\n".join(lines) + "\n"


def to_pipe(text: str) -> str:
    """Tables as Markdown pipe rows."""
    lines: list[str] = []
    for item in _rows_and_lines(text):
        if isinstance(item, list):
            lines.append("| " + " | ".join(item) + " |")
        elif item.strip():
            lines.append(item)
    return "\n".join(lines) + "\n"
