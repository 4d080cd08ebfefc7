"""``--format html`` in a real browser: highlights, tables, marked cells, safety, a screenshot.

The page is rendered by headless Chromium (the Debian package; ``.ci/run`` installs
it), one browser for the module, and every check reads the DOM Chromium serialises
after the page has loaded and its own script ran.
Without a browser these tests skip and say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportlint.app import RunOptions, RunResult, Session
from reportlint.diagnostics import Diagnostic
from reportlint.model import templates as tpl
from reportlint.text import format_number
from tests.browser import CHROMIUM, DevTools, Node, parse_dom
from tests.conftest import SHARED, run

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on PATH (Debian: apt-get install chromium; .ci/run does)"),
    pytest.mark.usefixtures("shared_dir"),
]
SHANGHAI = SHARED / "corpus" / "real" / "2019_shanghai-municipal-office.txt"
SEED = SHARED / "seeds" / "000_a487699205d89632.txt"
INJECTED_TITLE = '<img src=x onerror="pwned=1">'
"""Kept short: a title is at most 80 characters. Were it markup, the DOM would have an <img>."""
INJECTED_LINE = (
    "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
    '"quoted" & <b>bold</b>'
)


# -- the page under test ---------------------------------------------------------------
@dataclass
class Rendered:
    page: Path
    dom: Node
    result: RunResult
    injected: Path


@pytest.fixture(scope="module")
def browser() -> Iterator[DevTools]:
    """One headless Chromium for the whole module: every page here is loaded in it."""
    with DevTools("about:blank") as devtools:
        yield devtools


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, browser: DevTools) -> Rendered:
    folder = tmp_path_factory.mktemp("html")
    injected = folder / "injected.txt"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    injected.write_text("\n".join([INJECTED_TITLE + lines[0], INJECTED_LINE, *lines[1:]]), encoding="utf-8")
    paths = [str(SHANGHAI), str(SEED), str(injected)]
    page = folder / "report.html"
    cli = run("--isolated", "--format", "html", "--output-file", str(page), *paths)
    assert cli.returncode == 1 and cli.stderr == ""
    result = Session.open(RunOptions(isolated=True, keep_reports=True)).lint_paths(paths)
    browser.navigate(page.as_uri())  # waits for the load event: scripts run, images failed
    dumped = browser.dom()
    assert dumped.startswith("<html"), dumped[:200]
    return Rendered(page, parse_dom(dumped), result, injected)


def _section(rendered: Rendered, path: Path) -> Node:
    (section,) = rendered.dom.find_all("section", "report", data_path=str(path))
    return section


def _diagnostics(rendered: Rendered, path: Path) -> list[Diagnostic]:
    return [d for d in rendered.result.diagnostics if d.path == str(path)]


def _numbers(node: Node) -> set[int]:
    return {int(number) for number in node.attrs.get("data-f", "").split()}


def _expected_text(diagnostic: Diagnostic, lines: list[str]) -> str:
    """What a finding should highlight, restated from docs/output.md."""
    line = lines[diagnostic.line - 1]
    start = diagnostic.column - 1
    if diagnostic.end_line == diagnostic.line and diagnostic.end_column is not None:
        return line[start : diagnostic.end_column - 1]
    return line[start:] if line.startswith("\t") else line[start : start + 1]


# -- tests -----------------------------------------------------------------------------
def test_every_finding_is_highlighted_at_its_text_and_numbered(rendered: Rendered) -> None:
    section = _section(rendered, SHANGHAI)
    lines = rendered.result.reports[str(SHANGHAI)].lines
    diagnostics = _diagnostics(rendered, SHANGHAI)
    assert len(diagnostics) >= 5  # one finding per fault: the blank 总计 column is one A002
    marks = section.find_all("mark", "hl")
    for number, diagnostic in enumerate(diagnostics, 1):
        (row,) = section.find_all("div", "line", id=f"r1-L{diagnostic.line}")
        mine = [mark for mark in row.find_all("mark", "hl") if number in _numbers(mark)]
        assert mine, f"finding {number} ({diagnostic.code}) is not highlighted"
        assert "".join(mark.text() for mark in mine) == _expected_text(diagnostic, lines), diagnostic
        assert [badge.attrs["data-n"] for badge in row.find_all("a", "badge")].count(str(number)) == 1
        (note,) = section.find_all("li", "note", id=f"r1-f{number}")
        assert note.attrs["data-code"] == diagnostic.code and diagnostic.message in note.text()
        assert f"sev-{diagnostic.severity.value}" in {cls for mark in mine for cls in mark.classes}
    assert {n for mark in marks for n in _numbers(mark)} == set(range(1, len(diagnostics) + 1))
    # The text shown is the report's text, line for line.
    shown = [row.find_all("span", "tx")[0].text() for row in section.find_all("div", "line")]
    assert shown == lines


def test_summary_counts_by_severity_and_family(rendered: Rendered) -> None:
    section = _section(rendered, SHANGHAI)
    diagnostics = _diagnostics(rendered, SHANGHAI)
    pills = " ".join(pill.text() for pill in section.find_all("span", "pill"))
    errors = sum(d.severity.value == "error" for d in diagnostics)
    assert f"错误 {errors}" in pills and f"警告 {len(diagnostics) - errors}" in pills
    rows = {row.attrs["data-family"]: row for row in section.find_all("tr") if "data-family" in row.attrs}
    assert set(rows) == {d.code[0] for d in diagnostics}
    for prefix, row in rows.items():
        *by_severity, total = [int(cell.text()) for cell in row.find_all("td")]
        assert total == sum(by_severity) == sum(d.code[0] == prefix for d in diagnostics)


def _grid_width(table: Node) -> list[int]:
    """The width of every row in grid columns, with rowspans from the rows above counted."""
    carried: dict[int, int] = {}
    widths = []
    for row in table.find_all("tr"):
        column, width = 0, 0
        for cell in [child for child in row.children if isinstance(child, Node) and child.tag in ("td", "th")]:
            while carried.get(column, 0) > 0:
                column += 1
            span, rows = int(cell.attrs.get("colspan", "1")), int(cell.attrs.get("rowspan", "1"))
            for index in range(column, column + span):
                carried[index] = rows
            column += span
        width = max([column, *(index + 1 for index, left in carried.items() if left > 0)])
        widths.append(width)
        carried = {index: left - 1 for index, left in carried.items() if left > 1}
    return widths


def test_tables_have_the_template_rows_and_their_merged_cells_line_up(rendered: Rendered) -> None:
    section = _section(rendered, SHANGHAI)
    report = rendered.result.reports[str(SHANGHAI)]
    assert report.template.version == tpl.V2019
    (t3,) = section.find_all("table", "t3")
    assert [row.attrs["data-key"] for row in t3.find_all("tr") if "data-key" in row.attrs] == list(
        tpl.t3_keys(tpl.V2019)
    )
    (t4,) = section.find_all("table", "t4")
    (t4_row,) = [row for row in t4.find_all("tr") if "data-key" in row.attrs]
    assert [cell.attrs["data-column"] for cell in t4_row.find_all("td")] == list(tpl.T4_COLUMNS)
    (t2,) = section.find_all("table", "t2")
    keys = [row.key for block in tpl.T2_BLOCKS[tpl.V2019] for row in block.rows]
    assert [row.attrs["data-key"] for row in t2.find_all("tr") if "data-key" in row.attrs] == keys
    assert set(_grid_width(t3)) == {3 + len(tpl.T3_COLUMNS)}
    assert set(_grid_width(t4)) == {len(tpl.T4_COLUMNS)}
    assert set(_grid_width(t2)) == {4}
    # Values come from the model's cells.
    for table in (t2, t3, t4):
        for cell in table.find_all("td", "cell"):
            kind, row, column = cell.attrs["data-table"], cell.attrs["data-row"], cell.attrs["data-column"]
            ref = report.tables[kind].cell(row, column)
            value = "".join(child for child in cell.children if isinstance(child, str))
            assert value == (ref.value.text.strip() if ref else ""), (kind, row, column)


def test_marked_cells_are_the_evidence_cells_and_show_the_expected_value(rendered: Rendered) -> None:
    section = _section(rendered, SHANGHAI)
    cells = [cell for table in section.find_all("table", "model") for cell in table.find_all("td", "cell")]
    with_evidence = 0
    for number, diagnostic in enumerate(_diagnostics(rendered, SHANGHAI), 1):
        marked = {
            (cell.attrs["data-table"], cell.attrs["data-row"], cell.attrs["data-column"])
            for cell in cells
            if number in _numbers(cell)
        }
        evidence = diagnostic.evidence
        if evidence is None or not evidence.cells:
            assert not marked, diagnostic
            continue
        with_evidence += 1
        assert marked == {(cell.table, cell.row, cell.column) for cell in evidence.cells}, diagnostic
        own = next(c for c in evidence.cells if (c.line, c.column_number) == (diagnostic.line, diagnostic.column))
        (target,) = [
            cell
            for cell in cells
            if (cell.attrs["data-table"], cell.attrs["data-row"], cell.attrs["data-column"])
            == (own.table, own.row, own.column)
        ]
        assert evidence.expected is not None
        assert f"应为 {format_number(evidence.expected)}" in target.text()
    assert with_evidence >= 1


def test_report_text_is_inert_and_only_the_page_script_runs(rendered: Rendered) -> None:
    root = rendered.dom.find_all("html")[0]
    assert root.attrs.get("data-script") == "ran", "the page's own script did not run (CSP hash?)"
    assert "data-pwned" not in root.attrs
    assert not rendered.dom.find_all("img") and not rendered.dom.find_all("b")
    assert len(rendered.dom.find_all("script")) == 1
    section = _section(rendered, rendered.injected)
    (line,) = section.find_all("div", "line", id=f"{section.attrs['id']}-L2")
    assert line.find_all("span", "tx")[0].text() == INJECTED_LINE
    assert section.find_all("h2")[0].text().startswith(INJECTED_TITLE)
    source = rendered.page.read_text(encoding="utf-8")
    assert "<script>document" not in source and "onerror=" not in source.replace("onerror=&quot;", "")
    assert "Content-Security-Policy" in source and "'unsafe-inline'" not in source


def test_overview_groups_reports_by_agency_and_links_to_each(rendered: Rendered) -> None:
    (table,) = rendered.dom.find_all("table", "overview")
    groups = table.find_all("tbody")
    heads = [group.find_all("tr", "group-head")[0].text() for group in groups]
    agencies = {rendered.result.reports[path].agency for path in rendered.result.checked}
    assert len(groups) == len(agencies)
    assert any(head.startswith("上海市人民政府办公厅") for head in heads)
    links = [a.attrs["href"] for a in table.find_all("a")]
    ids = {section.attrs["id"] for section in rendered.dom.find_all("section", "report")}
    assert sorted(link.removeprefix("#") for link in links) == sorted(ids)
    assert all(button.attrs.get("data-column") for button in table.find_all("button"))


def test_a_screenshot_of_the_page(rendered: Rendered, browser: DevTools) -> None:
    browser.navigate(rendered.page.as_uri())
    data = browser.screenshot(1280, 1800)
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000


def test_the_overview_sorts_inside_each_agency_group(tmp_path: Path, browser: DevTools) -> None:
    zone = sorted((SHARED / "corpus" / "real").glob("20*_pingtan-zone.txt"))
    assert len(zone) >= 5
    page = tmp_path / "many.html"
    assert run("--isolated", "--format", "html", "--output-file", str(page), str(SHANGHAI), *map(str, zone)).returncode
    errors_column = 3  # 文件, 年度, 格式版本, 错误 …
    read = f"""Array.from(document.querySelectorAll('table.overview tbody')).map(group =>
        Array.from(group.querySelectorAll('tr.row')).map(row => Number(row.cells[{errors_column}].dataset.v)))"""
    click = f"document.querySelector('table.overview button[data-column=\"{errors_column}\"]').click()"
    browser.navigate(page.as_uri())
    browser.wait_for("document.documentElement.dataset.script === 'ran'")
    before = browser.evaluate(read)
    browser.evaluate(click)
    ascending = browser.evaluate(read)
    browser.evaluate(click)
    descending = browser.evaluate(read)
    state = browser.evaluate(f"document.querySelectorAll('table.overview thead th')[{errors_column}].ariaSort")
    assert sorted(len(group) for group in before) == [1, len(zone)]
    assert ascending == [sorted(group) for group in before] != before
    assert descending == [sorted(group, reverse=True) for group in before]
    assert state == "descending"
