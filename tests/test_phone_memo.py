"""phonenumbers' verdicts kept between runs: a number seen before needs no phonenumbers.

The contact rules ask phonenumbers whether a number exists; importing it costs about a
third of a flake8 start-up, and a draft gives the same few numbers on every run. The
first test runs reportlint as a user does, twice in fresh processes with a private
cache folder, and checks that the second run never imports phonenumbers and finds the
same; the others lint in this process (phonenumbers watched) and check that a kept file
is trusted only when it is ours, for this phonenumbers, and well formed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "examples" / "2023-water-bureau.txt"

_LINT = (
    "import sys\n"
    "from reportlint.cli import main\n"
    "code = main(['--isolated', '--select', 'C', sys.argv[1]])\n"
    "print('phonenumbers imported' if 'phonenumbers' in sys.modules else 'phonenumbers not imported')\n"
    "sys.exit(code)\n"
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """The example report with one wrong number (a Fuzhou number one digit short) and one right one."""
    text = WATER.read_text(encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(text + "\n咨询电话：0591-2316525，传真：0736-5326159。\n", encoding="utf-8")
    return path


def _lint(report: Path, cache: Path) -> tuple[list[str], bool]:
    """(finding lines, whether phonenumbers was imported) of one run in a new process."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", _LINT, str(report)], capture_output=True, text=True, env=env, check=False, timeout=120
    )
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    return lines[:-1], lines[-1] == "phonenumbers imported"


def test_a_second_run_answers_from_the_kept_verdicts_with_the_same_findings(draft: Path, tmp_path: Path) -> None:
    first, imported = _lint(draft, tmp_path / "cache")
    assert imported
    assert any("C003" in line and "0591" in line for line in first), first
    kept = _memo_file(tmp_path / "cache").read_text(encoding="ascii").splitlines()
    assert kept[0].startswith("reportlint-phone-verdicts 1 reportlint ")
    assert "05912316525 0 -" in kept and "07365326159 1 736" in kept

    second, imported = _lint(draft, tmp_path / "cache")
    assert not imported
    assert second == first


def _memo_file(cache: Path) -> Path:
    """The one verdict file a run left in the cache folder *cache*."""
    (kept,) = (cache / "reportlint").glob("phone-verdicts-*.txt")
    return kept


LintHere = Callable[[Path, Path], tuple[list[str], bool]]
"""Lint a report with a cache folder: (finding lines, whether phonenumbers was asked)."""


@pytest.fixture
def lint_here(monkeypatch: pytest.MonkeyPatch) -> Iterator[LintHere]:
    """Lint in this process with a cache folder of the test's: (finding lines, whether phonenumbers was asked)."""
    from reportlint_rules.contact import _phones

    asked: list[str] = []
    real = _phones._ask_phonenumbers

    def ask(digits: str) -> Any:
        asked.append(digits)
        return real(digits)

    def lint(report: Path, cache: Path) -> tuple[list[str], bool]:
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
        _phones._memo.cache_clear()
        _phones._valid.cache_clear()
        asked.clear()
        result = run("--isolated", "--select", "C", str(report))
        assert result.returncode in (0, 1), result.stderr
        return result.stdout.splitlines(), bool(asked)

    monkeypatch.setattr(_phones, "_ask_phonenumbers", ask)
    yield lint
    _phones._memo.cache_clear()  # later tests use the user's cache folder again
    _phones._valid.cache_clear()


def test_a_kept_file_for_another_phonenumbers_or_one_malformed_is_not_trusted(
    draft: Path, tmp_path: Path, lint_here: LintHere
) -> None:
    first, _ = lint_here(draft, tmp_path / "cache")
    kept = _memo_file(tmp_path / "cache")
    header, *verdicts = kept.read_text(encoding="ascii").splitlines()
    others = [line for line in verdicts if not line.startswith("05912316525 ")]
    lie = "\n".join(["05912316525 1 591", *others]) + "\n"  # the wrong number said to be right

    kept.write_text(header.rsplit(" ", 1)[0] + " 1\n" + lie, encoding="ascii")  # another install of phonenumbers
    again, imported = lint_here(draft, tmp_path / "cache")
    assert imported and again == first

    kept.write_text(header + "\n" + "x" * 5000 + "\n0591 2 591\n\x00\xff\n05912316525 0 -\n", encoding="latin-1")
    again, _ = lint_here(draft, tmp_path / "cache")
    assert again == first  # garbage lines skipped, no crash

    kept.write_text(header + "\n" + lie, encoding="ascii")
    kept.chmod(0o666)  # open to others: anyone could have written it
    again, imported = lint_here(draft, tmp_path / "cache")
    assert imported and again == first

    kept.chmod(0o600)
    lied, imported = lint_here(draft, tmp_path / "cache")
    assert not imported  # control: our own private file is trusted, lie included
    assert not any("0591" in line for line in lied)


def test_a_kept_file_that_is_not_a_regular_file_is_left_alone(draft: Path, tmp_path: Path, lint_here: LintHere) -> None:
    first, _ = lint_here(draft, tmp_path / "cache")
    kept = _memo_file(tmp_path / "cache")
    kept.unlink()
    kept.mkdir()  # a folder (or a FIFO, a symlink…) where the file should be
    again, imported = lint_here(draft, tmp_path / "cache")
    assert imported and again == first
    assert kept.is_dir() and not any(kept.iterdir())


def test_two_installs_of_phonenumbers_keep_their_own_verdicts(
    draft: Path, tmp_path: Path, lint_here: LintHere, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two environments sharing a home must not replace each other's file on every start."""
    from reportlint_rules.contact import _phones

    first, _ = lint_here(draft, tmp_path / "cache")
    mine = _memo_file(tmp_path / "cache")
    before = mine.read_text(encoding="ascii")
    with monkeypatch.context() as patch:
        patch.setattr(_phones, "_MEMO_FORMAT", _phones._MEMO_FORMAT + " another-install")
        other, imported = lint_here(draft, tmp_path / "cache")
    assert imported and other == first
    assert len(list((tmp_path / "cache" / "reportlint").glob("phone-verdicts-*.txt"))) == 2
    assert mine.read_text(encoding="ascii") == before  # the first install's verdicts untouched
    again, imported = lint_here(draft, tmp_path / "cache")
    assert not imported and again == first  # and still answer its runs
