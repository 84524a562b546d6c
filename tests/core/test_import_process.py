"""The opt-out import in a helper process: the same counts and writes as in-process, progress,
cancel, refusals, a dead helper, and no reading or counting in the calling process."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ImportRun, RowError, Suppression
from optout_desktop.core.errors import Cancelled, ConfirmationError, SourceError
from optout_desktop.core.optouts import exports, imports, undo
from optout_desktop.core.optouts.import_process import (
    CANCEL,
    PROGRESS,
    HelperFailed,
    ImportProcess,
)
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading import scanning
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units


def write_csv(path: Path, emails: Iterable[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email"])
        writer.writerows([f"P{n}", email] for n, email in enumerate(emails))
    return path


MIXED = ["a@example.com", "", "not an address", "B@Example.com ", "b@example.com", "old@x.dk"]


@pytest.fixture
def no_reading_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The calling process must not read or count the file (it would hold the GIL)."""

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the file was read in the calling process")

    monkeypatch.setattr(scanning, "scan_column", refuse)
    monkeypatch.setattr(imports, "scan_column", refuse)


def test_the_helper_counts_and_writes_what_the_engine_does(
    helper: ImportProcess, tmp_path: Path, no_reading_here: None
) -> None:
    contact_import.import_contacts(
        open_source(write_csv(tmp_path / "c.csv", ["a@example.com"])), "Email"
    )
    Suppression.create(email="old@x.dk", reason="manual")
    path = write_csv(tmp_path / "mixed.csv", MIXED)
    steps: list[Progress] = []
    plan = helper.plan(open_source(path), "Email", 0, steps.append)
    counts = plan.counts
    assert (counts.rows, counts.blank, counts.invalid, counts.duplicates) == (6, 1, 1, 1)
    assert (counts.valid, counts.new, counts.already_suppressed) == (3, 2, 1)
    assert counts.contacts_unsubscribed == 1
    assert plan.column == "Email" and plan.source.path == path and len(plan.checksum) == 64
    assert plan.scan.addresses == []  # the addresses stay in the helper
    assert plan.fates is not None  # each row's fate comes back, for the preview
    assert [plan.fates.describe_at(index) for index in (0, 2, 4, 5)] == [
        "New: not suppressed yet.",
        "Invalid: This is not an email address: it has no @-sign.",
        "Repeats the address in row 5.",
        "Already suppressed.",
    ]
    assert Suppression.select().count() == 1  # counting wrote nothing
    run = helper.run(3, steps.append)
    assert isinstance(run, ImportRun) and (run.state, run.new) == ("completed", 2)
    assert {s.email for s in Suppression.select()} == {"a@example.com", "b@example.com", "old@x.dk"}
    assert RowError.select().where(RowError.import_run == run.id).count() == 3
    assert steps and {step.phase for step in steps} >= {"reading"}


def test_a_business_unit_and_a_second_file_in_the_same_helper(
    helper: ImportProcess, tmp_path: Path
) -> None:
    unit = business_units.add_unit("Butik").id
    first = helper.plan(open_source(write_csv(tmp_path / "1.csv", ["x@y.dk"])), "Email", unit)
    assert helper.run(first.counts.valid).scope_id == unit
    second = helper.plan(open_source(write_csv(tmp_path / "2.csv", ["x@y.dk", "z@y.dk"])), 1, 0)
    assert (second.counts.new, second.counts.already_suppressed) == (2, 0)  # other scope
    helper.run(2)
    assert Suppression.select().count() == 3


def test_refusals_come_back_as_the_engine_words_them(helper: ImportProcess, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "names.csv", ["jens at firma", ""])
    with pytest.raises(SourceError, match="holds no valid email address"):
        helper.plan(open_source(path), "Email", 0)
    good = write_csv(tmp_path / "good.csv", ["a@b.dk", "c@b.dk"])
    plan = helper.plan(open_source(good), "Email", 0)
    with pytest.raises(ConfirmationError, match="You confirmed 1 addresses"):
        helper.run(1)
    good.write_text("Email\nsomeone@else.dk\n", "utf-8")  # changed after the counting
    with pytest.raises(SourceError):
        helper.run(plan.counts.valid)
    assert Suppression.select().count() == 0


