"""Rules and rule packs: what a plugin author subclasses and returns.

A rule is a class with declarative metadata (code, name, summary, severity, options
model) checked when the class is defined, and a ``check`` method that yields
:class:`reportlint.diagnostics.Finding` values and never prints. Each fact about a rule
is written once: its summary is the ``summary`` attribute, its options are the fields of
its options model (the type argument of ``Rule[...]``), and its docstring holds only the
four sections — 检查内容： / 为何重要： / 示例： / 修改方法： for the built-in rules, or
What it does: / Why it matters: / Example: / Fix: for third-party packs written in
English (:data:`DOC_STYLES`) — which ``--explain`` and the docs show under the summary and
above the options section rendered from the model, in the docstring's language.

The helpers at the end are the shapes rules keep repeating: the prose paragraphs of a
report with their positions (:func:`prose`), and a finding at a span given by offsets
within a line, paragraph or cell (:meth:`Rule.at_span`, :meth:`Rule.at_match`). A rule
that knows the correction attaches it in the same call: ``fix=`` takes what
:meth:`Rule.text_fix` or :meth:`Rule.cell_fix` build from offsets or a cell.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar, cast, get_args, get_origin

from reportlint.diagnostics import CellEvidence, Evidence, Finding, Fix, Severity, TextEdit
from reportlint.lazyre import lazy_compile
from reportlint.model import CellRef, Report
from reportlint.options import OptionsModel, defaults, is_options_model
from reportlint.records import record

CODE_RE = lazy_compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME_RE = lazy_compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@record(frozen=True, slots=True)
class DocStyle:
    """One language a rule docstring may be written in: its section names and their wording.

    The built-in rules are documented in Chinese; third-party packs may keep English. The
    options section is rendered (never written by hand) in the docstring's language, so
    the renderers take its heading and its "no options" text from here too.
    """

    language: str
    """``"zh"`` or ``"en"``."""
    sections: tuple[str, str, str, str]
    """The four sections a docstring must have, in this order."""
    colon: str
    """What ends a section's heading line: full-width ``：`` in Chinese, ``:`` in English."""
    options: str
    """The heading of the rendered options section."""
    no_options: str
    """What the options section says for a rule without options."""

    def heading(self, section: str) -> str:
        """A section's heading as written in a docstring: ``检查内容：``, ``What it does:``."""
        return section + self.colon


CHINESE = DocStyle("zh", ("检查内容", "为何重要", "示例", "修改方法"), "：", "选项", "无。")
"""The sections of every built-in rule's docstring."""
ENGLISH = DocStyle("en", ("What it does", "Why it matters", "Example", "Fix"), ":", "Options", "None.")
"""The sections a third-party pack may use instead."""
DOC_STYLES = (CHINESE, ENGLISH)
"""The accepted languages. A docstring uses one of them throughout."""
DOC_SECTIONS = CHINESE.sections
"""The sections of a built-in rule's docstring, in this order. Its summary is the
``summary`` attribute and its options section is rendered from its options model, so the
docstring has neither a summary line nor an options section."""
_SECTION_LINE_RE = lazy_compile(
    "^("
    + "|".join(sorted({re.escape(name) for style in DOC_STYLES for name in (*style.sections, style.options)}))
    + ")([:：])[ \t]*"
)
"""A line that starts a section: a known heading at the docstring's left margin (bodies are
indented). Only the known names are looked for, which is all the checks use; a class of
any Chinese character would cost more to compile than checking every docstring."""


def doc_style(doc: str) -> DocStyle:
    """The language of a rule docstring: the style whose first section heading starts it.

    A docstring that starts with neither (which a defined rule's cannot) counts as English.
    """
    for style in DOC_STYLES:
        if doc.startswith(style.heading(style.sections[0])):
            return style
    return ENGLISH


class RuleDefinitionError(TypeError):
    """A rule class whose metadata is missing or malformed."""


class RuleOptions(OptionsModel):
    """Base of every rule's options: annotated attributes with :func:`reportlint.options.Field`
    defaults; a configuration table is validated against them only when one sets the rule's
    options (see :mod:`reportlint.options`), and unknown keys are errors."""


class NoOptions(RuleOptions):
    """The options model of a rule that has no options."""


if TYPE_CHECKING:
    # The default (PEP 696) is for type checkers only: importing typing_extensions at run
    # time would cost a tenth of a flake8 start-up, and nothing at run time reads it.
    from typing_extensions import TypeVar as DefaultedTypeVar

    OptionsT = DefaultedTypeVar("OptionsT", covariant=True, default=Any)
else:
    OptionsT = TypeVar("OptionsT", covariant=True)
"""A rule's options model. Covariant, and ``Any`` when not given, so that a bare
``Rule`` (or ``type[Rule]``) stands for any rule, whatever its options."""


