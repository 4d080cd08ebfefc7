"""The report model and how it is built from the syntax tree.

``build_report`` is the one place that turns a :class:`reportlint.syntax.Document` into
a :class:`Report`: title, year, agency, sections, the template version (with the
reason it was chosen) and tables 二/三/四 recognised by their labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import field, replace
from typing import Any, TypeVar, cast

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import templates as tpl
from reportlint.model.bare import join_bare_cells
from reportlint.model.problems import ModelProblem, ProblemKind
from reportlint.model.sections import Section, split_sections
from reportlint.model.tables import ReportTable, build_t2, build_t3, build_t4, classify
from reportlint.model.templates import T2, T3, T4
from reportlint.model.unread import find_unread_tables
from reportlint.model.versions import UNDETECTED, TemplateVersion, detect_version
from reportlint.readers.extracted import ExtractedText
from reportlint.records import record
from reportlint.text import fold

T = TypeVar("T")
ANCHOR_CONTEXT = 24
"""Characters on each side of a finding's column that key it in baselines."""
_YEAR_RE = lazy_compile(r"((?:19|20)\d{2})\s*年")
_TITLE_WORDS = ("年度报告", "工作年报", "年度工作报告", "工作报告")
_DEPARTMENT_SUFFIXES = (
    "局", "委", "委员会", "办", "办公室", "办公厅", "厅", "中心", "院", "所", "队", "站",
    "处", "署", "会", "部", "馆", "社", "台",
)  # fmt: skip
_GOVERNMENT_MARKERS = ("人民政府", "镇", "乡", "街道", "实验区", "新区", "开发区", "管委会")


@record(slots=True)
class Report:
    """Everything a rule sees about one report."""

    path: str
    text: str
    document: syntax.Document
    title: syntax.Line | None = None
    year: int | None = None
    agency: str | None = None
    agency_kind: str | None = None
    """"government" (人民政府, 镇, 乡 …), "department" (局, 委, 办 …) or ``None``."""
    preamble: list[syntax.Block] = field(default_factory=list)
    sections: dict[int, Section] = field(default_factory=dict)
    section_order: list[int] = field(default_factory=list)
    template: TemplateVersion = UNDETECTED
    tables: dict[str, ReportTable] = field(default_factory=dict)
    problems: list[ModelProblem] = field(default_factory=list)
    readable: bool = True
    """False when the file could not be read as text: only P rules run then."""
    lines: list[str] = field(default_factory=list)
    """The text's lines (without newlines), for quoting and anchors."""
    extracted: ExtractedText | None = None
    """For a document (.docx, .html, .pdf): the extracted text with its map back to the original."""
    wrapped: dict[int, syntax.Line] = field(default_factory=dict, repr=False)
    """Paragraphs joined from several lines (a PDF's wrapped text), by their first line."""
    _anchors: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)
    _derived: dict[Callable[[Report], Any], Any] = field(default_factory=dict, repr=False)

    def derived(self, compute: Callable[[Report], T]) -> T:
        """``compute(self)``, computed once per report however many rules ask for it.

        For analyses several rules share (the table-三 identities, the sentences of
        the prose …): pass the same module-level function every time.
        """
        try:
            return cast(T, self._derived[compute])
        except KeyError:
            value = self._derived[compute] = compute(self)
            return value

    @property
    def title_year(self) -> int | None:
        """The report year when the title itself states it ("2023年…年度报告"), else ``None``.

        ``year`` falls back to the first year the preamble names, which may be a cited
        document's; rules that judge the report by its year trust only this one.
        """
        if self.year is None or self.title is None or str(self.year) not in fold(self.title.text):
            return None
        return self.year

    def detached(self) -> Report:
        """This report without its caches of shared analyses, so it can cross a process boundary.

        Derived values are whatever rules computed (closures included); the model
        itself is plain data. Call it only once every rule has run.
        """
        self._derived.clear()
        self._anchors.clear()
        return self

    def locate(self, line: int, column: int) -> tuple[int, int]:
        """Where (*line*, *column*) of a joined paragraph's text really is in the file.

        Rules count columns along a paragraph's text as if it were one line; for a
        paragraph wrapped over several lines this finds the line the character is on.
        """
        block = self.wrapped.get(line)
        if block is None or column < block.column:
            return line, column
        return block.position(column - block.column)

    def anchor(self, line: int, column: int = 1) -> str:
        """The normalised text a finding at (*line*, *column*) is keyed by in baselines.

        It is the text around the column, not the whole line: a paragraph of a report
        is one long line, and an edit elsewhere in it must not revive an accepted
        finding. Cached, since long lines can carry many findings.
        """
        key = (line, column)
        found = self._anchors.get(key)
        if found is None and self.wrapped:
            line, column = self.locate(line, column)
        if found is None:
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            start = max(column - 1 - ANCHOR_CONTEXT, 0)
            found = self._anchors[key] = fold(text[start : column - 1 + ANCHOR_CONTEXT])
        return found

    def written_length(self, text: str, line: int, column: int) -> int | None:
        """The length of *text* when it is written whole at (*line*, *column*), else ``None``.

        A row label joined from several cells, a title joined with the line above it,
        or a cell continued on the next line, has no single span on one line to underline.
        """
        if not text or not 0 < line <= len(self.lines):
            return None
        return len(text) if self.lines[line - 1].startswith(text, column - 1) else None

    def section_at(self, line: int) -> int | None:
        """The number of the section *line* falls in (``None`` for the preamble)."""
        for number in self.section_order:
            section = self.sections[number]
            if section.line <= line <= max(section.end_line, section.line):
                return number
        return None

    def text_lines(self) -> Iterator[tuple[int | None, syntax.Line]]:
        """Every line of prose with its section number (``None`` for the preamble)."""
        for block in self.preamble:
            if isinstance(block, syntax.Line):
                yield None, block
        for number in self.section_order:
            section = self.sections[number]
            yield number, section.heading
            for line in section.text_lines():
                yield number, line


