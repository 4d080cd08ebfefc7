"""Compiled patterns kept between runs: a start-up makes its patterns from kept programs.

The first test runs reportlint twice in fresh processes with a private cache folder, as a
user does: the second run compiles nothing (no pattern, and no record ``__init__`` of
:mod:`reportlint.code_cache`) and finds the same. The others work in this
process with a store of their own: every pattern of the built-in packs and of the grammar
lexer, made from its kept program, equals ``re.compile``'s (CPython compares patterns by
their programs); and a kept file is used only when it is private, written by this Python
and well formed, entry by entry.
"""

from __future__ import annotations

import marshal
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportlint import pattern_cache
from reportlint.lazyre import LazyPattern
from tests.conftest import lint_with_kept_stores

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "examples" / "2023-water-bureau.txt"
STORE_NAME = f"patterns-{sys.implementation.cache_tag}.marshal"


def test_a_second_start_compiles_nothing_and_finds_the_same(tmp_path: Path) -> None:
    """Both kept stores, patterns and record code: the first start fills them, the second only reads."""
    first, stores = lint_with_kept_stores(tmp_path / "cache")
    assert any(": A003 " in line for line in first), first
    assert stores["pattern_cache"][0] > 50 and stores["code_cache"][0] > 40
    assert all(added for _, added in stores.values())
    for name in (STORE_NAME, f"code-{sys.implementation.cache_tag}.marshal"):
        assert (tmp_path / "cache" / "reportlint" / name).stat().st_mode & 0o077 == 0
    second, stores_again = lint_with_kept_stores(tmp_path / "cache")
    assert stores_again == {name: (kept, False) for name, (kept, _) in stores.items()}
    assert second == first


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private cache folder of this test's own, and a store read from it afresh; yields the file."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(pattern_cache, "_store", None)
    yield tmp_path / "cache" / "reportlint" / STORE_NAME


def _reopen() -> pattern_cache._Store:
    """Save what this process made and read the file again, as the next start would."""
    assert pattern_cache._store is not None
    pattern_cache._store.save()
    pattern_cache._store = None
    return pattern_cache._open()


def _store_file(content: object) -> bytes:
    """A store file as reportlint writes one, holding *content* (marshalled, behind its checksum)."""
    data = marshal.dumps(content)
    return pattern_cache._MAGIC + zlib.crc32(data).to_bytes(4, "big") + data


def _no_compiling(*args: Any) -> Any:
    raise AssertionError(f"compiled afresh: {args[0]!r}")


def _sources_of_the_packs_and_the_lexer() -> set[tuple[str | bytes, int]]:
    """(source, flags) of every lazy pattern loaded, and of the patterns the grammar's lexer compiles."""
    from reportlint.line_lexer import LineLexer
    from reportlint.parsing import load_parser
    from reportlint.plugins import collect_rules, create_manager

    collect_rules(create_manager())  # imports every built-in rule module
    lexer = LineLexer(load_parser().lexer_conf)
    lexer._pattern()  # compiles Lark's scanner and the lexer's own alternation through the store
    assert pattern_cache._store is not None
    sources = set(pattern_cache._store.programs)
    # Module globals, not gc.get_objects(): the test processes freeze what collection built,
    # and frozen objects are not listed.
    for module in list(sys.modules.values()):
        for value in list(vars(module).values()) if module is not None else ():
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                found = item[1] if isinstance(item, tuple) and len(item) == 2 else item
                if isinstance(found, LazyPattern):
                    sources.add((vars(found)["_source"], int(vars(found)["_flags"])))
    return sources


@pytest.mark.usefixtures("store")
def test_every_kept_pattern_is_the_pattern_re_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _sources_of_the_packs_and_the_lexer()
    assert len(sources) > 120  # the packs' patterns and Lark's terminals
    for source, flags in sources:
        pattern_cache.compile_pattern(source, flags)
    assert len(_reopen().programs) == len(sources)
    monkeypatch.setattr(pattern_cache, "_compile_keeping_program", _no_compiling)
    for source, flags in sources:
        made = pattern_cache.compile_pattern(source, flags)
        assert made == re.compile(source, flags), source  # equal programs, flags and source
        assert made.groupindex == re.compile(source, flags).groupindex


