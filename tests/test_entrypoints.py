"""The entry-point table reportlint reads itself is the one importlib.metadata gives.

reportlint reads ``entry_points.txt`` files directly (start-up time); these tests hold it
to importlib.metadata's answer in this environment and in a made-up ``sys.path``, and
check the fallback for a path entry that is not a folder.
"""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from reportlint import entrypoints


def _table(points: list[entrypoints.EntryPoint]) -> set[tuple[str, str, str]]:
    return {(point.name, point.value, entrypoints.normalised(point.distribution)) for point in points}


@pytest.mark.parametrize("group", ["reportlint", "console_scripts", "pytest11"])
def test_the_installed_table_matches_importlib_metadata(group: str) -> None:
    expected = {
        (point.name, point.value, entrypoints.normalised(point.dist.name if point.dist else ""))
        for point in metadata.entry_points(group=group)
    }
    assert _table(entrypoints.entry_points(group)) == expected
    if group == "reportlint":
        assert {"reportlint.structure", "reportlint.arithmetic"} <= {name for name, _, _ in expected}


def _dist(folder: Path, name: str, text: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.split('-')[0]}\n", encoding="utf-8")
    (folder / name / "entry_points.txt").write_text(text, encoding="utf-8")


def test_the_first_distribution_of_a_name_on_the_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "acme_rules-1.0.dist-info", "# comment\n[reportlint]\nacme = acme_rules.pack\n\n[other]\nx = y\n")
    _dist(second, "acme.rules-2.0.dist-info", "[reportlint]\nacme = acme_rules_v2.pack\n")
    _dist(second, "zeta-1.0.egg-info", "[reportlint]\n  zeta = zeta.plugin:hooks [extra]\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    found = entrypoints.entry_points("reportlint")
    assert _table(found) == {
        (point.name, point.value, entrypoints.normalised(point.dist.name if point.dist else ""))
        for point in metadata.entry_points(group="reportlint")
    }
    assert {(point.name, point.value) for point in found} == {
        ("acme", "acme_rules.pack"),
        ("zeta", "zeta.plugin:hooks [extra]"),
    }


def test_an_unzipped_egg_on_the_path_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "foo-1.0-py3.11.egg" / "EGG-INFO"
    info.mkdir(parents=True)
    (info / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: foo\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[reportlint]\nfoo = foo_rules\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "foo-1.0-py3.11.egg")])
    expected = {
        (point.name, point.value, entrypoints.normalised(point.dist.name if point.dist else ""))
        for point in metadata.entry_points(group="reportlint")
    }
    assert _table(entrypoints.entry_points("reportlint")) == expected == {("foo", "foo_rules", "foo")}


def test_a_zip_on_the_path_falls_back_to_importlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\n")
        bundle.writestr("zipped-1.0.dist-info/entry_points.txt", "[reportlint]\nzipped = zipped_rules\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert _table(entrypoints.entry_points("reportlint")) == {("zipped", "zipped_rules", "zipped")}


def test_load_imports_the_module_and_follows_the_attribute() -> None:
    point = entrypoints.EntryPoint("x", "os.path:join", "g", "d")
    assert point.load() is __import__("os").path.join
    with pytest.raises(ValueError):
        entrypoints.EntryPoint("x", "not a value!", "g", "d").load()
