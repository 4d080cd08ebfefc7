"""Hostile input: no traceback, no hang, positions inside the file, same findings across encodings.

Every case runs the whole installed rule set through the engine, as the CLI does.
"""

from __future__ import annotations

import cProfile
import pstats
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.diagnostics import Diagnostic
from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.readers.text import UndecodableError, decode, normalise_newlines
from tests.conftest import FIXTURES, shared_reports
from tests.layouts import to_pipe, to_row_per_line

_MANAGER = create_manager()
LINTER = Linter(_MANAGER, collect_rules(_MANAGER))
SEED_TEXT = (FIXTURES / "clean-2019.txt").read_text(encoding="utf-8")


def lint(data: bytes) -> list[Diagnostic]:
    return LINTER.lint_bytes("input.txt", data)


def assert_sane(data: bytes, diagnostics: list[Diagnostic]) -> None:
    """No engine fault, and every finding's position lies inside the file."""
    assert not [d for d in diagnostics if d.code in ("P900", "P901")], diagnostics
    try:  # the lines as the reader makes them (Unicode line breaks included)
        text = normalise_newlines(decode(data).text)
    except UndecodableError:
        text = ""
    lines = text.split("\n")
    for d in diagnostics:
        assert 1 <= d.line <= max(len(lines), 1), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d


HOSTILE: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "binary": lambda: bytes(range(256)) * 64,
    "mis-encoded": lambda: SEED_TEXT.encode("utf-8")[:500] + SEED_TEXT.encode("gb18030")[500:1500],
    "truncated mid-table": lambda: SEED_TEXT.encode("utf-8")[: len(SEED_TEXT.encode()) // 2],
    "truncated mid-character": lambda: SEED_TEXT.encode("utf-8")[:1001],
    # A line far past any window a rule looks through (T007's 512 characters, A007's 800):
    # a rule whose work grows with the square of a line's length overruns its time budget
    # (P901) on it. No limit in the code lies between a million and the 16 MB file limit.
    "a million characters on one line": lambda: ("公开" * 500_000).encode(),
    "200,000 tabs": lambda: b"\t" * 200_000 + b"\n",
    "a table with a thousand columns": lambda: ("\t".join(["规章"] + ["1"] * 1000) + "\n").encode(),
    "labels repeated a thousand times": lambda: ("\t（七）总计\n\t1\n\n" * 1000).encode(),
    "headings only": lambda: ("一、总体情况\n二、主动公开政府信息情况\n" * 500).encode(),
    "brackets never closed": lambda: ("《（“【〔" * 20000 + "\n").encode(),
    # Numbers longer than Python's 4,300-digit limit on int("…") (and than MAX_DIGITS).
    "digits everywhere": lambda: ("1" * 10_000 + "年" + "2" * 10_000 + "\n").encode(),
    "control characters": lambda: bytes(range(1, 32)) * 100,
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_gets_findings_not_a_crash(make: Callable[[], bytes]) -> None:
    data = make()
    assert_sane(data, lint(data))


def test_an_oversized_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * (17 * 1024 * 1024))
    result = LINTER.lint_file(str(path))
    assert [d.code for d in result.diagnostics] == ["P006"]


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16": lambda text: text.encode("utf-16"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
}


def _codes_at_lines(diagnostics: list[Diagnostic]) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in diagnostics]


@pytest.mark.parametrize("encode", ENCODINGS.values(), ids=ENCODINGS.keys())
@pytest.mark.parametrize("example", ["2020-qinghe-town.txt", "2023-water-bureau.txt"])
def test_same_findings_whatever_the_encoding_and_newlines(encode: Callable[[str], bytes], example: str) -> None:
    text = (Path(__file__).resolve().parents[1] / "examples" / example).read_text(encoding="utf-8")
    assert _codes_at_lines(lint(encode(text))) == _codes_at_lines(lint(text.encode("utf-8")))


EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


@cache
def _codes_of(path: Path) -> list[str]:
    """The sorted codes of a report as written, linted once for both layouts it is converted to."""
    return sorted(d.code for d in lint(path.read_text(encoding="utf-8").encode("utf-8")))


