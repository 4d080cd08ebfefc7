"""The built wheel carries the grammar and the rule packs, and works on its own.

An editable install is what the test run itself uses; this test covers the other
mode (``pip install .``): it builds the wheel with the project's own build backend,
installs it into a scratch folder without dependencies, and runs the command from
there. A pure-Python wheel is installed by unpacking it (``.dist-info`` included, so
entry points are found), which is what pip does for one, without pip's start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-c", f"import hatchling.build as b; b.build_wheel({str(out)!r})"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("reportlint-*.whl")
    return built


def test_wheel_contains_grammar_rules_and_entry_points(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportlint_grammar/report.lark" in names
    assert "reportlint_grammar/cjk.lark" in names
    assert "reportlint/py.typed" in names
    assert {"reportlint/output/html_assets/report.css", "reportlint/output/html_assets/report.js"} <= set(names)
    for family in ("parse", "structure", "arithmetic", "dates", "contact", "text", "typography"):
        assert f"reportlint_rules/{family}/__init__.py" in names
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[reportlint]" in text and "reportlint.arithmetic = reportlint_rules.arithmetic" in text
    assert not any(name.startswith(("tests/", "docs/")) for name in names)


def test_the_installed_wheel_lints_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    report = ROOT / "examples" / "2023-water-bureau.txt"
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "--isolated", str(report)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert " A003 " in result.stdout and " D001 " in result.stdout
    located = subprocess.run(
        [sys.executable, "-c", "import reportlint_grammar, reportlint_rules; print(reportlint_rules.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert located.stdout.startswith(str(target))
