"""Test helpers for rule authors: pass/fail cases as data, one YAML file per rule.

reportlint's own rules are tested with these helpers, and third-party packs use the
same ones. A case file looks like::

    rule: A001
    cases:
      - name: the clean report passes
        base: clean-2021.txt          # in base_dir if given, else next to the YAML file
        expect: []
      - name: a wrong total is reported at its cell
        base: clean-2021.txt
        edits:                         # each "old" must occur exactly once
          - old: "（七）总计\\n\\t8\\n"
            new: "（七）总计\\n\\t9\\n"
        expect:
          - {at: "（七）总计\\n\\t9", code: A001, message: "9"}
      - name: inline text works too, and options can be set
        text: |
          ...
        options: {tolerance: 0.5}      # validated by the rule's options model
        expect:
          - {line: 1, column: 1}

A case may also say what the rule's suggested fixes make of the document, as edits of
the case's document (after its own edits): ``fixed`` after the safe fixes (what
``--fix`` does), ``unsafe-fixed`` after all of them (``--fix --unsafe-fixes``); ``[]``
says the fixes change nothing::

      - name: the inner title marks become 〈〉
        text: "依据《关于印发《名录》的通知》。\n"
        expect: [{line: 1}]
        fixed:
          - {old: "《名录》", new: "〈名录〉"}

A cross-year rule's case may carry last year's report::

      - name: a cross-year rule compares the case with last year's report
        base: clean-2021.txt
        previous:                      # a second document (base or text, and edits)
          base: clean-2021.txt         # read as "previous.txt"
          edits: [...]
        expect: []

Only the case's rule runs, and the case passes when that rule's findings are exactly
the expected ones (line and code; column and message substrings when given). A case
with ``previous`` checks its report against that one as last year's report, as
``--previous previous.txt`` does; the expected findings are in the case's own report.

An expected finding names its line in one of two ways. ``at`` is text of the case's
document (after the edits) that must occur there exactly once: the finding is on the
line where that text ends, so text spanning lines (``"（七）总计\\n\\t9"``) reaches a table
cell whose own text is not unique. Fixtures can then grow or shrink without breaking
the cases. ``line`` is the line number itself, for cases about one particular line
(the first line of a short inline text). An ``at`` text that occurs more than once or
not at all fails its case, naming the case and the text. ``column`` stays a number:
it counts within the line, so lines added above do not move it.
Use it from pytest with :func:`parametrize_cases`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.diagnostics import Diagnostic, EngineCode
from reportlint.engine import Linter
from reportlint.fixing import fix_text
from reportlint.options import validate
from reportlint.plugins import Registry, collect_rules, create_manager
from reportlint.policy import Policy, Selection
from reportlint.records import record

if TYPE_CHECKING:
    from reportlint.model.report import Report

PREVIOUS_NAME = "previous.txt"
"""The name a case's ``previous`` report goes by in messages."""


class CaseFileError(ValueError):
    """A case file that does not follow the format above."""


class AtTextError(CaseFileError):
    """An ``at`` text that does not occur exactly once in its case's document."""


@record(frozen=True, slots=True)
class Expected:
    """One finding a case expects; *at* is the text its line was located by, if any."""

    line: int
    code: str
    column: int | None = None
    message: str | None = None
    at: str | None = None

    def matches(self, diagnostic: Diagnostic) -> bool:
        """Whether *diagnostic* is this expected finding."""
        return (
            diagnostic.line == self.line
            and diagnostic.code == self.code
            and (self.column is None or diagnostic.column == self.column)
            and (self.message is None or self.message in diagnostic.message)
        )

    def describe(self) -> str:
        """``127: A001 '应为2' (at '（一）予以公开\\n\\t3')``: how a failing case names it."""
        where = f"{self.line}:{self.column}" if self.column is not None else str(self.line)
        message = f" {self.message!r}" if self.message is not None else ""
        located = f" (at {self.at!r})" if self.at is not None else ""
        return f"{where}: {self.code}{message}{located}"


@record(frozen=True, slots=True)
class RuleCase:
    """One pass or fail case of one rule.

    *errors* are faults of the case found while loading it that concern this case alone
    (an ``at`` text that does not occur exactly once): :func:`check_case` fails the case
    with them, and the other cases of the file still run.
    """

    rule: str
    name: str
    text: str
    source: str
    expect: tuple[Expected, ...] = field(default=())
    options: dict[str, Any] = field(default_factory=dict)
    errors: tuple[str, ...] = field(default=())
    previous: str | None = None
    """Last year's report, for cross-year rules (:class:`reportlint.rulebase.PairRule`)."""
    fixed: str | None = None
    """The document after the rule's safe fixes, when the case says (``fixed``)."""
    unsafe_fixed: str | None = None
    """The document after all the rule's fixes, unsafe ones too (``unsafe-fixed``)."""

    @property
    def id(self) -> str:
        """A pytest id: ``A001: the clean report passes``."""
        return f"{self.rule}: {self.name}"


