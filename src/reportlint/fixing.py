"""Applying suggested fixes to report text, as ruff applies its own: one implementation for all callers.

``--fix`` and ``--diff`` (:mod:`reportlint.cli`) and the editor server's "fix all"
(:mod:`reportlint.server`) all come here. A round chooses the fixes to apply — safe
ones, and unsafe ones only when asked (``--unsafe-fixes``) — in text order, skipping a
fix whose edits overlap one already chosen (it waits for the next round); applies them
all at once; and lints the new text again, since a fix may reveal or settle other
findings. Rounds repeat until no fix is left or :data:`MAX_ROUNDS` is reached.

Positions of findings count the characters of the text the rules saw, in which
invisible format characters were removed (:func:`reportlint.readers.text.normalise_newlines`);
edits are mapped back onto the file's own text, so its line endings, its invisible
characters elsewhere and, for files, its encoding and BOM are kept. Only plain-text
reports are rewritten: a .docx, .pdf or .html finding's fix is reported, never applied.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
from collections.abc import Callable, Iterable, Sequence

from reportlint.diagnostics import Diagnostic, Fix, TextEdit
from reportlint.lazyre import lazy_compile
from reportlint.readers.text import INVISIBLE_FORMAT_CHARS, UndecodableError, decode
from reportlint.records import record

MAX_ROUNDS = 10
"""Rounds of fix and re-lint at most (ruff stops at 100; a report settles in two)."""
REWRITABLE_SUFFIXES = (".txt",)
"""The files ``--fix`` rewrites: plain-text reports. Documents are never touched."""

_LINE_BREAK = lazy_compile("\r\n|[\r\n\u2028\u2029\u0085]")
"""Every line break the text reader honours, so lines are numbered as the rules numbered them."""
_INVISIBLE = frozenset(INVISIBLE_FORMAT_CHARS)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

Lint = Callable[[str], Sequence[Diagnostic]]
"""Lints one version of the text and returns its findings (in that text only)."""


def rewritable(path: str) -> bool:
    """Whether ``--fix`` may rewrite *path*: a plain-text report, never a document."""
    return path.lower().endswith(REWRITABLE_SUFFIXES)


def applies(fix: Fix | None, unsafe: bool) -> bool:
    """Whether *fix* is applied: a safe one always, an unsafe one only with *unsafe* (``--unsafe-fixes``)."""
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def choose(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    """The fixes one round applies: those that apply, in text order, none overlapping another.

    A fix that overlaps one chosen before it is left for the next round, when the text
    has been linted again; a fix equal to one chosen (two findings, one correction) is
    applied once. The edits taken so far are kept sorted, so each check looks at two
    neighbours: a report with thousands of fixes is chosen in n log n.
    """
    candidates = [d.fix for d in diagnostics if d.fix is not None and applies(d.fix, unsafe)]
    candidates.sort(key=lambda fix: min(edit.start for edit in fix.edits))
    chosen: list[Fix] = []
    seen: set[Fix] = set()
    starts: list[tuple[int, int]] = []
    taken: list[TextEdit] = []
    for fix in candidates:
        if fix in seen or any(_collides(edit, starts, taken) for edit in fix.edits):
            continue
        edits = sorted(fix.edits, key=lambda edit: edit.start)
        if any(_overlap(a, b) for a, b in itertools.pairwise(edits)):
            continue  # a malformed fix whose own edits overlap is never applied
        seen.add(fix)
        chosen.append(fix)
        for edit in edits:
            index = bisect.bisect_left(starts, edit.start)
            starts.insert(index, edit.start)
            taken.insert(index, edit)
    return chosen


def _collides(edit: TextEdit, starts: list[tuple[int, int]], taken: list[TextEdit]) -> bool:
    """Whether *edit* overlaps one of *taken* (sorted by start, not overlapping each other)."""
    index = bisect.bisect_left(starts, edit.start)
    return any(_overlap(edit, taken[i]) for i in (index - 1, index) if 0 <= i < len(taken))


def _overlap(a: TextEdit, b: TextEdit) -> bool:
    """Whether two edits touch the same text (two insertions at one place count)."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


