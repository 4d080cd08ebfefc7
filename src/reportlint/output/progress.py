"""What a long run shows while it works: a one-line counter on a terminal's stderr, and the total at the end.

The counter appears only when stderr is a terminal, ``CI`` is not set and the run has
many files; it redraws one line in place and erases it when done, so what remains on
the screen is the findings and the total, as with ruff.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import TextIO

from reportlint.diagnostics import Diagnostic, Severity

MIN_FILES = 20
"""Runs with fewer files finish before a counter would help."""
_REDRAW_SECONDS = 0.1


def wanted(stream: TextIO) -> bool:
    """Whether a progress counter belongs on *stream*: a terminal, and not in CI."""
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressLine:
    """A ``检查中 37/500`` counter redrawn in place on *stream*; call it as a runner progress callback."""

    def __init__(self, stream: TextIO, min_files: int = MIN_FILES) -> None:
        self.stream = stream
        self.min_files = min_files
        self.shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        """Redraw the counter (at most ten times a second, and always for the last file)."""
        if total < self.min_files:
            return
        now = time.monotonic()
        if done < total and now - self._last < _REDRAW_SECONDS:
            return
        self._last = now
        self.stream.write(f"\r检查中 {done}/{total} 个文件（{100 * done // total}%）\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the counter, so the next output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def total_line(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """The line that ends the default format when there are findings (``""`` when there are none)."""
    if not diagnostics:
        return ""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"发现 {len(diagnostics)} 个问题（{errors} 个错误，{warnings} 个警告），检查了 {files} 个文件。\n"
