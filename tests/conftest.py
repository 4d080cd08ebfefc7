"""Shared test fixtures: where the shared reports are, and reports built from text."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint.model import Report
from reportlint.model.report import build_report
from reportlint.parsing import parse_text
from reportlint.readers.text import decode, normalise_newlines

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


def shared_reports() -> list[Path]:
    """The seed and the real corpus reports (plain text), sorted."""
    return sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt")])


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; CI has it, so there its absence is a failure."""
    if not (SHARED / "corpus").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared reports not found at {SHARED}")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def report_from_text(text: str, path: str = "test.txt") -> Report:
    """The model of *text*, built exactly as the engine builds it."""
    text = normalise_newlines(text)
    return build_report(path, text, parse_text(text))


def report_from_file(path: Path) -> Report:
    """The model of a file on disk."""
    return report_from_text(decode(path.read_bytes()).text, str(path))


@pytest.fixture
def build() -> Callable[[str], Report]:
    """Build a report model from a text snippet."""
    return report_from_text
