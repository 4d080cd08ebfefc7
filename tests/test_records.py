"""``@record`` behaves as ``@dataclass`` with the same arguments, for everything reportlint uses.

Each check defines one class twice, once with the standard library's decorator and once
with ``record``, and compares what the two do: construction, defaults, equality, hashes
(the same numbers, so sets iterate alike), repr, frozenness, ``replace``, ``fields``,
copying and pickling, ``__post_init__``, keyword-only fields and subclasses.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from reportlint.records import is_frozen, record


def _pair(frozen: bool, slots: bool) -> tuple[type[Any], type[Any]]:
    """The same class body made by ``dataclass`` and by ``record``."""

    def body(decorate: Any) -> type[Any]:
        @decorate(frozen=frozen, slots=slots)
        class Point:
            """A point with a label and tags."""

            x: int
            y: int = 0
            tags: list[str] = field(default_factory=list, hash=False)
            note: str = field(default="", compare=False, repr=False)
            extra: tuple[int, ...] = field(default=(), kw_only=True)

        return Point

    return body(dataclass), body(record)


KINDS = [(False, False), (False, True), (True, False), (True, True)]


@pytest.mark.parametrize(("frozen", "slots"), KINDS)
def test_construction_equality_hash_and_repr_match_dataclass(frozen: bool, slots: bool) -> None:
    std, rec = _pair(frozen, slots)
    for args, kwargs in [((1,), {}), ((1, 2), {"tags": ["a"]}), ((3,), {"note": "n", "extra": (4,)})]:
        a, b = std(*args, **kwargs), rec(*args, **kwargs)
        assert dataclasses.asdict(a) == dataclasses.asdict(b)
        assert repr(a).replace("test_records._pair.<locals>.body.<locals>.", "") == repr(b).replace(
            "test_records._pair.<locals>.body.<locals>.", ""
        )
        assert b == rec(*args, **kwargs)
        assert b != rec(99)
        assert b != a  # another class, as two dataclasses are never equal
        if frozen:
            assert hash(a) == hash(b)
    assert rec(1, note="x") == rec(1, note="y")  # compare=False is left out, as in dataclass
    assert rec(1).tags is not rec(1).tags  # a fresh default per instance
    with pytest.raises(TypeError):
        rec(1, 2, [], "", (5,))  # keyword-only stays keyword-only
    if not frozen:
        assert rec.__hash__ is None and std.__hash__ is None


@pytest.mark.parametrize(("frozen", "slots"), KINDS)
def test_frozen_records_refuse_assignment_and_others_allow_it(frozen: bool, slots: bool) -> None:
    std, rec = _pair(frozen, slots)
    for value in (std(1), rec(1)):
        if frozen:
            with pytest.raises(dataclasses.FrozenInstanceError):
                value.x = 2
            with pytest.raises(dataclasses.FrozenInstanceError):
                del value.x
        else:
            value.x = 2
            assert value.x == 2
    assert is_frozen(rec) is frozen and is_frozen(std) is frozen
    assert hasattr(rec(1), "__dict__") is not slots


@pytest.mark.parametrize(("frozen", "slots"), KINDS)
def test_replace_fields_copy_and_pickle_work_as_on_a_dataclass(frozen: bool, slots: bool) -> None:
    std, rec = _pair(frozen, slots)
    value = rec(1, 2, tags=["t"], extra=(3,))
    assert [f.name for f in dataclasses.fields(rec)] == [f.name for f in dataclasses.fields(std)]
    assert dataclasses.is_dataclass(value)
    assert dataclasses.replace(value, y=5) == rec(1, 5, tags=["t"], extra=(3,))
    assert copy.copy(value) == value and copy.deepcopy(value) == value
    globals()["_Pickled"] = rec  # pickle finds classes by module-level name
    rec.__qualname__ = "_Pickled"
    try:
        assert pickle.loads(pickle.dumps(value)) == value
    finally:
        del globals()["_Pickled"]


def test_post_init_runs_after_the_fields_are_set() -> None:
    @record(frozen=True, slots=True)
    class Span:
        start: int
        end: int
        length: int = field(default=0, init=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "length", self.end - self.start)

    assert Span(2, 7).length == 5
    assert Span(2, 7) == Span(2, 7)


def test_a_subclass_adds_its_fields_after_the_base_fields() -> None:
    @record(frozen=True, slots=True)
    class Line:
        text: str
        wraps: tuple[int, ...] = field(default=(), kw_only=True)

    @record(frozen=True, slots=True)
    class Heading(Line):
        level: int

    heading = Heading("一、总体情况", 1, wraps=(2,))
    assert (heading.text, heading.level, heading.wraps) == ("一、总体情况", 1, (2,))
    assert heading != Line("一、总体情况", wraps=(2,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        heading.level = 2
    with pytest.raises(TypeError, match="non-frozen"):

        @record
        class Loose(Line):
            more: int = 0


def test_methods_the_class_defines_are_kept() -> None:
    @record(frozen=True)
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and other.name.lower() == self.name.lower()

        def __hash__(self) -> int:
            return hash(self.name.lower())

    assert repr(Named("A")) == "<A>"
    assert Named("A") == Named("a") and hash(Named("A")) == hash(Named("a"))


def test_what_record_does_not_offer_is_refused() -> None:
    with pytest.raises(TypeError, match="InitVar"):

        @record
        class WithInitVar:
            seed: dataclasses.InitVar[int]

    with pytest.raises(TypeError, match="follows default"):

        @record
        class BadOrder:
            a: int = 0
            b: int  # type: ignore[misc]
