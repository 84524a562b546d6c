"""Fixtures the core's tests share: a helper process, and a mailing list's setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.optouts.import_process import ImportProcess


@pytest.fixture
def helper(db: Any, db_path: Path) -> Iterator[ImportProcess]:
    """A helper process for the window's long jobs, on the test's database."""
    process = ImportProcess(db_path)
    yield process
    process.close()


@pytest.fixture
def brand_b(db: Any, tmp_path: Path) -> int:
    """The suppression list the cleaning tests clean against; the business unit Brand B's id."""
    from tests.core.test_cleaning import suppressions

    return suppressions(tmp_path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the lists and the cleaned files go (the database lives beside it)."""
    (tmp_path / "lists").mkdir()
    return tmp_path / "lists"
