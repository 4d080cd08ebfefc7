"""One :class:`reportlint.app.Session` per workspace folder, rebuilt when its configuration changes.

The CLI looks for the configuration from the folder it runs in upwards; an editor's
equivalent of that folder is the workspace folder that holds the document, so each
folder gets the session the CLI would build there. Before every lint the folder's
configuration is looked up again (a few ``stat`` calls) and the session is rebuilt when
the file in force or its modification time changed, or the baseline file's, so an
edit to ``reportlint.toml`` — by hand or by the "ignore" action — takes effect on the
next lint without a restart. A document outside every folder uses its own folder.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path

from reportlint.app import RunError, RunOptions, Session
from reportlint.config import ConfigError, find_config
from reportlint.plugins import PluginError
from reportlint.records import record

DEFAULT_BASELINE = "reportlint-baseline.json"
"""The baseline file, relative to the workspace folder, unless the client names another."""

_Key = tuple[str | None, int, int | None]


class SessionError(Exception):
    """The folder's configuration or plugins cannot be used; the message is the CLI's."""


@record
class Folder:
    """A workspace folder, its baseline file and its current session."""

    path: Path
    baseline: Path
    session: Session | None = None
    key: _Key | None = None
    generation: int = 0
    """Incremented at every rebuild, so cached results of an older session are not reused."""

    def current(self) -> Session:
        """The session for this folder's configuration as it is on disk now."""
        key = _key(self.path, self.baseline)
        if self.session is None or key != self.key:
            options = RunOptions(start=self.path, baseline=str(self.baseline) if key[2] is not None else None)
            try:
                self.session = Session.open(options)
            except (ConfigError, PluginError, RunError) as error:
                self.session, self.key = None, None
                raise SessionError(str(error)) from None
            self.key = key
            self.generation += 1
        return self.session

    def config_path(self) -> Path | None:
        """The configuration file in force for this folder, as the CLI would find it."""
        return find_config(self.path.resolve())


def _mtime(path: Path | None) -> int | None:
    try:
        return path.stat().st_mtime_ns if path is not None and path.is_file() else None
    except OSError:
        return None


def _key(folder: Path, baseline: Path) -> _Key:
    """What the session depends on: the configuration file in force and its time, the baseline's time."""
    found = find_config(folder.resolve())
    return (str(found) if found else None, _mtime(found) or 0, _mtime(baseline))


@record
class Folders:
    """The workspace folders a client opened, and where documents outside them go."""

    baseline: str | None = None
    """The client's baseline setting: absolute, or relative to each folder."""
    folders: dict[Path, Folder] = field(default_factory=dict)

    def set_folders(self, paths: list[Path]) -> None:
        """Replace the folder list (``initialize``, ``didChangeWorkspaceFolders``)."""
        self.folders = {path: self.folders.get(path) or self._new(path) for path in paths}

    def set_baseline(self, baseline: str | None) -> None:
        """A new baseline setting; every session is rebuilt on its next use."""
        self.baseline = baseline
        self.folders = {path: self._new(path) for path in self.folders}

    def invalidate(self) -> None:
        """Forget every session (a watched configuration file changed)."""
        for folder in self.folders.values():
            folder.session, folder.key = None, None

    def for_file(self, file: Path | None) -> Folder:
        """The folder whose session lints *file* (``None``: an untitled buffer)."""
        if file is not None:
            resolved = file.resolve()
            inside = [path for path in self.folders if resolved.is_relative_to(path.resolve())]
            if inside:
                return self.folders[max(inside, key=lambda path: len(path.parts))]
            return self.folders.setdefault(file.parent, self._new(file.parent))
        if self.folders:
            return next(iter(self.folders.values()))
        return self.folders.setdefault(Path.cwd(), self._new(Path.cwd()))

    def _new(self, path: Path) -> Folder:
        baseline = Path(os.path.expanduser(self.baseline or DEFAULT_BASELINE))
        return Folder(path, baseline if baseline.is_absolute() else path / baseline)