def test_cancel_stops_the_counting_and_the_import(helper: ImportProcess, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", (f"p{n}@example.com" for n in range(200_000)))
    cancel = threading.Event()

    def cancel_at_first_step(_step: Progress) -> None:
        cancel.set()

    with pytest.raises(Cancelled):
        helper.plan(open_source(path), "Email", 0, cancel_at_first_step, cancel)
    cancel.clear()
    plan = helper.plan(open_source(path), "Email", 0, None, cancel)  # a cancel is not sticky
    with pytest.raises(Cancelled):
        helper.run(plan.counts.valid, cancel_at_first_step, cancel)
    assert Suppression.select().count() == 0
    assert [run.state for run in ImportRun.select()] == ["cancelled"]


def test_a_helper_that_dies_is_said_plainly_and_the_next_call_starts_another(
    helper: ImportProcess, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", ["a@b.dk"])
    helper.plan(open_source(path), "Email", 0)
    assert helper._process is not None
    os.kill(helper._process.pid, 9)
    helper._process.join(10)
    with pytest.raises(HelperFailed, match="stopped unexpectedly; nothing was written"):
        helper.run(1)
    assert helper.plan(open_source(path), "Email", 0).counts.valid == 1
    assert helper.run(1).state == "completed"


def test_any_core_job_runs_in_the_helper_with_progress_and_cancel(
    helper: ImportProcess, tmp_path: Path
) -> None:
    for n in range(3):
        Suppression.create(email=f"p{n}@x.dk", reason="manual")
    path = write_csv(tmp_path / "big.csv", (f"p{n}@example.com" for n in range(30_000)))
    plan = helper.plan(open_source(path), "Email", 0)
    helper.run(plan.counts.valid)
    steps: list[Progress] = []
    out = tmp_path / "list.csv"
    count = helper.call(
        exports.export_suppressions, out, None, PROGRESS, CANCEL, progress=steps.append
    )
    assert count == 30_003 and len(out.read_text("utf-8-sig").splitlines()) == 30_004
    assert steps and steps[-1].total == 30_003  # the helper's progress came through
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        helper.call(
            exports.export_suppressions, tmp_path / "no.csv", None, PROGRESS, CANCEL, cancel=cancel
        )
    assert not (tmp_path / "no.csv").exists()
    undone = helper.call(undo.undo_import, plan_run_id(), 30_000, CANCEL)
    assert undone.lift == 30_000 and Suppression.select().count() == 3


def plan_run_id() -> int:
    return int(ImportRun.select().order_by(ImportRun.id.desc()).get().id)


def test_where_no_helper_can_start_the_work_runs_here(
    db: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    process = ImportProcess(db_path)

    def no_processes(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("no processes here")

    monkeypatch.setattr(process._context, "Process", no_processes)
    process.start()  # says nothing: the jobs run here instead
    path = write_csv(tmp_path / "a.csv", ["a@b.dk", "c@b.dk", "a@b.dk"])
    plan = process.plan(open_source(path), "Email", 0)
    assert plan.scan.addresses == ["a@b.dk", "c@b.dk"]  # read here
    assert process.run(2).new == 2
    assert process.call(exports.export_suppressions, tmp_path / "o.csv", progress=None) == 2
    process.close()


@pytest.mark.sqlite_only  # about the helper's own reader process, not the database
def test_a_big_file_is_read_by_the_helpers_own_reader_process(
    helper: ImportProcess, tmp_path: Path
) -> None:
    """Past 16 MB the helper reads with a reader process of its own (as the command line
    does): a helper that may not have children (a daemon) failed here."""
    path = write_csv(
        tmp_path / "big.csv", (f"person.number{n}@example.com" for n in range(480_000))
    )
    assert path.stat().st_size > 16 << 20
    plan = helper.plan(open_source(path), "Email", 0)
    assert plan.counts.valid == 480_000
    assert helper.run(480_000).new == 480_000


@pytest.mark.sqlite_only  # about the helper process, not the database
def test_a_process_that_ends_without_closing_its_helper_ends_at_once(tmp_path: Path) -> None:
    """multiprocessing waits at exit for children that are not daemons: a helper still
    waiting for requests kept a test run from ending (seen in CI, after the last test)."""
    script = (
        "import sys, tempfile\n"
        "keep = tempfile.TemporaryDirectory()  # registers weakref.finalize's exit hook early\n"
        "from pathlib import Path\n"
        "from optout_desktop.core.db import opening\n"
        "from optout_desktop.core.optouts.import_process import ImportProcess\n"
        "from optout_desktop.core.reading.sources import open_source\n"
        "opening.open_database(sys.argv[1])\n"
        "helper = ImportProcess(sys.argv[1])\n"
        "plan = helper.plan(open_source(sys.argv[2]), 'Email', 0)\n"
        "print('counted', plan.counts.valid, flush=True)\n"
    )
    path = write_csv(tmp_path / "a.csv", ["a@b.dk", "c@b.dk"])
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "db.sqlite3"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "counted 2" in done.stdout


@pytest.mark.skipif(os.name != "posix", reason="niceness is POSIX's")
def test_the_helper_runs_below_the_window_and_the_window_stays_where_it_was(
    helper: ImportProcess,
) -> None:
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    helper.start()
    if sys.platform.startswith("linux"):  # from its first instruction (its Python starts now)
        assert os.getpriority(os.PRIO_PROCESS, helper._process.pid) == min(window + 5, 19)
    assert helper.call(os.getpid) == helper._process.pid  # it runs its loop
    assert os.getpriority(os.PRIO_PROCESS, helper._process.pid) == min(window + 5, 19)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window