@record(slots=True)
class _Lines:
    """Where each line of a text starts and where its content ends (before the line break)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    visible: dict[int, list[int] | None]
    """Per line asked for: the indexes of its visible characters, or ``None`` when all are."""

    @classmethod
    def of(cls, text: str) -> _Lines:
        """The lines of *text*, split at every line break the text reader honours."""
        starts, ends = [0], []
        for match in _LINE_BREAK.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        return cls(text, tuple(starts), tuple(ends), {})

    def _visible(self, line: int, count: int) -> int | None:
        """The index of the line's character after *count* visible ones (its end after all of them)."""
        start, stop = self.starts[line - 1], self.ends[line - 1]
        if line not in self.visible:  # computed once per line, however many edits it has
            content = self.text[start:stop]
            clean = content.isascii() or not any(char in _INVISIBLE for char in content)
            self.visible[line] = None if clean else [start + i for i, c in enumerate(content) if c not in _INVISIBLE]
        indexes = self.visible[line]
        total = stop - start if indexes is None else len(indexes)
        if count > total:
            return None
        if count == total:
            return stop
        return start + count if indexes is None else indexes[count]

    def offset(self, line: int, column: int, *, end: bool = False) -> int | None:
        """The index in the text of a 1-based *line* and *column* counted without invisible characters.

        An *end* (exclusive) lands right after the character before it, so an invisible
        character just after an edit is kept; ``None`` for a position outside the text.
        """
        if not 0 < line <= len(self.starts) or column < 1:
            return None
        if not end or column == 1:
            return self._visible(line, column - 1)
        last = self._visible(line, column - 2)
        return None if last is None or last >= self.ends[line - 1] else last + 1