def unreadable_report(path: str, kind: ProblemKind, message: str) -> Report:
    """The model of a file that could not be read: empty, apart from the reason."""
    report = Report(path=path, text="", document=syntax.Document(()), readable=False)
    report.problems.append(ModelProblem(kind, message, 1, 1))
    return report


def build_report(path: str, text: str, document: syntax.Document) -> Report:
    """Build the model of one report from its syntax tree."""
    lines = text.split("\n")
    blocks = document.blocks
    if "  " in text:  # maybe space-aligned tables (pdftotext -layout): only then is their reader loaded
        from reportlint.model.aligned import read_aligned_tables

        blocks = read_aligned_tables(blocks, lines, text)
    bare = join_bare_cells(blocks, lines)
    if bare is not document.blocks:
        document = replace(document, blocks=bare)
    report = Report(path=path, text=text, document=document, lines=lines)
    for error in document.syntax_errors:
        report.problems.append(
            ModelProblem(ProblemKind.SYNTAX, f"无法解析的内容「{error.text[:20]}」", error.line, error.column)
        )
    report.wrapped = {block.line: block for block in document.blocks if isinstance(block, syntax.Line) and block.wraps}
    report.preamble, sections = split_sections(document.blocks)
    report.sections = {section.number: section for section in sections}
    report.section_order = [section.number for section in sections]
    report.title = _find_title(report.preamble, document.blocks)
    report.year = _find_year(report)
    report.agency, report.agency_kind = _find_agency(report.title)
    grouped = _group_tables(document.blocks, report)
    tables: dict[str, ReportTable] = {}
    if grouped.get(T2):
        # Its markers do not depend on the version it is read with; its row keys and columns do.
        tables[T2] = build_t2(grouped[T2], None)
    if grouped.get(T3):
        tables[T3] = build_t3(grouped[T3])
    if grouped.get(T4):
        tables[T4] = build_t4(grouped[T4])
    report.template = detect_version(tables)
    version = report.template.version
    if T2 in tables and version not in (None, tpl.T2_DEFAULT_VERSION):
        tables[T2] = build_t2(grouped[T2], version)
    report.tables = tables
    for unread in find_unread_tables(document.blocks, set(report.tables)):
        report.problems.append(
            ModelProblem(ProblemKind.UNREAD_TABLE, unread.message, unread.line, unread.column, unread.kind)
        )
    for table in report.tables.values():
        for problem in table.problems:
            report.problems.append(ModelProblem(problem.kind, problem.message, problem.line, problem.column))
    return report


def _find_title(preamble: list[syntax.Block], blocks: tuple[syntax.Block, ...]) -> syntax.Line | None:
    """The title: the first line naming an annual report, joined with a short line above it."""
    lines = [block for block in (preamble or list(blocks[:3])) if isinstance(block, syntax.Line)]
    for index, line in enumerate(lines[:4]):
        if any(word in line.text for word in _TITLE_WORDS) and len(line.text) <= 80:
            # The line above may be apart by one blank line (a browser copy of a page).
            if index > 0 and len(lines[index - 1].text) <= 30 and lines[index - 1].line >= line.line - 2:
                above = lines[index - 1]
                return syntax.Line(above.text + line.text, above.line, above.column)
            return line
    return lines[0] if lines and len(lines[0].text) <= 80 else None


def _find_year(report: Report) -> int | None:
    """The report year: from the title, else from the first year the preamble names."""
    sources = [report.title.text] if report.title else []
    sources += [block.text for block in report.preamble if isinstance(block, syntax.Line)]
    for source in sources:
        match = _YEAR_RE.search(source)
        if match:
            return int(match[1])
    return None


def _find_agency(title: syntax.Line | None) -> tuple[str | None, str | None]:
    """The agency named before the year in the title, and whether it is a government."""
    if title is None:
        return None, None
    match = _YEAR_RE.search(title.text)
    name = (title.text[: match.start()] if match else "").strip(" 　")
    if not name and match:
        # "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
        after = title.text[match.end() :].removeprefix("度")
        name = after.split("政府信息公开")[0].strip(" 　")
    if not name:
        return None, None
    if name.endswith(_DEPARTMENT_SUFFIXES) and not name.endswith("人民政府"):
        return name, "department"
    if any(marker in name for marker in _GOVERNMENT_MARKERS) or name.endswith(("区", "县", "市", "省", "旗")):
        return name, "government"
    return name, None


def _group_tables(blocks: tuple[syntax.Block, ...], report: Report) -> dict[str, list[syntax.Table]]:
    """Tables by kind (二/三/四), recognised by their labels; others are reported."""
    grouped: dict[str, list[syntax.Table]] = {}
    for block in blocks:
        if not isinstance(block, syntax.Table):
            continue
        kind = classify(block)
        if kind is None:
            if len(block.rows) > 1:
                report.problems.append(
                    ModelProblem(ProblemKind.UNRECOGNISED_TABLE, "无法识别的表格：不是表二、表三或表四", block.line, 1)
                )
            continue
        grouped.setdefault(kind, []).append(block)
    return grouped
