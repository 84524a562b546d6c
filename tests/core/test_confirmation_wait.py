"""An import written while its confirmation dialog is open: committed only on the typed number,
gone without a trace otherwise, and giving way to a colleague's write."""

from __future__ import annotations

import multiprocessing
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db import opening, waiting_writers
from optout_desktop.core.db.models import ImportRun, RunningImport, Suppression, database, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import ConfirmationError, SourceError
from optout_desktop.core.optouts import import_table, imports
from optout_desktop.core.optouts.confirmation_wait import ConfirmationWait, NotConfirmed
from optout_desktop.core.optouts.import_process import ImportProcess
from optout_desktop.core.reading.sources import open_source
from tests.helpers import held, intact, table_counts, write_lock_held, write_rows

ADDRESSES = [f"p{n}@example.com" for n in range(2_000)]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The file of opt-outs each test imports."""
    return write_rows(tmp_path / "a.csv", ["Email"], ([a] for a in ADDRESSES))


def until(condition: Callable[[], bool], what: str, within_s: float = 30) -> None:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > within_s:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def written_and_waiting(helper: ImportProcess, target: Any) -> None:
    """Open the dialog's part: the helper writes the import and keeps it uncommitted."""
    helper.prepare()
    until(lambda: write_lock_held(target), "the import to take the write lock")
    time.sleep(0.5)  # its 2,000 addresses are written well before this
    assert write_lock_held(target)  # still: it waits for the confirmation


def nothing_written(target: Any) -> None:
    counts = table_counts(target)
    assert (counts["suppression"], counts["import_run"], counts["running_import"]) == (0, 0, 0)


def test_the_import_waits_uncommitted_and_the_confirmation_commits_it(
    helper: ImportProcess, db_path: Any, path: Path
) -> None:
    plan = helper.plan(open_source(path), "Email", 0)
    written_and_waiting(helper, db_path)
    nothing_written(db_path)  # another program sees nothing of it yet
    time.sleep(1.1)
    confirmed_at = now()  # (to the second)
    run = helper.run(plan.counts.valid)
    assert (run.state, run.new, run.already_suppressed) == ("completed", 2_000, 0)
    assert run.started_at < confirmed_at <= run.finished_at  # written before, committed now
    assert Suppression.select().count() == 2_000
    assert [r.state for r in ImportRun.select()] == ["completed"]
    assert RunningImport.select().count() == 0
    assert not write_lock_held(db_path)
    intact(db_path)


def test_a_closed_dialog_leaves_no_trace_and_the_file_can_still_be_imported(
    helper: ImportProcess, db_path: Any, path: Path
) -> None:
    plan = helper.plan(open_source(path), "Email", 0)
    written_and_waiting(helper, db_path)
    helper.abandon()
    until(lambda: not write_lock_held(db_path), "the lock to be given back")
    nothing_written(db_path)
    helper.prepare()  # the dialog opened again, and closed at once: the writing stops
    helper.abandon()
    until(lambda: not write_lock_held(db_path), "the lock to be given back")
    nothing_written(db_path)
    run = helper.run(plan.counts.valid)  # confirmed the usual way
    assert (run.id, run.new) == (1, 2_000)  # the import's number was given back each time
    assert Suppression.select().count() == 2_000
    assert [r.state for r in ImportRun.select()] == ["completed"]


