"""Entry points of one group, read straight from the installed distributions' metadata.

Why not ``importlib.metadata.entry_points``: importing it (email, zipfile, csv and
friends) and building every distribution's metadata costs about a third of a flake8
cold start, to read a few lines of ``entry_points.txt``. This module reads the same
files the same way — each folder of ``sys.path`` in order, each ``*.dist-info`` or
``*.egg-info`` in it (and the ``EGG-INFO`` of an unzipped ``*.egg`` on the path), the first
distribution of a (normalised) name winning, as
``importlib.metadata`` does — so built-in and third-party packs are still found by
their entry points, only faster. A ``sys.path`` entry that is not a folder (a zip
archive or an egg file) makes it fall back to ``importlib.metadata`` for the whole
lookup, so nothing is ever missed.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

from reportlint.lazyre import lazy_compile
from reportlint.records import record

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_NORMALISE_RE = lazy_compile(r"[-_.]+")
_VALUE_RE = lazy_compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@record(frozen=True, slots=True)
class EntryPoint:
    """One entry point: ``name = module:attribute`` in ``group``, from ``distribution``."""

    name: str
    value: str
    group: str
    distribution: str
    """The distribution's name as its metadata folder spells it (``reportlint``)."""

    def load(self) -> object:
        """Import the module and return the attribute the value names (as importlib.metadata does)."""
        match = _VALUE_RE.match(self.value)
        if match is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        target: object = import_module(match["module"])
        for attribute in filter(None, (match["attr"] or "").split(".")):
            target = getattr(target, attribute)
        return target


def normalised(name: str) -> str:
    """A distribution name compared as packaging compares them (PEP 503)."""
    return _NORMALISE_RE.sub("-", name).lower()


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of *group* installed for this interpreter."""
    if not all(os.path.isdir(entry or ".") for entry in sys.path if os.path.exists(entry or ".")):
        return _from_importlib(group)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        base = os.path.basename(os.path.normpath(entry or "."))
        for folder in names:
            lowered = folder.lower()
            if lowered.endswith(_METADATA_SUFFIXES):
                distribution = folder.rsplit(".", 1)[0].split("-", 1)[0]
            elif lowered == "egg-info" and base.lower().endswith(".egg"):
                distribution = base.rsplit(".", 1)[0].split("-", 1)[0]  # an unzipped egg on the path
            else:
                continue
            metadata = os.path.join(entry or ".", folder)
            key = normalised(distribution)
            if key in seen or not os.path.isdir(metadata):
                continue
            seen.add(key)
            found.extend(_read(os.path.join(metadata, "entry_points.txt"), group, distribution))
    return found


def _read(path: str, group: str, distribution: str) -> list[EntryPoint]:
    """The entries of *group* in one ``entry_points.txt`` (an INI file; absent is empty)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            found.append(EntryPoint(name, value, group, distribution))
    return found


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    return [
        EntryPoint(point.name, point.value, group, point.dist.name if point.dist else "")
        for point in metadata.entry_points(group=group)
    ]
