"""Option classes: declared like pydantic models, validated by pydantic only when it must.

Why not plain pydantic models: importing pydantic costs more than a whole flake8 start-up,
and a run with no configuration file (or one that sets a few codes and a number) has
nothing pydantic needs to do. So the configuration keys (:class:`reportlint.config.Settings`)
and every rule's options are annotated classes built on :class:`OptionsModel`, with
:func:`Field` taking pydantic's arguments:

    class S016Options(RuleOptions):
        min_length: int = Field(default=20, ge=1, description="…")

A default instance needs no validation. :meth:`OptionsModel.validate` accepts a value
that is *plainly* of the declared type — a list of strings where ``list[str]`` is
declared, an int within its bounds, one of a ``Literal``'s values — as pydantic would
accept it unchanged; anything else (another type, a string to coerce, an unknown key,
a bound crossed) goes to a pydantic model built from the same declaration, so every
error a user sees is pydantic's and there is one set of rules for what is valid.

Third-party rule packs may still give a rule a pydantic ``BaseModel`` as its options:
:func:`option_fields`, :func:`defaults` and :func:`validate` accept both kinds.
"""

from __future__ import annotations

import copy
import inspect
import sys
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, ClassVar, Literal, TypeVar, Union, get_args, get_origin

from reportlint.records import record

_MISSING: Any = object()
_CONSTRAINTS = ("ge", "gt", "le", "lt")

Model = TypeVar("Model", bound="OptionsModel")


@record(frozen=True, slots=True)
class FieldSpec:
    """What :func:`Field` recorded: the default and pydantic's keyword arguments."""

    default: Any = _MISSING
    default_factory: Callable[[], Any] | None = None
    description: str = ""
    alias: str | None = None
    constraints: tuple[tuple[str, Any], ...] = ()
    """``ge``/``gt``/``le``/``lt`` bounds, checked on the quick path too."""
    extra: tuple[tuple[str, Any], ...] = ()
    """Any other pydantic ``Field`` argument: values then always go to pydantic."""


def Field(
    default: Any = _MISSING,
    *,
    default_factory: Callable[[], Any] | None = None,
    description: str = "",
    alias: str | None = None,
    **pydantic_arguments: Any,
) -> Any:
    """An option's default and metadata, with pydantic ``Field``'s arguments.

    Typed ``Any`` (as :func:`dataclasses.field` is) so that ``x: int = Field(default=3)``
    type-checks.
    """
    constraints = tuple((key, pydantic_arguments.pop(key)) for key in _CONSTRAINTS if key in pydantic_arguments)
    return FieldSpec(default, default_factory, description, alias, constraints, tuple(pydantic_arguments.items()))


@record(frozen=True, slots=True)
class OptionField:
    """One declared option, as documentation and validation see it."""

    name: str
    """The attribute name (``max_per_paragraph``)."""
    key: str
    """As written in the configuration: dashed (``max-per-paragraph``) unless aliased."""
    spec: FieldSpec
    owner: type[Any]

    @property
    def annotation(self) -> Any:
        """The declared type, evaluated on first use (annotations are strings until then)."""
        return _type_hints(self.owner)[self.name]

    @property
    def description(self) -> str:
        return self.spec.description

    def default(self) -> Any:
        """A fresh default value (a factory is called; a mutable default is copied)."""
        if self.spec.default_factory is not None:
            return self.spec.default_factory()
        if self.spec.default is _MISSING:
            raise TypeError(f"option {self.key!r} has no default")
        return copy.copy(self.spec.default)


class OptionsError(ValueError):
    """Validation failed: ``problems`` are pydantic-style error dicts (type, loc, msg, input)."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(str(problem.get("msg", "")) for problem in problems))
        self.problems = problems


class OptionsModel:
    """Base of option classes: annotated attributes with defaults, frozen once built.

    Subclasses may set ``checks``: attribute name → a function that takes the validated
    value and returns it (possibly normalised) or raises ``ValueError`` with a message
    for the user; they run after validation on either path.
    """

    _fields: ClassVar[dict[str, OptionField]] = {}
    checks: ClassVar[Mapping[str, Callable[[Any], Any]]] = {}
    _validator: ClassVar[Any] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls._fields)
        for name, annotation in inspect.get_annotations(cls).items():
            if name.startswith("_") or str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = cls.__dict__.get(name, _MISSING)
            if type(value).__module__.startswith("pydantic"):
                raise TypeError(
                    f"{cls.__module__}.{cls.__qualname__}.{name}: use reportlint.options.Field, not pydantic's "
                    "(or make the options class a pydantic BaseModel)"
                )
            spec = value if isinstance(value, FieldSpec) else FieldSpec(default=value)
            fields[name] = OptionField(name, spec.alias or name.replace("_", "-"), spec, cls)
            if name in cls.__dict__:
                delattr(cls, name)  # instances hold the values; the class holds the specs
        cls._fields = fields
        cls._validator = None

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown option(s) {', '.join(sorted(unknown))}")
        for name, field in self._fields.items():
            object.__setattr__(self, name, values[name] if name in values else field.default())

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((type(self), tuple(repr(value) for value in vars(self).values())))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({values})"

    def replace(self: Model, **changes: Any) -> Model:
        """A copy with *changes* (attribute names), not validated again."""
        return type(self)(**{**vars(self), **changes})

    @classmethod
    def fields(cls) -> tuple[OptionField, ...]:
        """The declared options, in declaration order (base classes first)."""
        return tuple(cls._fields.values())

    @classmethod
    def validate(cls: type[Model], data: Mapping[str, Any]) -> Model:
        """An instance from a configuration table, or :class:`OptionsError`."""
        values = _quick(cls, data)
        if values is None:
            values = _with_pydantic(cls, data)
        problems = []
        for name, check in cls.checks.items():
            if name in values:
                try:
                    values[name] = check(values[name])
                except ValueError as error:
                    key = cls._fields[name].key
                    problems.append({"type": "value_error", "loc": (key,), "msg": str(error), "input": values[name]})
        if problems:
            raise OptionsError(problems)
        return cls(**values)


def _type_hints(owner: type[Any]) -> dict[str, Any]:
    """*owner*'s annotations evaluated, once (string annotations cost nothing until asked for)."""
    hints: dict[str, Any] | None = owner.__dict__.get("_hints")
    if hints is None:
        hints = typing.get_type_hints(owner)
        type.__setattr__(owner, "_hints", hints)
    return hints