def line_of(text: str, at: str) -> int:
    """The 1-based line of *text* on which *at* ends; *at* must occur in *text* exactly once.

    Lines are split at ``\\n``, as the case texts are written. A trailing newline of *at*
    does not count: ``"（七）总计\\n"`` is the label's line. Raises :class:`AtTextError`
    naming the text when it occurs more than once (with the lines where it starts) or not
    at all, and :class:`CaseFileError` when it is empty.
    """
    if not at:
        raise CaseFileError("an 'at' text must not be empty")
    starts = _occurrences(text, at)
    if len(starts) != 1:
        if not starts:
            raise AtTextError(f"the 'at' text {at!r} does not occur in the document")
        lines = ", ".join(str(text.count("\n", 0, start) + 1) for start in starts[:10])
        more = ", ..." if len(starts) > 10 else ""
        raise AtTextError(
            f"the 'at' text {at!r} occurs {len(starts)} times (starting on lines {lines}{more}), "
            "it must occur exactly once: quote more of the line, or lines before it"
        )
    start = starts[0]
    end = start + len(at.rstrip("\n"))
    return text.count("\n", 0, max(end, start + 1) - 1) + 1


def _occurrences(text: str, at: str) -> list[int]:
    """Every offset where *at* starts in *text*, overlapping ones included."""
    starts: list[int] = []
    index = text.find(at)
    while index != -1:
        starts.append(index)
        index = text.find(at, index + 1)
    return starts


def load_cases(path: str | Path, base_dir: str | Path | None = None) -> list[RuleCase]:
    """Load the cases of one YAML file; ``base`` files are looked up in *base_dir* or beside it."""
    import yaml

    path = Path(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when built in: the same, ten times faster
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict) or "rule" not in data or not isinstance(data.get("cases"), list):
        raise CaseFileError(f"{path}: expected a mapping with 'rule' and a list 'cases'")
    rule = str(data["rule"])
    folder = Path(base_dir) if base_dir is not None else path.parent
    return [_load_case(rule, raw, folder, path) for raw in data["cases"]]


def _load_case(rule: str, raw: Any, folder: Path, path: Path) -> RuleCase:
    if not isinstance(raw, dict) or "name" not in raw:
        raise CaseFileError(f"{path}: every case needs a 'name'")
    name = str(raw["name"])
    text = _document(raw, folder, f"{path}: case {name!r}")
    previous = raw.get("previous")
    if previous is not None and not isinstance(previous, dict):
        raise CaseFileError(f"{path}: case {name!r}: 'previous' must be a mapping with 'text' or 'base'")
    expect: list[Expected] = []
    errors: list[str] = []
    for number, item in enumerate(raw.get("expect") or [], start=1):
        try:
            expect.append(_load_expected(rule, item, text))
        except AtTextError as error:
            errors.append(f"expected finding {number}: {error}")
        except CaseFileError as error:
            raise CaseFileError(f"{path}: case {name!r}: expected finding {number}: {error}") from None
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise CaseFileError(f"{path}: case {name!r}: 'options' must be a mapping")
    previous_text = _document(previous, folder, f"{path}: case {name!r}: previous") if previous else None
    fixed = {
        key: _edited(text, raw[key], f"{path}: case {name!r}: {key}") if key in raw else None
        for key in ("fixed", "unsafe-fixed")
    }
    return RuleCase(
        rule,
        name,
        text,
        f"{path}::{name}",
        tuple(expect),
        options,
        tuple(errors),
        previous_text,
        fixed["fixed"],
        fixed["unsafe-fixed"],
    )


def _document(raw: dict[str, Any], folder: Path, where: str) -> str:
    """A case's report: inline ``text`` or a ``base`` file, with its ``edits`` applied."""
    if "text" in raw:
        text = str(raw["text"])
    elif "base" in raw:
        text = (folder / str(raw["base"])).read_text(encoding="utf-8")
    else:
        raise CaseFileError(f"{where} needs 'text' or 'base'")
    return _edited(text, raw.get("edits") or [], where)


def _edited(text: str, edits: Any, where: str) -> str:
    """*text* with each ``{old, new}`` of *edits* applied; each *old* must occur exactly once."""
    if not isinstance(edits, list):
        raise CaseFileError(f"{where}: edits must be a list of {{old, new}} mappings")
    for edit in edits:
        if not isinstance(edit, dict) or "old" not in edit or "new" not in edit:
            raise CaseFileError(f"{where}: each edit needs 'old' and 'new'")
        old, new = str(edit["old"]), str(edit["new"])
        count = text.count(old)
        if count != 1:
            raise CaseFileError(f"{where}: edit text occurs {count} times, not once: {old!r}")
        text = text.replace(old, new)
    return text


