"""Lazy patterns compile on first use and then behave, and cost, as compiled ones do."""

from __future__ import annotations

import re

import pytest

from reportlint.lazyre import LazyPattern, lazy_compile

HAN = r"([\u4e00-\u9fff]{2,4})\1"
TEXT = "政府信息公开公开工作，年度报告报告。"


def test_nothing_is_compiled_until_the_pattern_is_used() -> None:
    pattern = lazy_compile(HAN)
    assert isinstance(pattern, LazyPattern) and "_compiled" not in vars(pattern)
    assert repr(pattern) == f"lazy_compile({HAN!r})"
    assert [m.group(1) for m in pattern.finditer(TEXT)] == [m.group(1) for m in re.finditer(HAN, TEXT)]
    assert "_compiled" in vars(pattern)


def test_every_method_gives_what_the_compiled_pattern_gives() -> None:
    lazy, compiled = lazy_compile(r"(?P<n>\d+)件", re.ASCII), re.compile(r"(?P<n>\d+)件", re.ASCII)
    text = "收到12件，办结１０件，转办3件"
    assert lazy.findall(text) == compiled.findall(text) == ["12", "3"]
    assert lazy.sub("N件", text) == compiled.sub("N件", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.search(text) or pytest.fail()).group("n") == "12"
    assert lazy.fullmatch("7件") is not None and lazy.match("件") is None
    assert lazy.pattern == compiled.pattern and lazy.flags == compiled.flags and lazy.groupindex == {"n": 1}


def test_after_first_use_methods_are_plain_attributes() -> None:
    pattern = lazy_compile(r"\d")
    first = pattern.search
    assert "search" in vars(pattern) and pattern.search is first  # kept: no __getattr__ on later calls
    with pytest.raises(AttributeError):
        pattern.search = None  # type: ignore[misc]


def test_a_bad_pattern_fails_where_it_is_first_used() -> None:
    pattern = lazy_compile(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_a_pattern_survives_copy_and_pickle_used_or_not() -> None:
    import copy
    import pickle

    for used in (False, True):
        pattern = lazy_compile(r"\d+件")
        if used:
            pattern.search("3件")
        for clone in (copy.copy(pattern), copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
            assert (clone.search("收到12件") or pytest.fail()).group() == "12件"