class Located(Protocol):
    """Anything with a position in the text: a line, a paragraph, a table cell."""

    @property
    def line(self) -> int:
        """The 1-based line."""
        ...

    @property
    def column(self) -> int:
        """The 1-based column where its text starts."""
        ...


class Rule(Generic[OptionsT]):
    """Base class of every rule. Subclass it once per rule, one rule per file.

    Subclasses set ``code``, ``name``, ``summary`` and optionally ``severity``, and
    implement :meth:`check`. A rule with options names its options model as the type
    argument, ``class A008(Rule[A008Options])``: that model validates the user's
    configuration, types ``self.options`` and is the rule's ``Options``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[Any]] = NoOptions
    """The options model; set from the type argument of ``Rule[...]``."""
    needs_content: ClassVar[bool] = True
    """False for rules that must also run on files that could not be read (P rules)."""
    default_enabled: ClassVar[bool] = True
    """False for a rule that runs only when selected by its code or a prefix of it
    (``--select T004``, ``extend-select``), not by the default ``ALL``: its findings are
    true but, on the real reports, not worth a clerk's time by default."""
    always_reported: ClassVar[bool] = False
    """True for findings no ``--select`` may hide (unreadable input, crashes): shown
    unless ignored by code or prefix."""

    options: OptionsT

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        model = _options_argument(cls)
        if model is not None and "Options" not in cls.__dict__:
            cls.Options = model
        elif model is not None and cls.Options is not model:
            where = f"{cls.__module__}.{cls.__qualname__}"
            raise RuleDefinitionError(f"{where}: Options is not the model named in Rule[{model.__name__}]")
        if cls.__dict__.get("abstract", False):
            return
        _validate_rule_class(cls)

    def __init__(self, options: OptionsT | None = None) -> None:
        self.options = options if options is not None else cast(OptionsT, defaults(self.Options))

    def check(self, report: Report) -> Iterable[Finding]:
        """Yield findings for *report*. Must not print or raise on odd input."""
        raise NotImplementedError

    # -- helpers for rule authors ------------------------------------------------
    def at_line(
        self,
        report: Report,
        message: str,
        line: int,
        column: int = 1,
        *,
        length: int | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding anchored to a line of text (its normalised text is the anchor).

        Give *length* (in characters) when the offending text is known, so editors
        and SARIF viewers can underline exactly that span; *fix* is its suggested fix.
        """
        end_column = column + length if length else None
        anchor = report.anchor(line, column)
        end_line = line if end_column else None
        if report.wrapped:  # a paragraph joined from wrapped lines: point into the right line
            if end_column is not None:
                end_line, end_column = report.locate(line, end_column)
            line, column = report.locate(line, column)
        return Finding(
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            anchor=anchor,
            fix=fix,
        )

    def at_span(
        self,
        report: Report,
        message: str,
        where: Located,
        start: int,
        end: int | None = None,
        *,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding at ``text[start:end]`` of *where* (a line, a paragraph or a cell).

        *start* and *end* are offsets into *where*'s text, as a regular-expression match
        or ``str.find`` gives them; the finding's column, end column and anchor follow
        from *where*'s position. Without *end* nothing is underlined. *fix* is the
        finding's suggested fix (:meth:`text_fix`).
        """
        length = end - start if end is not None else None
        return self.at_line(report, message, where.line, where.column + start, length=length, fix=fix)

    def at_match(
        self,
        report: Report,
        message: str,
        where: Located,
        match: re.Match[str],
        group: int | str = 0,
        *,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding at what *match* (or its *group*) matched in *where*'s text."""
        return self.at_span(report, message, where, match.start(group), match.end(group), fix=fix)

    def text_fix(
        self, report: Report, where: Located, title: str, edits: Iterable[tuple[int, int, str]], *, safe: bool = True
    ) -> Fix | None:
        """A fix that replaces ``text[start:end]`` of *where* by each replacement of *edits*.

        *edits* are (start, end, replacement) with offsets into *where*'s text, as for
        :meth:`at_span`; *title* says in Chinese what the fix does. Give ``safe=False``
        when a person must confirm it. ``None`` (no fix) when there is no edit or an edit
        would run across a line break of a wrapped paragraph, whose text between the
        lines is not the file's: a fix is offered only where it is certain.
        """
        made: list[TextEdit] = []
        for start, end, replacement in edits:
            edit = _text_edit(report, where, start, end, replacement)
            if edit is None:
                return None
            made.append(edit)
        return Fix(title, tuple(sorted(made, key=lambda edit: edit.start)), safe) if made else None

    def cell_fix(self, cell: CellRef, title: str, replacement: str, *, safe: bool = False) -> Fix | None:
        """A fix that writes *replacement* in place of a table cell's text (unsafe by default).

        Arithmetic can say which value would make a table add up, not whether the cell
        or the figures it is checked against are wrong: such fixes need a clerk's word.
        ``None`` for a blank cell (there is no text to replace) and a cell wrapped over
        several lines.
        """
        shown = cell.value.text.strip()
        if not shown or cell.first_line_length is not None:
            return None
        edit = TextEdit(cell.line, cell.column_number, cell.line, cell.column_number + len(shown), replacement)
        return Fix(title, (edit,), safe)

    def at_cell(
        self,
        message: str,
        cell: CellRef,
        *,
        expected: float | None = None,
        operands: Iterable[CellRef] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """A finding anchored to a table cell, with arithmetic evidence (and a fix, :meth:`cell_fix`).

        The end position spans the cell's text on its first line (a wrapped cell's
        first part); a blank cell has none to underline.
        """
        evidence = Evidence(expected, cell.value.number, tuple(cell_evidence(ref) for ref in operands))
        shown = cell.value.text.strip()
        length = len(shown) if cell.first_line_length is None else cell.first_line_length
        end_column = cell.column_number + length if length else None
        return Finding(
            message=message,
            line=cell.line,
            column=cell.column_number,
            end_line=cell.line if end_column else None,
            end_column=end_column,
            evidence=evidence,
            anchor=f"表{cell.table}|{cell.row_key}|{cell.column_key}",
            fix=fix,
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's full documentation: summary, docstring sections and options table.

        The text ``--explain`` prints under the rule's header and SARIF carries as help.
        """
        from reportlint.explain import documentation

        return documentation(cls)

    @classmethod
    def docstring(cls) -> str:
        """The rule's docstring (its 检查内容 … 修改方法 or What it does … Fix sections), dedented."""
        return inspect.cleandoc(cls.__doc__ or "")


# -- the prose of a report ---------------------------------------------------------------
@record(frozen=True, slots=True)
class Paragraph:
    """One non-empty line of prose (a paragraph, an item or a heading) and where it is."""

    section: int | None
    """The section it is in (1 to 6), ``None`` for the preamble."""
    text: str
    line: int
    column: int
    """The column where ``text`` starts: add an offset into ``text`` to place a finding."""


def _paragraphs(report: Report) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(section, line.text, line.line, line.column) for section, line in report.text_lines() if line.text
    )


def prose(report: Report, sections: Collection[int | None] | None = None) -> Iterator[Paragraph]:
    """The report's prose, paragraph by paragraph in reading order, section headings included.

    With *sections*, only the paragraphs of those sections (``None`` is the preamble).
    Tables are not prose: their cells are in ``report.tables``. Computed once per
    report, however many rules read it.
    """
    for paragraph in report.derived(_paragraphs):
        if sections is None or paragraph.section in sections:
            yield paragraph


def joined_fix(title: str, fixes: Iterable[Fix | None], *, safe: bool = True) -> Fix | None:
    """One fix made of the edits of *fixes* (``None`` ones left out), for a finding that stands for many places.

    ``None`` when no edit is left. It is safe only when *safe* and every part is.
    """
    parts = [fix for fix in fixes if fix is not None]
    edits = tuple(sorted((edit for fix in parts for edit in fix.edits), key=lambda edit: edit.start))
    return Fix(title, edits, safe and all(fix.safe for fix in parts)) if edits else None


def _text_edit(report: Report, where: Located, start: int, end: int, replacement: str) -> TextEdit | None:
    """The edit of ``text[start:end]`` of *where* at its place in the file, or ``None`` across a wrap."""
    line, column = report.locate(where.line, where.column + start)
    if end <= start:
        return TextEdit(line, column, line, column, replacement)
    end_line, last = report.locate(where.line, where.column + end - 1)
    if end_line != line or last - column != end - 1 - start:
        return None
    return TextEdit(line, column, line, last + 1, replacement)


def cell_evidence(ref: CellRef) -> CellEvidence:
    """The evidence record of one cell."""
    return CellEvidence(
        table=ref.table,
        row=ref.row_key,
        column=ref.column_key,
        value=ref.value.number,
        text=ref.value.text,
        line=ref.line,
        column_number=ref.column_number,
    )


def _validate_rule_class(cls: type[Rule]) -> None:
    """Check a rule's metadata when its class is defined, not when it first runs."""
    where = f"{cls.__module__}.{cls.__qualname__}"
    for attribute in ("code", "name", "summary"):
        if not isinstance(getattr(cls, attribute, None), str) or not getattr(cls, attribute):
            raise RuleDefinitionError(f"{where}: missing class attribute {attribute!r}")
    if not CODE_RE.match(cls.code):
        raise RuleDefinitionError(f"{where}: code {cls.code!r} is not a prefix and three digits")
    if not NAME_RE.match(cls.name):
        raise RuleDefinitionError(f"{where}: name {cls.name!r} is not kebab-case")
    if not is_options_model(cls.Options):
        raise RuleDefinitionError(f"{where}: Options must be a RuleOptions subclass or a pydantic model")
    if not cls.__module__.startswith(_BUILTIN_RULES):  # the built-in docstrings are checked by their tests
        validate_docstring(cls)


_BUILTIN_RULES = "reportlint_rules."
"""The built-in packs' modules: their docstrings' shape is held by ``tests/test_rulebase.py``
instead of at every start (a few milliseconds for seventy-odd rules)."""


def validate_docstring(cls: type[Rule]) -> None:
    """Raise :class:`RuleDefinitionError` unless *cls*'s docstring has the sections ``--explain`` shows."""
    _validate_docstring(f"{cls.__module__}.{cls.__qualname__}", inspect.cleandoc(cls.__doc__ or ""))


def _options_argument(cls: type) -> type[Any] | None:
    """The options model named as the type argument of ``Rule[...]`` in *cls*'s bases."""
    for base in getattr(cls, "__orig_bases__", ()):
        origin = get_origin(base)
        if isinstance(origin, type) and issubclass(origin, Rule):
            for argument in get_args(base):
                if isinstance(argument, type) and is_options_model(argument):
                    return argument
    return None


def _validate_docstring(where: str, doc: str) -> None:
    """The docstring has one language's four sections in order, and no summary line or options section."""
    starts = " or ".join(repr(style.heading(style.sections[0])) for style in DOC_STYLES)
    if not any(doc.startswith(style.heading(style.sections[0])) for style in DOC_STYLES):
        raise RuleDefinitionError(
            f"{where}: docstring must start with {starts}; the summary is the class attribute 'summary'"
        )
    style = doc_style(doc)
    headings = [(match[1], match[2]) for line in doc.splitlines() if (match := _SECTION_LINE_RE.match(line))]
    names = [name for name, _ in headings]
    if any(name in (other.options, *other.sections) for other in DOC_STYLES if other is not style for name in names):
        raise RuleDefinitionError(
            f"{where}: docstring mixes languages: it starts with {style.heading(style.sections[0])!r}, "
            f"so every section must be one of {', '.join(map(style.heading, style.sections))}"
        )
    wrong_colon = [name for name, colon in headings if name in style.sections and colon != style.colon]
    if wrong_colon:
        raise RuleDefinitionError(f"{where}: section heading(s) {', '.join(wrong_colon)} must end with {style.colon!r}")
    missing = [section for section in style.sections if section not in names]
    if missing:
        raise RuleDefinitionError(f"{where}: docstring lacks section(s) {', '.join(missing)}")
    if style.options in names:
        raise RuleDefinitionError(
            f"{where}: docstring has an {style.options} section; the options section is rendered from the "
            "options model: describe each option with Field(description=...)"
        )
    if [name for name in names if name in style.sections] != list(style.sections):
        raise RuleDefinitionError(
            f"{where}: docstring sections must come in the order {', '.join(map(style.heading, style.sections))}"
        )


class ProblemRule(Rule[NoOptions]):
    """A rule that reports what the reader and the model recorded under ``problem_kind``.

    The model notes what it could not read (an empty file, a row with the wrong
    number of values …) as ``Report.problems``; a rule of this kind turns the
    problems of one kind into findings, so they can be selected, ignored and
    documented like any other rule.
    """

    abstract = True
    problem_kind: ClassVar[str]
    """A :class:`reportlint.model.problems.ProblemKind` value."""

    def check(self, report: Report) -> Iterable[Finding]:
        """One finding per recorded problem of this rule's kind, at its position."""
        for problem in report.problems:
            if problem.kind == self.problem_kind:
                yield self.at_line(report, problem.message, problem.line, problem.column)


@record(frozen=True, slots=True)
class RulePack:
    """What a plugin's ``reportlint_rule_pack`` hook returns."""

    name: str
    prefixes: tuple[str, ...]
    rules: tuple[type[Rule], ...]


class PairRule(Rule[OptionsT]):
    """A rule that compares a report with the same agency's report of the year before.

    Subclass it like :class:`Rule`, but implement :meth:`check_pair` instead of
    ``check``. The engine calls it after the single-report rules, only for a report
    that has a previous year's report in the run (paired by agency and year, see
    :mod:`reportlint.model.pairing`) or given with ``--previous``, and only when both
    were read. Findings land in *current*: place them with ``at_line`` and
    ``at_cell`` on *current*, and quote both years' figures and *previous_path* in
    the message. Selection, severities, options and ``--explain`` work as for any rule.
    """

    abstract = True

    def check(self, report: Report) -> Iterable[Finding]:
        """A pair rule sees nothing in one report alone."""
        return ()

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterable[Finding]:
        """Yield findings for *current* against *previous* (read from *previous_path*)."""
        raise NotImplementedError