def apply(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """*text* with *fixes* applied (non-overlapping, as :func:`choose` gives them) and how many were.

    A fix with an edit outside the text (a stale finding) is not applied. The new text
    is joined from pieces in one pass, however many edits there are.
    """
    lines = _Lines.of(text)
    placed: list[tuple[int, int, str]] = []
    applied = 0
    for fix in fixes:
        spans = []
        for edit in fix.edits:
            start = lines.offset(edit.line, edit.column)
            stop = lines.offset(edit.end_line, edit.end_column, end=True)
            if start is None or stop is None or stop < start:
                break
            spans.append((start, stop, edit.replacement))
        else:
            placed += spans
            applied += 1
    pieces, position = [], 0
    for start, stop, replacement in sorted(placed):
        pieces += [text[position:start], replacement]
        position = stop
    pieces.append(text[position:])
    return "".join(pieces), applied


@record(frozen=True, slots=True)
class FixedText:
    """The outcome of fixing one text: the new text, how many fixes were applied, what remains."""

    text: str
    fixed: int
    remaining: tuple[Diagnostic, ...]
    """The findings of the fixed text."""
    stable: bool = True
    """False when :data:`MAX_ROUNDS` rounds were not enough to apply every fix."""


def fix_text(
    text: str, lint: Lint, *, unsafe: bool = False, found: Sequence[Diagnostic] | None = None, rounds: int = MAX_ROUNDS
) -> FixedText:
    """Apply the fixes of *text*'s findings round after round, re-linting with *lint* after each.

    *found* are the findings of *text* when the caller already has them (else *lint*
    makes them first).
    """
    remaining = tuple(lint(text) if found is None else found)
    fixed = 0
    for _ in range(rounds):
        chosen = choose(remaining, unsafe)
        if not chosen:
            return FixedText(text, fixed, remaining)
        new, applied = apply(text, chosen)
        if not applied or new == text:
            return FixedText(text, fixed, remaining)
        text, fixed = new, fixed + applied
        remaining = tuple(lint(text))
    return FixedText(text, fixed, remaining, stable=not choose(remaining, unsafe))


# -- files ---------------------------------------------------------------------------
class UnwritableEncodingError(ValueError):
    """A file whose bytes would not come back the same after decoding and encoding again."""


@record(frozen=True, slots=True)
class EncodedText:
    """A text file's text with what writing it back needs: its encoding and its BOM."""

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """*text* as this file's bytes."""
        return self.bom + text.encode(self.encoding)


def decode_file(data: bytes) -> EncodedText:
    """The text of a report file and how to write it back unchanged but for the fixes.

    Raises :class:`UnwritableEncodingError` when re-encoding the text would not give
    back *data* (a UTF-8 file cut in the middle of a character): such a file is not rewritten.
    """
    try:
        decoded = decode(data)
    except UndecodableError as error:
        raise UnwritableEncodingError(str(error)) from None
    bom, encoding = b"", decoded.encoding
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    encoded = EncodedText(decoded.text, encoding, bom)
    try:
        same = encoded.encode(decoded.text) == data
    except UnicodeEncodeError:
        same = False
    if not same:
        raise UnwritableEncodingError(f"按 {decoded.encoding} 重新编码后与原文件不一致")
    return encoded


@record(frozen=True, slots=True)
class FileFix:
    """One file fixed in memory: its text before and after, and its bytes to write."""

    path: str
    before: str
    after: FixedText
    data: bytes

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return self.after.fixed > 0 and self.after.text != self.before

    def diff(self) -> str:
        """The change as a unified diff (``---``/``+++`` name the file, as ruff's do), empty when there is none.

        Lines are split where the text reader splits them; control characters, bidi
        overrides and U+2028/U+2029 of the report are escaped as in every output
        (:func:`reportlint.escaping.printable`), so a diff on a terminal obeys nothing.
        """
        import difflib  # only --diff needs it

        from reportlint.escaping import printable

        lines = difflib.unified_diff(
            _lines_with_ends(self.before),
            _lines_with_ends(self.after.text),
            fromfile=printable(self.path),
            tofile=printable(self.path),
        )
        out = []
        for line in lines:
            body = line.rstrip("\r\n")
            end = line[len(body) :]
            out.append(printable(body, keep="\t") + (end if end else "\n\\ No newline at end of file\n"))
        return "".join(out)


def _lines_with_ends(text: str) -> list[str]:
    """*text*'s lines, each with its line break (the last one may have none)."""
    lines, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def fix_file(path: str, data: bytes, lint: Lint, *, unsafe: bool = False) -> FileFix:
    """Fix the report *data* read from *path* in memory; the caller writes :attr:`FileFix.data` (or shows the diff).

    Raises :class:`UnwritableEncodingError` for a file that cannot be written back as it was.
    """
    encoded = decode_file(data)
    outcome = fix_text(encoded.text, lint, unsafe=unsafe)
    return FileFix(path, encoded.text, outcome, encoded.encode(outcome.text))


# -- a run over files ----------------------------------------------------------------
LintBytes = Callable[[bytes, str], Sequence[Diagnostic]]
"""Lints a file's bytes under its path and returns that file's findings (``Session.lint_bytes``)."""


@record(frozen=True, slots=True)
class FixRun:
    """What fixing the files of a run did: the files changed, and lines for the user (in Chinese)."""

    files: tuple[FileFix, ...] = ()
    """The files whose text changed (written, unless only a diff was asked for)."""
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    """Files that had fixes but could not be rewritten."""

    @property
    def fixed(self) -> int:
        """How many fixes were applied in all."""
        return sum(file.after.fixed for file in self.files)


def fix_paths(
    found: Sequence[Diagnostic], lint: LintBytes, *, unsafe: bool = False, write: bool = True, skip: Iterable[str] = ()
) -> FixRun:
    """Fix every file among *found*'s findings that has a fix to apply, and write it back when *write*.

    Files named in *skip* (standard input) and files that are not plain text are left
    alone, with a note; a file is read again here, so fixes apply to what is on disk now.
    """
    skipped = set(skip)
    fixable: dict[str, int] = {}
    for diagnostic in found:
        if applies(diagnostic.fix, unsafe):
            fixable[diagnostic.path] = fixable.get(diagnostic.path, 0) + 1
    files: list[FileFix] = []
    notes: list[str] = []
    errors: list[str] = []
    for path, count in fixable.items():
        if path in skipped or not rewritable(path):
            why = "标准输入不会被改写" if path in skipped else "只修改 .txt 文件，本文件未修改"
            notes.append(f"{path}：{why}（有 {count} 处建议修复，见 --show-fixes）")
            continue
        outcome, problem = _fix_one(path, lint, unsafe=unsafe, write=write)
        if problem is not None:
            errors.append(problem)
            continue
        if outcome is None or not outcome.changed:
            continue
        files.append(outcome)
        notes.append(f"{path}：{'已修复' if write else '可修复'} {outcome.after.fixed} 处")
        if not outcome.after.stable:
            notes.append(f"{path}：修复 {MAX_ROUNDS} 轮后仍有可修复的问题，已停止")
    return FixRun(tuple(files), tuple(notes), tuple(errors))


def _fix_one(path: str, lint: LintBytes, *, unsafe: bool, write: bool) -> tuple[FileFix | None, str | None]:
    """Fix one file: (its outcome, or ``None``; why it could not be fixed, or ``None``)."""
    from reportlint.atomic import write_bytes_atomically

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        outcome = fix_file(path, data, lambda text: lint(text.encode("utf-8"), path), unsafe=unsafe)
        if write and outcome.changed:
            write_bytes_atomically(path, outcome.data)
    except UnwritableEncodingError as error:
        return None, f"{path}：无法按原编码写回，未修改（{error}）"
    except OSError as error:
        return None, f"{path}：无法写入修复：{error.strerror or error}"
    return outcome, None


def fixable_summary(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str:
    """The line that ends the default format when ``--fix`` could fix something, as ruff's ``[*] N fixable``.

    It counts findings in files ``--fix`` rewrites; unsafe fixes are counted apart
    unless ``--unsafe-fixes`` is given. ``""`` when there is nothing to fix.
    """
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.edits and rewritable(d.path)]
    safe = sum(fix.safe for fix in fixes)
    hidden = len(fixes) - safe
    if unsafe:
        safe, hidden = len(fixes), 0
        option = "--fix --unsafe-fixes"
    else:
        option = "--fix"
    more = f"（另有 {hidden} 个需确认的修复，可加 --unsafe-fixes 启用）" if hidden else ""
    if safe:
        return f"[*] 其中 {safe} 个可用 {option} 自动修复{more}。\n"
    return f"没有可自动修复的问题{more}。\n" if hidden else ""