def test_the_typed_number_and_the_file_are_checked_at_the_confirmation(
    helper: ImportProcess, db_path: Any, path: Path
) -> None:
    plan = helper.plan(open_source(path), "Email", 0)
    written_and_waiting(helper, db_path)
    with pytest.raises(ConfirmationError, match="You confirmed 1,999 addresses"):
        helper.run(plan.counts.valid - 1)
    nothing_written(db_path)
    written_and_waiting(helper, db_path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("late@example.com\n")  # changed while the dialog was open
    with pytest.raises(SourceError, match="changed since it was read"):
        helper.run(plan.counts.valid)
    nothing_written(db_path)
    assert not write_lock_held(db_path)


def test_a_colleagues_write_goes_first_and_the_import_counts_it(
    helper: ImportProcess, db_path: Any, path: Path
) -> None:
    plan = helper.plan(open_source(path), "Email", 0)
    assert plan.counts.new == 2_000
    written_and_waiting(helper, db_path)
    failures: list[BaseException] = []

    def colleague() -> None:  # a write of its own, on its own connection
        try:
            with write_transaction():
                Suppression.create(email="p7@example.com", reason="manual")
        except BaseException as error:  # noqa: BLE001 - looked at below
            failures.append(error)
        finally:
            database.obj.close()  # (this thread's connection)

    writer = threading.Thread(target=colleague)
    writer.start()
    writer.join(60)  # longer than its lock timeout, shorter than the dialog's hold
    assert not writer.is_alive() and failures == []  # the waiting import gave way
    run = helper.run(plan.counts.valid)
    assert (run.new, run.already_suppressed) == (1_999, 1)
    assert Suppression.select().count() == 2_000
    assert Suppression.get(Suppression.email == "p7@example.com").reason == "manual"


def test_a_helper_ended_while_the_dialog_is_open_writes_nothing(
    helper: ImportProcess, db_path: Any, path: Path
) -> None:
    helper.plan(open_source(path), "Email", 0)
    written_and_waiting(helper, db_path)
    helper.close()  # the window closed
    assert not write_lock_held(db_path)
    nothing_written(db_path)
    helper.plan(open_source(path), "Email", 0)
    written_and_waiting(helper, db_path)
    assert helper._process is not None
    os.kill(helper._process.pid, 9)  # the computer's power went
    helper._process.join(10)
    until(lambda: not write_lock_held(db_path), "the killed helper's lock to go")
    opening.open_database(db_path)  # the next opening records no failed import
    nothing_written(db_path)
    intact(db_path)


@pytest.fixture
def pipe() -> Iterator[tuple[Any, Any]]:
    window, helper_side = multiprocessing.Pipe()
    yield window, helper_side
    window.close()
    helper_side.close()


def test_an_import_not_confirmed_in_time_rolls_back(
    db: Any, db_path: Any, path: Path, pipe: tuple[Any, Any]
) -> None:
    window, helper_side = pipe
    plan = imports.plan_optouts(open_source(path), "Email")
    with pytest.raises(NotConfirmed):
        imports.run_optouts(plan, ConfirmationWait(helper_side, None, hold_s=0.2))
    nothing_written(db_path)
    window.send(("call", "other work"))  # something else for the helper: the import gives way
    wait = ConfirmationWait(helper_side, None)
    with pytest.raises(NotConfirmed):
        imports.run_optouts(plan, wait)
    assert wait.next_request == ("call", "other work") and not wait.confirmed
    nothing_written(db_path)
    assert import_table.holds(plan.staged)  # what the count staged is still there
    window.send(("run", 2_000))
    wait = ConfirmationWait(helper_side, None)
    assert imports.run_optouts(plan, wait).new == 2_000
    assert wait.confirmed and Suppression.select().count() == 2_000


@pytest.mark.sqlite_only
def test_a_writer_waiting_for_the_lock_shows_itself(db: Any, db_path: Path) -> None:
    assert not waiting_writers.someone_waits()
    outcome: list[str] = []

    def write() -> None:
        with write_transaction():
            Suppression.create(email="w@x.dk", reason="manual")
        outcome.append("written")
        database.obj.close()  # (this thread's connection)

    with held(db_path):
        writer = threading.Thread(target=write)
        writer.start()
        until(waiting_writers.someone_waits, "the waiting writer to show itself")
    writer.join(30)
    assert outcome == ["written"] and not waiting_writers.someone_waits()
    here = socket.gethostname()
    left = db_path.with_name(f"{db_path.name}.waiting-writer.{here}.999999999.1")
    left.touch()  # left by a process that is gone
    assert not waiting_writers.someone_waits() and not left.exists()
    old = db_path.with_name(f"{db_path.name}.waiting-writer.other.host.dk.{os.getpid()}.1")
    old.touch()  # another computer's writer, waiting
    assert waiting_writers.someone_waits()
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))  # no writer waits that long
    assert not waiting_writers.someone_waits() and not old.exists()