@pytest.mark.parametrize("convert", [to_row_per_line, to_pipe], ids=["row-per-line", "pipe"])
@pytest.mark.parametrize("path", EXAMPLES + shared_reports(), ids=lambda path: path.name)
def test_same_codes_whatever_the_table_layout(convert: Callable[[str], str], path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    original = _codes_of(path)
    converted = sorted(d.code for d in lint(convert(text).encode("utf-8")))
    assert converted == original


def _calls(data: bytes) -> int:
    """How many function calls, Python and built-in, linting *data* makes: work counted, not timed."""
    profile = cProfile.Profile()
    profile.runcall(lint, data)
    return pstats.Stats(profile).total_calls


ADVERSARIAL: dict[str, Callable[[int], bytes]] = {
    "long line of open brackets": lambda n: ("（《“" * n + "\n").encode(),
    "long line of numbers and units": lambda n: ("共12件，其中3件，占25%，" * n + "\n").encode(),
    "many one-cell rows": lambda n: ("\t0\n\n" * n).encode(),
    "many short paragraphs": lambda n: ("2020年1月1日至2020年12月31日，电话0795-7831032。\n" * n).encode(),
    "one row with many tabs": lambda n: ("规章" + "\t1" * (n * 4) + "\n").encode(),
}


@pytest.mark.parametrize("make", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_cost_grows_linearly_with_adversarial_input(make: Callable[[int], bytes]) -> None:
    """Doubling the input about doubles the work (quadratic work would quadruple it).

    The work is the number of function calls, counted by cProfile: it is the same on an
    idle and on a loaded machine, so unlike a timing it cannot flake. It does not see
    work done inside one built-in call (a regular expression that backtracks); the
    hostile inputs above, up to millions of characters, would hang on that.
    """
    size = 1000
    lint(make(size // 10))  # patterns compiled and modules imported on first use stay out of the count
    small = _calls(make(size))
    large = _calls(make(size * 2))
    assert 1.5 < large / small < 2.5, (small, large)


def test_the_call_count_sees_quadratic_work() -> None:
    """The measure above tells linear from quadratic: comparing every pair of n items."""

    def same(first: int, second: int) -> bool:
        return first == second

    def pairs(count: int) -> int:
        return sum(same(first, second) for first in range(count) for second in range(count))

    def calls(count: int) -> int:
        profile = cProfile.Profile()
        profile.runcall(pairs, count)
        return pstats.Stats(profile).total_calls

    assert calls(200) / calls(100) > 3.5


def _damage(text: str, seed: int) -> str:
    rng = random.Random(seed)
    lines = text.split("\n")
    for _ in range(rng.randint(1, 12)):
        action = rng.choice(["delete", "duplicate", "cut", "swap"])
        index = rng.randrange(len(lines))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: rng.randrange(len(lines[index]) + 1)]
        else:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


REAL = shared_reports()


@pytest.mark.skipif(not REAL, reason="../shared is not beside this checkout")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(min_value=0, max_value=max(len(REAL) - 1, 0)), seed=st.integers(0, 2**32))
def test_damaged_real_reports_never_crash_the_engine(index: int, seed: int) -> None:
    text = _damage(REAL[index].read_text(encoding="utf-8"), seed)
    data = text.encode("utf-8")
    assert_sane(data, lint(data))


LINE_PIECES = st.sampled_from(
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "\t第二十条第（一）项",
        "\t信息内容",
        "\t规章",
        "\t0",
        "\t12",
        "\t",
        "",
        "\t（七）总计",
        "\t一、本年新收政府信息公开申请数量",
        "\t行政复议",
        "\t结果维持",
        "（一）主动公开",
        "1.加强领导",
        "2020年共收到申请3件，办结2件。",
        "自2020年1月1日起至2020年12月31日止",
        "电话：0795-7831032，邮编：331213",
        "《关于《某某》的通知》（国办发[2020]1号）",
        "| 规章 | 1 | 0 | 1 |",
        "规章\t1\t0\t1",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=40)), max_size=120))
def test_generated_reports_never_crash_the_engine(lines: list[str]) -> None:
    data = ("2021年某局政府信息公开工作年度报告\n" + "\n".join(lines)).encode("utf-8", errors="replace")
    assert_sane(data, lint(data))


def test_input_files_are_only_read(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes((FIXTURES / "clean-2021.txt").read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    LINTER.lint_file(str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
