"""The third-party pack of the docs (docs/examples/reportlint-acme) installs and works.

The pack is built by its own build backend (hatchling, from the test environment) and
installed into a temporary folder by unpacking its pure-Python wheel (what ``pip install
--target`` does for one, without pip's start-up), then used through
``PYTHONPATH`` in subprocesses, so this environment never sees it. Its rule must show in
``--list-rules``, report what it should through the normal command line (also in ``-j``
workers and with options from a configuration file), and pass its own YAML cases, run by
``reportlint.testing`` exactly as a pack author would run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.conftest import findings

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "docs" / "examples" / "reportlint-acme"
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"


class Installed:
    """The pack installed in a temporary folder: how to run Python with it."""

    def __init__(self, site: Path, pack: Path) -> None:
        self.site = site
        self.pack = pack
        path = os.environ.get("PYTHONPATH")
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *([path] if path else [])])}

    def run(self, *args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
        """``python ARGS`` with the pack importable; output decoded as UTF-8."""
        result = subprocess.run(
            [sys.executable, *args], capture_output=True, cwd=cwd, env={**self.env, **env}, check=False, timeout=120
        )
        return subprocess.CompletedProcess(
            result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
        )

    def reportlint(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``python -m reportlint ARGS`` with the pack installed."""
        return self.run("-m", "reportlint", "--isolated", *args)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    pytest.importorskip("hatchling", reason="the test extra installs hatchling, which builds the example pack")
    folder = tmp_path_factory.mktemp("acme")
    pack = folder / "reportlint-acme"
    shutil.copytree(PACK, pack, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.egg-info"))
    site = folder / "site"
    build = [sys.executable, "-c", f"import hatchling.build as b; b.build_wheel({str(folder)!r})"]
    result = subprocess.run(build, cwd=pack, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    (wheel,) = folder.glob("reportlint_acme-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    assert (site / "reportlint_acme" / "ME001.py").is_file()
    return Installed(site, pack)


def test_the_main_environment_is_not_touched(installed: Installed) -> None:
    assert find_spec("reportlint_acme") is None
    assert "acme" not in {entry_point.name for entry_point in entry_points(group="reportlint")}


def test_the_pack_rule_is_listed(installed: Installed) -> None:
    listed = installed.reportlint("--list-rules")
    assert listed.returncode == 0, listed.stderr
    (line,) = [line for line in listed.stdout.splitlines() if line.startswith("ME001 ")]
    assert line.split()[1:3] == ["signature-missing", "警告"]


def test_the_pack_rule_reports_unsigned_reports_only(installed: Installed) -> None:
    unsigned = EXAMPLES / "2020-qinghe-town.txt"
    signed = [
        EXAMPLES / "2023-water-bureau.txt",
        FIXTURES / "clean-2021.txt",
        PACK / "tests" / "fixtures" / "signed.txt",
    ]
    paths = [str(path.relative_to(ROOT)) for path in (unsigned, *signed)]
    result = installed.reportlint("--select", "ME001", "--fail-on", "warning", "-j", "2", *paths)
    assert (result.returncode, result.stderr) == (1, "")
    lines = findings(result.stdout)
    last_line = len(unsigned.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert len(lines) == 1 and lines[0].startswith(f"examples/2020-qinghe-town.txt:{last_line}:1: ME001 "), lines


def test_the_pack_rule_takes_its_options_from_the_configuration(installed: Installed, tmp_path: Path) -> None:
    report = tmp_path / "dated-only.txt"
    text = (PACK / "tests" / "fixtures" / "signed.txt").read_text(encoding="utf-8")
    report.write_text(text.replace("东山县统计局\n2024年1月19日\n", "2024年1月19日\n"), encoding="utf-8")
    default = installed.reportlint("--select", "ME001", str(report))
    assert "缺少发布机关名称" in default.stdout
    assert default.returncode == 0, "ME001 is a warning: it does not fail the run by default"
    config = tmp_path / "reportlint.toml"
    config.write_text('select = ["ME"]\n[rules.ME001]\nrequire-agency = false\n', encoding="utf-8")
    result = installed.run("-m", "reportlint", "--config", str(config), str(report))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_pack_cases_pass_through_reportlint_testing(installed: Installed) -> None:
    # Without the test environment's other pytest plugins (hypothesis is slow to import).
    result = installed.run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=installed.pack, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "ME001: " not in result.stdout.split("passed")[-1]
