"""The folder each kind of file was last opened from or saved to, never the program's own."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, QStandardPaths

import optout_desktop

OPEN, EXPORT, ERRORS, CONTACTS = "open", "export", "errors", "contacts"
KINDS = (OPEN, EXPORT, ERRORS, CONTACTS)
LEGACY_KEY = "lastFolder"  # where versions before 0.x kept the one folder of every kind


def key(kind: str) -> str:
    return f"folders/{kind}"


def program_folders() -> list[Path]:
    """The program's own folders (its resources, the sample): a user's files are elsewhere."""
    folders = [Path(optout_desktop.__file__).resolve().parent]
    bundle = getattr(sys, "_MEIPASS", None)  # a frozen app unpacks itself here
    if bundle:
        folders.append(Path(bundle).resolve())
    return folders


def temporary_folders() -> list[Path]:
    """Where files live only for a while (an attachment opened from an email program)."""
    return [Path(tempfile.gettempdir()).resolve(), Path(QDir.tempPath()).resolve()]


def usable(folder: Path) -> bool:
    """A folder worth coming back to: it is there, and not the program's or a temporary one."""
    try:
        folder = folder.resolve()
    except OSError:
        return False
    if not folder.is_dir():
        return False
    return not any(
        folder == other or other in folder.parents
        for other in program_folders() + temporary_folders()
    )


def default_folder() -> Path:
    """Where a dialog opens the first time: the user's documents, else their home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (Path(documents) if documents else None, Path.home()):
        if candidate is not None and candidate.is_dir():
            return candidate
    return Path.home()


def folder(settings: QSettings, kind: str) -> Path:
    """The folder to start a dialog of this kind of file in."""
    for setting in (key(kind), LEGACY_KEY):
        value = str(settings.value(setting, "") or "")
        if value and usable(Path(value)):
            return Path(value)
    return default_folder()


def remember(settings: QSettings, kind: str, path: Path) -> None:
    """Remember the folder of a file of this kind, unless it is the program's or temporary."""
    parent = path.parent
    if usable(parent):
        settings.setValue(key(kind), str(parent.resolve()))
