"""P002 undecodable-file: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UndecodableFile(ProblemRule):
    """What it does:
        Reports a file that is neither UTF-8 (with or without BOM), UTF-16 with BOM nor
        GB18030/GBK, or that holds binary data.

    Why it matters:
        Nothing in it can be checked; a mis-encoded file also shows as mojibake to readers.

    Example:
        A Word `.doc` saved with a `.txt` name.

    Fix:
        Save the report as plain text in UTF-8 (or GB18030).
    """

    code = "P002"
    name = "undecodable-file"
    summary = "文件不是可识别编码的文本"
    needs_content = False
    always_reported = True
    problem_kind = "undecodable"
