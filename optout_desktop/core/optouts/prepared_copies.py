"""A mailing list's cleaned copy, written while the list is checked, moved into place when saved."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from optout_desktop.core.errors import OptOutError
from optout_desktop.core.folders import cache_folder
from optout_desktop.core.optouts.cleaned_files import Block, CopyWriter, Partial, Writer
from optout_desktop.core.reading.raw_rows import RawRows

log = logging.getLogger(__name__)
PREFIX = "cleaning-"  # a private folder per prepared copy, in the app's cache folder
_SWEEP_AFTER_S = 24 * 3600  # a folder this old was left by a process that ended abruptly
_ours: list[Path] = []  # this process's prepared copies' folders (the last check's)


class PreparedCopy:
    """The cleaned copy of the list being checked: its kept rows, byte for byte, as the saved
    file would have them (cleaned_files.CopyWriter), in a folder only its owner can read.

    A new check discards the last one; so does the end of the process. Only a CSV list gets
    one (`open` gives None for a sheet). It is only a head start: a copy that cannot be
    written (no room, characters that cannot be written back) is dropped quietly, and the
    save then writes the file itself (and says what is wrong, if it is)."""

    def __init__(self) -> None:
        discard_all()
        self.writer: CopyWriter | None = None
        self.rows = 0
        self.folder: Path | None = None
        try:
            home = cache_folder()
            home.mkdir(parents=True, exist_ok=True)
            _sweep(home)
            self.folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=home))  # (mode 0700)
        except OSError:
            log.info("no room for a prepared copy of the cleaned list", exc_info=True)
            return
        _ours.append(self.folder)

    def open(self, raw: RawRows | None) -> Writer | None:
        if raw is None or self.folder is None:
            return None
        try:
            self.writer = CopyWriter(Partial(self.folder / "cleaned.csv"), raw)
        except OptOutError:
            log.info("no prepared copy of the cleaned list", exc_info=True)
            return None
        return self

    def take(self, block: Block, codes: bytes) -> None:
        if self.writer is None:
            return
        try:
            self.writer.take(block, codes)
            self.rows = self.writer.rows
        except OptOutError:
            log.info("the prepared copy of the cleaned list is dropped", exc_info=True)
            self._drop()

    def close(self) -> None:
        if self.writer is not None:
            try:
                self.writer.handle.close()
            except OSError:  # (what was left to write: the copy is dropped anyway)
                log.info("could not close the prepared copy", exc_info=True)

    def finish(self) -> tuple[str, int]:
        """Close the copy: its path and its rows ("" and 0 when there is none)."""
        writer = self.writer
        try:
            if writer is not None:
                writer.close()  # (says so if the rows cannot be written back exactly)
        except OptOutError:
            log.info("the prepared copy of the cleaned list is dropped", exc_info=True)
            self._drop()
        if self.writer is None:
            self.discard()
            return "", 0
        return str(self.writer.handle.name), self.writer.rows

    def discard(self) -> None:
        self.close()
        if self.folder is not None:
            _remove(self.folder)

    def _drop(self) -> None:
        self.close()
        self.writer = None


def move_into_place(prepared: str, partial: Partial) -> bool:
    """Put a prepared copy where `partial` is being written; False when that cannot be done
    (saved once already, discarded, or refused by the file system), and the caller writes
    the file itself. A rename on the same drive; on another drive, or on Windows (where a
    file renamed keeps the temporary folder's permissions, not its new folder's), a copy."""
    copy = Path(prepared)
    if not prepared or not copy.is_file():
        return False
    if os.name != "nt":
        try:
            os.replace(copy, partial.partial)
            return True
        except OSError:
            log.info("the prepared copy cannot be renamed; copied instead", exc_info=True)
    try:
        shutil.copyfile(copy, partial.partial)
    except OSError:
        log.info("the prepared copy cannot be copied; written again", exc_info=True)
        return False
    try:
        copy.unlink()
    except OSError:  # (held open by a virus scanner, say: removed with its folder later)
        log.info("could not remove the prepared copy", exc_info=True)
    return True


def discard_all() -> None:
    """Remove this process's prepared copies."""
    while _ours:
        _remove(_ours.pop())


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _sweep(home: Path) -> None:
    """Remove prepared copies left by processes that ended abruptly (a day old or more)."""
    now = time.time()
    try:
        for folder in home.glob(f"{PREFIX}*"):
            if folder.is_dir() and now - folder.stat().st_mtime > _SWEEP_AFTER_S:
                _remove(folder)
    except OSError:
        log.info("could not look for old prepared copies", exc_info=True)


atexit.register(discard_all)