def _load_expected(rule: str, item: Any, text: str) -> Expected:
    """One ``expect`` entry, its line given as ``line`` or located by its ``at`` text."""
    if not isinstance(item, dict):
        raise CaseFileError('must be a mapping such as {at: "text on the line", message: "..."}')
    if ("line" in item) == ("at" in item):
        raise CaseFileError("give either 'line' or 'at', not both and not neither")
    at = item.get("at")
    if "at" in item and not isinstance(at, str):
        raise CaseFileError(f"'at' must be text, not {at!r}")
    line = line_of(text, at) if at is not None else _line_number(item["line"])
    column = item.get("column")
    return Expected(line=line, code=str(item.get("code", rule)), column=column, message=item.get("message"), at=at)


def _line_number(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise CaseFileError(f"'line' must be a line number, not {value!r}") from None


def iter_case_files(folder: str | Path) -> Iterator[Path]:
    """Every ``*.yml`` / ``*.yaml`` file under *folder*, sorted."""
    folder = Path(folder)
    yield from sorted([*folder.rglob("*.yml"), *folder.rglob("*.yaml")])


@lru_cache(maxsize=1)
def _plugins() -> tuple[Any, Registry]:
    manager = create_manager()
    return manager, collect_rules(manager)


@lru_cache(maxsize=32)
def _model(name: str, text: str) -> Report | None:
    """The report model of a case's text, read once for all the cases that share the text.

    Many cases check the same unedited fixture, and reading (parse and model) costs
    far more than one rule; the rules only read a model, as in a run where every rule
    checks the same one. ``None`` when reading raises: the case then runs through
    :meth:`Linter.lint_bytes`, which reports the fault as a finding.
    """
    from reportlint.engine import read_report

    manager, _ = _plugins()
    try:
        return read_report(manager, name, text.encode("utf-8"))
    except Exception:
        return None


def run_case(case: RuleCase) -> list[Diagnostic]:
    """Run only the case's rule on its text and return the findings."""
    manager, registry = _plugins()
    if case.rule not in registry.rules:
        raise CaseFileError(f"{case.source}: rule {case.rule} is not installed")
    options = {case.rule: validate(registry.rules[case.rule].Options, case.options)} if case.options else {}
    linter = Linter(manager, registry, Policy(Selection.of(select=(case.rule,))), options)
    current = _model("case.txt", case.text)
    if current is not None:
        diagnostics = linter.check(current)
    else:
        diagnostics = linter.lint_bytes("case.txt", case.text.encode("utf-8"))
    if case.previous is not None:
        from reportlint.crossyear import check_pair

        if current is None:
            current = linter.read("case.txt", case.text.encode("utf-8"))
        previous = _model(PREVIOUS_NAME, case.previous)
        if previous is None:
            previous = linter.read(PREVIOUS_NAME, case.previous.encode("utf-8"))
        diagnostics += check_pair(linter, current, previous, PREVIOUS_NAME)
    crashes = [d for d in diagnostics if d.code in (EngineCode.INTERNAL_ERROR, EngineCode.RULE_CRASHED)]
    if crashes:
        raise AssertionError(f"case {case.source}: {crashes[0].message}")
    return [d for d in diagnostics if d.code == case.rule]


def check_case(case: RuleCase) -> None:
    """Assert that the case's rule finds exactly what the case expects, no more, no fewer.

    Each expected finding is matched by one finding of its own, so a finding reported
    twice needs two expectations. A rule that raises fails the case, and so does a
    case whose ``at`` text could not be located.
    """
    if case.errors:
        raise AssertionError("\n".join([f"case {case.source}", *(f"  {error}" for error in case.errors)]))
    found = run_case(case)
    unexpected = list(found)
    missing: list[Expected] = []
    for expected in case.expect:
        match = next((d for d in unexpected if expected.matches(d)), None)
        if match is None:
            missing.append(expected)
        else:
            unexpected.remove(match)
    if missing or unexpected:
        lines = [f"case {case.source}"]
        lines += [f"  expected but not found: {e.describe()}" for e in missing]
        lines += [f"  found but not expected: {d.line}:{d.column}: {d.code} {d.message}" for d in unexpected]
        raise AssertionError("\n".join(lines))
    _check_fixes(case)


def _check_fixes(case: RuleCase) -> None:
    """Assert that the rule's fixes make of the document what ``fixed`` / ``unsafe-fixed`` say."""
    for wanted, unsafe, key in ((case.fixed, False, "fixed"), (case.unsafe_fixed, True, "unsafe-fixed")):
        if wanted is None:
            continue
        outcome = fix_text(case.text, lambda text: run_case(replace(case, text=text)), unsafe=unsafe)
        if outcome.text != wanted:
            diff = difflib.unified_diff(
                wanted.splitlines(keepends=True), outcome.text.splitlines(keepends=True), key, "after the fixes"
            )
            raise AssertionError(f"case {case.source}: {key} differs\n" + "".join(diff))


def parametrize_cases(folders: Sequence[str | Path], base_dir: str | Path | None = None) -> Any:
    """A ``pytest.mark.parametrize`` over every case in *folders*, argument name ``case``."""
    import pytest

    cases = [case for folder in folders for path in iter_case_files(folder) for case in load_cases(path, base_dir)]
    return pytest.mark.parametrize("case", cases, ids=[case.id for case in cases])