def _quick(cls: type[OptionsModel], data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The values of *data* by attribute name, if each is plainly valid; else ``None``."""
    by_key = {field.key: field for field in cls._fields.values()}
    values: dict[str, Any] = {}
    for key, value in data.items():
        field = by_key.get(key) or cls._fields.get(key)
        if field is None or field.spec.extra:
            return None
        accepted, converted = _plain(field.annotation, value)
        if not accepted or not _within(field.spec.constraints, converted):
            return None
        values[field.name] = converted
    return values


def _within(constraints: tuple[tuple[str, Any], ...], value: Any) -> bool:
    tests = {"ge": lambda a, b: a >= b, "gt": lambda a, b: a > b, "le": lambda a, b: a <= b, "lt": lambda a, b: a < b}
    try:
        return all(tests[name](value, bound) for name, bound in constraints)
    except TypeError:
        return False


def _plain(annotation: Any, value: Any) -> tuple[bool, Any]:
    """(True, the value pydantic would produce) if *value* is plainly an *annotation*."""
    if annotation is Any:
        return True, value
    if annotation in (str, int, bool):
        return type(value) is annotation, value
    if annotation is float:
        return type(value) in (int, float), float(value) if type(value) in (int, float) else value
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = {member.value: member for member in annotation}
        hit = type(value) is str and value in members
        return hit, members[value] if hit else value
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return any(type(value) is type(choice) and value == choice for choice in arguments), value
    if origin in (Union, types.UnionType):
        if value is None:
            return type(None) in arguments, None
        for argument in arguments:
            if argument is not type(None):
                accepted, converted = _plain(argument, value)
                if accepted:
                    return True, converted
        return False, value
    if origin in (list, tuple) and type(value) is list:
        item_type = arguments[0] if arguments else Any
        if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
            return False, value
        items = [_plain(item_type, item) for item in value]
        if not all(accepted for accepted, _ in items):
            return False, value
        converted = [item for _, item in items]
        return True, tuple(converted) if origin is tuple else converted
    if origin is dict and type(value) is dict:
        key_type, value_type = arguments or (Any, Any)
        result = {}
        for key, item in value.items():
            key_ok, key_value = _plain(key_type, key)
            item_ok, item_value = _plain(value_type, item)
            if not (key_ok and item_ok):
                return False, value
            result[key_value] = item_value
        return True, result
    return False, value


def _with_pydantic(cls: type[OptionsModel], data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate with a pydantic model of *cls*'s declaration, built on first need."""
    from pydantic import ValidationError

    if cls.__dict__.get("_validator") is None:
        cls._validator = _pydantic_model(cls)
    try:
        validated = cls._validator.model_validate(dict(data))
    except ValidationError as error:
        raise OptionsError([dict(problem) for problem in error.errors()]) from None
    return {name: getattr(validated, name) for name in cls._fields}


def _pydantic_model(cls: type[OptionsModel]) -> Any:
    from pydantic import ConfigDict, create_model
    from pydantic import Field as PydanticField

    definitions: dict[str, Any] = {}
    for field in cls._fields.values():
        spec = field.spec
        arguments: dict[str, Any] = dict(spec.constraints) | dict(spec.extra)
        if spec.default_factory is not None:
            arguments["default_factory"] = spec.default_factory
        elif spec.default is not _MISSING:
            arguments["default"] = spec.default
        definitions[field.name] = (
            field.annotation,
            PydanticField(alias=field.key, description=spec.description, **arguments),
        )
    config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True)
    return create_model(cls.__name__, __config__=config, __module__=cls.__module__, **definitions)


# -- options models of either kind ------------------------------------------------------------------
def _is_pydantic(model: type[Any]) -> bool:
    """True for a pydantic model; pydantic is only imported if something already did."""
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(model, type) and issubclass(model, pydantic.BaseModel)


def is_options_model(model: object) -> bool:
    """True for an :class:`OptionsModel` subclass or a pydantic model."""
    return isinstance(model, type) and (issubclass(model, OptionsModel) or _is_pydantic(model))


def defaults(model: type[Any]) -> Any:
    """An instance with every default, unvalidated."""
    return model.model_construct() if _is_pydantic(model) else model()


def validate(model: type[Any], data: Mapping[str, Any]) -> Any:
    """*data* validated by *model*, or :class:`OptionsError`."""
    if not _is_pydantic(model):
        return model.validate(data)
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise OptionsError([dict(problem) for problem in error.errors()]) from None


@record(frozen=True, slots=True)
class OptionDoc:
    """One option as documentation shows it."""

    key: str
    annotation: Any
    default: Any
    description: str


def option_fields(model: type[Any]) -> list[OptionDoc]:
    """The options *model* declares, in order, whichever kind it is."""
    if _is_pydantic(model):
        return [
            OptionDoc(
                field.alias or name.replace("_", "-"),
                field.annotation,
                field.get_default(call_default_factory=True),
                field.description or "",
            )
            for name, field in model.model_fields.items()
        ]
    return [OptionDoc(field.key, field.annotation, field.default(), field.description) for field in model.fields()]
