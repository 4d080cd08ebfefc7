"""``@record``: the standard library's dataclass, made at a fraction of its start-up cost.

Why: reportlint's values (syntax nodes, cells, findings, options, rule results) are
frozen dataclasses, and a start-up creates about eighty of them. Python 3.11's
``dataclass`` writes every method it adds (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``, ``__delattr__``) as source text and compiles each one
apart: about 3.3 million instructions per class, a sixth of a whole run on one report,
more than the checking itself. ``@record`` lets ``dataclass`` collect the fields (so
``dataclasses.fields``, ``replace``, ``asdict``, pydantic and mypy see an ordinary
dataclass) but asks it for no generated method. It compiles only ``__init__``, the one
method whose speed matters per value (and keeps what it compiled for the next start,
:mod:`reportlint.code_cache`), and builds the others from closures over
:func:`operator.attrgetter`: 0.8 million instructions per class.

The methods behave as ``dataclass``'s do: ``__eq__`` compares the fields with
``compare=True`` as a tuple, and only with the same class; ``__hash__`` hashes the same
tuple for a frozen record and is ``None`` for a mutable one (unless the class defines
its own); ``__repr__`` is ``Name(field=value, ...)``; assigning to or deleting a field of
a frozen record raises :class:`dataclasses.FrozenInstanceError`; ``__post_init__``
runs after ``__init__``; frozen records with slots copy and pickle. A method the class
body defines itself is kept. What ``@record`` does not offer (``order``,
``InitVar``) is refused: use :func:`dataclasses.dataclass` for those.

One difference is visible: ``cls.__dataclass_params__`` says ``frozen=False``, since the
standard library is asked for no ``__setattr__``; :func:`is_frozen` tells the truth.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
import types
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

from reportlint.code_cache import compiled

_T = TypeVar("_T")

_FROZEN = "__record_frozen__"


@overload
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[Any] | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """Make *cls* a dataclass, as ``@dataclass(frozen=..., slots=...)`` would."""

    def wrap(cls: type[Any]) -> type[Any]:
        return _make_record(cls, frozen=frozen, slots=slots)

    return wrap if cls is None else wrap(cls)


def is_frozen(cls: type[Any]) -> bool:
    """Whether instances of the record (or dataclass) *cls* refuse assignment."""
    if _FROZEN in cls.__dict__:
        return bool(cls.__dict__[_FROZEN])
    params = getattr(cls, "__dataclass_params__", None)
    return bool(params is not None and params.frozen)


def _make_record(cls: type[Any], *, frozen: bool, slots: bool) -> type[Any]:
    body = dict(cls.__dict__)
    _check_bases(cls, frozen)
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, frozen=False, slots=slots)
    fields = dataclasses.fields(cls)
    _refuse_unsupported(cls, fields)
    setattr(cls, _FROZEN, frozen)
    _add(cls, "__init__", _init(cls, fields, frozen))
    compared = tuple(f.name for f in fields if f.compare)
    if "__eq__" not in body:
        _add(cls, "__eq__", _eq(compared))
    if "__repr__" not in body:
        _add(cls, "__repr__", _repr(tuple(f.name for f in fields if f.repr)))
    explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
    if not explicit_hash:
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        _add(cls, "__hash__", _hash(hashed) if frozen else None)
    if frozen:
        if "__setattr__" in body or "__delattr__" in body:
            raise TypeError(f"cannot overwrite __setattr__ or __delattr__ in frozen record {cls.__name__}")
        names = frozenset(f.name for f in fields)
        setter, deleter = _frozen_set_and_delete(cls, names)
        _add(cls, "__setattr__", setter)
        _add(cls, "__delattr__", deleter)
        if slots:
            get_state, set_state = _slot_state(tuple(f.name for f in fields))
            _add(cls, "__getstate__", get_state)
            _add(cls, "__setstate__", set_state)
    return cls


def _add(cls: type[Any], name: str, method: object) -> None:
    """Put a made method on the class, named as if written in its body (for tracebacks)."""
    if callable(method) and hasattr(method, "__qualname__"):
        method.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, method)


def _check_bases(cls: type[Any], frozen: bool) -> None:
    """As ``dataclass``: a frozen record cannot extend a mutable one, nor the reverse."""
    for base in cls.__mro__[1:-1]:
        if "__dataclass_fields__" in base.__dict__ and is_frozen(base) != frozen:
            kind = "frozen" if frozen else "non-frozen"
            raise TypeError(f"cannot make {kind} record {cls.__name__} from {base.__name__}, which is not")


def _refuse_unsupported(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> None:
    pseudo = cls.__dataclass_fields__.values()
    if any(isinstance(f.type, dataclasses.InitVar) or "InitVar" in str(f.type) for f in pseudo):
        raise TypeError(f"{cls.__name__}: @record has no InitVar; use dataclasses.dataclass")


def _init(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """Compile ``__init__`` as ``dataclass`` would write it (the only compiled method)."""
    namespace: dict[str, Any] = {"__record_missing__": dataclasses.MISSING, "__record_set__": object.__setattr__}
    parameters: list[str] = []
    keywords: list[str] = []  # kw_only fields, after a bare * as dataclass puts them
    lines: list[str] = []
    seen_default = False
    for f in fields:
        has_default = f.default is not dataclasses.MISSING
        has_factory = f.default_factory is not dataclasses.MISSING
        if has_default:
            namespace[f"__record_default_{f.name}__"] = f.default
        if has_factory:
            namespace[f"__record_factory_{f.name}__"] = f.default_factory
        if f.init:
            if has_default:
                parameter = f"{f.name}=__record_default_{f.name}__"
            elif has_factory:
                parameter = f"{f.name}=__record_missing__"
            elif seen_default and not f.kw_only:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            else:
                parameter = f.name
            (keywords if f.kw_only else parameters).append(parameter)
            seen_default = seen_default or (not f.kw_only and (has_default or has_factory))
            value = (
                f"__record_factory_{f.name}__() if {f.name} is __record_missing__ else {f.name}"
                if has_factory
                else f.name
            )
        elif has_factory:
            value = f"__record_factory_{f.name}__()"
        elif has_default:
            value = f"__record_default_{f.name}__"
        else:
            continue
        if frozen and (slot := _slot(cls, f.name)) is not None:
            # A slot's own setter: what object.__setattr__ ends in, without looking the name up (CellRef,
            # Cell and the like are made by the thousand per report).
            namespace[f"__record_slot_{f.name}__"] = slot.__set__
            lines.append(f"    __record_slot_{f.name}__(self, {value})")
        elif frozen:
            lines.append(f"    __record_set__(self, {f.name!r}, {value})")
        else:
            lines.append(f"    self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    signature = ", ".join(["self", *parameters, *(["*", *keywords] if keywords else [])])
    source = f"def __init__({signature}) -> None:\n" + ("\n".join(lines) or "    pass") + "\n"
    # The text is ours, made of the class's field names (identifiers), as dataclass makes it;
    # compiled once and kept between runs (reportlint.code_cache).
    exec(compiled(source), namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


def _slot(cls: type[Any], name: str) -> Any:
    """The slot descriptor that holds field *name* on *cls*'s instances, or ``None`` (a ``__dict__`` field)."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            found = klass.__dict__[name]
            return found if isinstance(found, types.MemberDescriptorType) else None
    return None


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the named attributes as a tuple (``attrgetter`` gives one value bare)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        single = operator.attrgetter(names[0])
        return lambda value: (single(value),)
    return lambda value: ()


def _eq(names: tuple[str, ...]) -> Callable[[Any, object], Any]:
    values = _getter(names)

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(names: tuple[str, ...]) -> Callable[[Any], int]:
    values = _getter(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _frozen_set_and_delete(
    cls: type[Any], names: frozenset[str]
) -> tuple[Callable[[Any, str, Any], None], Callable[[Any, str], None]]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _slot_state(names: tuple[str, ...]) -> tuple[Callable[[Any], list[Any]], Callable[[Any, list[Any]], None]]:
    """Pickling for frozen slots records, which have no ``__dict__`` and refuse ``setattr``."""
    values = _getter(names)

    def __getstate__(self: Any) -> list[Any]:
        return list(values(self))

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    return __getstate__, __setstate__
