"""Every built-in rule's pass/fail cases (tests/rule_cases/*.yaml), run through reportlint.testing.

The cases built on the two 400-line fixtures locate their findings by text (``at``), not
by line number, so a fixture can change without breaking them: the last test proves it by
running the cases that expect findings again on copies of the fixtures with lines inserted
at the top, where every finding must move down and still be found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from reportlint.testing import RuleCase, check_case, iter_case_files, load_cases, parametrize_cases

HERE = Path(__file__).parent
CASES = HERE / "rule_cases"
FIXTURES = HERE / "fixtures"
# A few blank lines: D005 looks for a "发布日期" line among the first six lines of the file.
INSERTED = "\n\n\n"


@parametrize_cases([CASES], base_dir=FIXTURES)
def test_rule_case(case: RuleCase) -> None:
    check_case(case)


def _cases_on_fixtures() -> list[tuple[Path, int, str]]:
    """(case file, index, pytest id) of every case that expects findings on a fixture (``base``)."""
    found = []
    for path in iter_case_files(CASES):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        cases = enumerate(data["cases"])
        found += [
            (path, i, f"{data['rule']}: {raw['name']}") for i, raw in cases if "base" in raw and raw.get("expect")
        ]
    return found


ON_FIXTURES = _cases_on_fixtures()


@pytest.fixture(scope="module")
def grown_fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of the fixtures with blank lines inserted before the title."""
    folder = tmp_path_factory.mktemp("grown-fixtures")
    for fixture in FIXTURES.glob("clean-*.txt"):
        (folder / fixture.name).write_text(INSERTED + fixture.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@cache
def _load(path: Path, base_dir: Path) -> list[RuleCase]:
    return load_cases(path, base_dir)


def test_the_cases_on_the_fixtures_are_found() -> None:
    assert {path.name for path in FIXTURES.glob("clean-*.txt")} == {"clean-2019.txt", "clean-2021.txt"}
    assert len(ON_FIXTURES) > 80, "the cases that expect findings on the fixtures were not found"


@pytest.mark.parametrize(("path", "index"), [item[:2] for item in ON_FIXTURES], ids=[item[2] for item in ON_FIXTURES])
def test_cases_on_the_fixtures_survive_lines_inserted_above(path: Path, index: int, grown_fixtures: Path) -> None:
    original = _load(path, FIXTURES)[index]
    grown = _load(path, grown_fixtures)[index]
    assert grown.text == INSERTED + original.text, "an edit of this case depends on the fixture's first line"
    pinned = [expected for expected in original.expect if expected.at is None]
    assert not pinned, f"{original.source}: locate these findings with 'at' text, not a fixture's line number: {pinned}"
    shift = INSERTED.count("\n")
    assert [e.line for e in grown.expect] == [e.line + shift for e in original.expect]
    check_case(grown)