def test_a_kept_pattern_finds_what_re_finds(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"(?P<year>(?:19|20)\d{2})年(?:[\u4e00-\u9fff]{2,4})报告"
    text = "《2023年度报告》与2024年年度报告、2024年工作报告"
    pattern_cache.compile_pattern(source)
    _reopen()
    monkeypatch.setattr(pattern_cache, "_compile_keeping_program", _no_compiling)
    kept = pattern_cache.compile_pattern(source)
    assert [m.groupdict() for m in kept.finditer(text)] == [m.groupdict() for m in re.finditer(source, text)]
    assert [m.span() for m in kept.finditer(text)] == [(11, 20), (21, 30)]  # 「2024年年度报告」「2024年工作报告」


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(store: Path) -> None:
    store.parent.mkdir(mode=0o700, parents=True)
    good = (r"\d+件", 0)
    pattern_cache.compile_pattern(*good)
    header = _reopen().header
    assert store.read_bytes().startswith(pattern_cache._MAGIC)
    # The literal 件 in the kept program made 条: a program _sre accepts, which only the checksum refuses.
    altered = store.read_bytes().replace(ord("件").to_bytes(4, sys.byteorder), ord("条").to_bytes(4, sys.byteorder))
    assert altered != store.read_bytes()
    for planted in (
        altered,
        b"\x00garbage" * 10,  # not a store file
        _store_file((("reportlint-patterns", 1, "2.7.18", 0, 4), {good: (32, b"\x01", 0, {}, ())})),  # another Python
        _store_file(["not", "a", "store"]),
        _store_file((header, {good: "not a program"})),
    ):
        store.write_bytes(planted)
        store.chmod(0o600)
        pattern_cache._store = None
        assert pattern_cache.compile_pattern(*good) == re.compile(*good)
        assert pattern_cache._store is not None and pattern_cache._store.added  # nothing trusted: compiled afresh
        assert good in _reopen().programs  # and the file now holds this Python's programs


def test_an_entry_whose_program_is_refused_is_compiled_afresh(store: Path) -> None:
    source = r"(?:电话|传真)[：:]\s*(\d{3,4})-(\d{7,8})"
    pattern_cache.compile_pattern(source)
    programs = _reopen().programs
    flags, words, groups, names, index = programs[(source, 0)]
    header = pattern_cache._store.header if pattern_cache._store else ()
    broken = {
        (source, 0): (flags, b"\xff\xff\xff\xff" * (len(words) // 4), groups, names, index),  # not an SRE program
        (r"\d", 0): (flags, words[:-4], groups, names, index),  # truncated
        (r"[a-z]", 0): ("flags", words, groups, names, index),  # the wrong shape: dropped on reading
    }
    store.write_bytes(_store_file((header, broken)))
    pattern_cache._store = None
    assert pattern_cache.compile_pattern(source) == re.compile(source)
    assert pattern_cache.compile_pattern(r"\d") == re.compile(r"\d")
    assert pattern_cache._store is not None and (r"[a-z]", 0) not in pattern_cache._store.programs


def test_a_file_others_may_change_is_neither_read_nor_written(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern_cache.compile_pattern(r"第(\d+)条")
    _reopen()
    store.chmod(0o666)
    pattern_cache._store = None
    monkeypatch.setattr(pattern_cache, "_from_program", _no_compiling)  # a kept program would be used here
    assert pattern_cache.compile_pattern(r"第(\d+)条") == re.compile(r"第(\d+)条")
    before = store.read_bytes()
    pattern_cache.compile_pattern(r"第(\d+)款")
    assert pattern_cache._store is not None
    pattern_cache._store.save()
    assert store.read_bytes() == before


@pytest.mark.usefixtures("store")
def test_the_store_is_bounded_and_written_only_by_the_process_that_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "_LIMIT", 3)
    for number in range(5):
        pattern_cache.compile_pattern(rf"\d{{{number}}}")
    assert pattern_cache._store is not None and len(pattern_cache._store.programs) == 3
    pattern_cache._store.pid = -1  # as in a worker forked after the store was read
    pattern_cache._store.save()
    assert pattern_cache._store.path is not None and not Path(pattern_cache._store.path).exists()


@pytest.mark.usefixtures("store")
def test_another_python_compiles_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache.sys.implementation, "name", "pypy")
    monkeypatch.setattr(pattern_cache, "_compile_keeping_program", _no_compiling)
    assert pattern_cache.compile_pattern(r"\d+") == re.compile(r"\d+")
    assert pattern_cache._store is not None and not pattern_cache._store.usable
