"""The cleaned copy written while a mailing list is checked: the very file a save would write,
moved into place by the save, and never the reason a check or a save goes wrong."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db.models import CleaningRun
from optout_desktop.core.errors import SourceError
from optout_desktop.core.folders import cache_folder
from optout_desktop.core.optouts import cleaning, prepared_copies
from optout_desktop.core.reading.sources import open_source
from tests.core.test_cleaning import FORMATS, UNIT_FATES, files_in, list_file


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's cache folder, this test's own."""
    monkeypatch.setenv("OPTOUT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def ours() -> set[Path]:
    """The prepared copies' folders in the app's cache folder."""
    return set(cache_folder().glob(f"{prepared_copies.PREFIX}*"))


@pytest.mark.parametrize("form", FORMATS[:4], ids=[form.name for form in FORMATS[:4]])
def test_the_prepared_copy_is_the_file_the_command_line_writes(
    brand_b: int, folder: Path, form: Any
) -> None:
    path, records = list_file(folder / f"list{form.suffix}", form, quoted=True)
    before = ours()
    result = cleaning.count_cleaning(open_source(path), 1, brand_b, prepare=True)
    assert result.prepared and Path(result.prepared).is_file()
    assert len(ours() - before) == 1 and Path(result.prepared).parent in ours()
    saved = cleaning.save_cleaned(result, folder / f"a{form.suffix}")
    assert not Path(result.prepared).exists()  # moved into place, not copied
    cleaning.clean_file(open_source(path), 1, folder / f"b{form.suffix}", brand_b)
    assert saved.path.read_bytes() == (folder / f"b{form.suffix}").read_bytes()
    kept = [records[0]] + [records[1 + n] for n, fate in enumerate(UNIT_FATES) if fate[0] == "kept"]
    assert saved.path.read_bytes() == form.bom + b"".join(kept)
    assert saved.rows == result.counts.kept == result.prepared_rows
    again = cleaning.save_cleaned(result, folder / f"c{form.suffix}")  # saved twice: written
    assert again.path.read_bytes() == saved.path.read_bytes()
    assert [run.saved_as for run in CleaningRun.select().order_by(CleaningRun.id)] == [
        f"a{form.suffix}",
        f"b{form.suffix}",
        f"c{form.suffix}",
    ]
    assert not [name for name in files_in(folder) if name.endswith(".partial")]


def test_a_new_check_or_the_end_of_the_process_discards_the_last_copy(
    brand_b: int, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    first = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    second = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert not Path(first.prepared).parent.exists() and Path(second.prepared).is_file()
    saved = cleaning.save_cleaned(first, folder / "a.csv")  # its copy is gone: written anew
    assert saved.path.read_bytes() == Path(second.prepared).read_bytes()
    prepared_copies.discard_all()  # (registered to run when the process ends)
    assert not Path(second.prepared).parent.exists()


def test_a_changed_file_is_refused_and_a_workbook_is_written_from_the_list(
    brand_b: int, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    book = cleaning.save_cleaned(result, folder / "a.xlsx")  # not the CSV copy
    assert book.rows == result.counts.kept and Path(result.prepared).is_file()
    with path.open("ab") as handle:
        handle.write(b"Ny;ny@kunde.dk;Vejle\r\n")
    before = files_in(folder)
    with pytest.raises(SourceError, match="changed since it was read"):
        cleaning.save_cleaned(result, folder / "b.csv")
    assert files_in(folder) == before


def test_a_list_that_cannot_be_copied_exactly_is_still_checked(brand_b: int, folder: Path) -> None:
    """UTF-16 with a lone byte at its end: the check works, with no prepared copy, and the
    CSV save says why it cannot be made, as without one."""
    path, _ = list_file(folder / "list.txt", FORMATS[3])
    path.write_bytes(path.read_bytes() + b"\x00")
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert result.counts.kept == 5 and result.prepared == ""
    with pytest.raises(SourceError, match="save the cleaned list as .xlsx"):
        cleaning.save_cleaned(result, folder / "c.txt")


def test_a_temporary_folder_that_cannot_be_written_only_costs_the_head_start(
    brand_b: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    real_open = prepared_copies.PreparedCopy.open

    class Full:
        closed = False

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            raise OSError(28, "No space left on device")  # (its buffer, flushed)

    def full(self: Any, raw: Any) -> Any:
        writer = real_open(self, raw)
        if self.writer is not None:
            self.writer.handle.close()
            self.writer.handle = Full()  # every write to it now fails
        return writer

    monkeypatch.setattr(prepared_copies.PreparedCopy, "open", full)
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert result.counts.kept == 5 and result.prepared == ""
    assert cleaning.save_cleaned(result, folder / "a.csv").rows == 5


def test_no_cache_folder_only_costs_the_head_start(
    brand_b: int, folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the folder would be")
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert result.counts.kept == 5 and result.prepared == ""
    assert cleaning.save_cleaned(result, folder / "a.csv").rows == 5


def test_a_copy_the_file_system_will_not_move_is_copied_or_written_again(
    brand_b: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[1], quoted=True)
    cleaning.clean_file(open_source(path), 1, folder / "one-pass.csv")
    expected = (folder / "one-pass.csv").read_bytes()

    def refuse(*_args: Any) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", refuse)  # another drive: copied
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert cleaning.save_cleaned(result, folder / "a.csv").path.read_bytes() == expected
    assert not Path(result.prepared).exists()
    monkeypatch.setattr(shutil, "copyfile", refuse)  # nor copied: written again
    result = cleaning.count_cleaning(open_source(path), 1, prepare=True)
    assert cleaning.save_cleaned(result, folder / "b.csv").path.read_bytes() == expected
    assert not [name for name in files_in(folder) if name.endswith(".partial")]
