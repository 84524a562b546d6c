"""The opt-out import engine on both databases: plan, run, counts, cancel, failure, scope."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core import computer_user
from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import dialect, models
from optout_desktop.core.db.models import ImportClaim, ImportRun, RowError, Suppression
from optout_desktop.core.errors import Cancelled, ConfirmationError, SourceError
from optout_desktop.core.optouts import (
    by_hand,
    domains,
    forget,
    import_fates,
    import_table,
    imports,
)
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from tests.helpers import outside_rows, refuse_inserts, table_counts, traced_statements


def write_csv(path: Path, emails: Iterable[str], header: str = "Email") -> Path:
    """A two-column CSV (Name, Email) with one row per given cell."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", header])
        for number, email in enumerate(emails):
            writer.writerow([f"Person {number}", email])
    return path


def suppressed(scope_id: int | None = None) -> set[str]:
    query = Suppression.select(Suppression.email)
    if scope_id is not None:
        query = query.where(Suppression.scope_id == scope_id)
    return {row.email for row in query}


def optout_file(path: Path, emails: Iterable[str], scope_id: int = models.ACCOUNT) -> ImportRun:
    """Plan and run an opt-out import of a file made from `emails`."""
    plan = imports.plan_optouts(open_source(write_csv(path, emails)), "Email", scope_id)
    return imports.run_optouts(plan, plan.counts.valid)


def add_contacts(path: Path, emails: Iterable[str]) -> None:
    contact_import.import_contacts(open_source(write_csv(path, emails)), "Email")


# A file that mixes every kind of row. Spreadsheet rows 2..11 (row 1 is the header).
MIXED = [
    "a@example.com",  # 2 valid, new
    "",  # 3 blank
    "not-an-address",  # 4 invalid
    "A@EXAMPLE.COM",  # 5 repeats row 2
    "Bo Berg <bo@firma.dk>",  # 6 valid, an existing contact
    "mailto:old@firma.dk",  # 7 valid, already suppressed
    " c@example.com ",  # 8 valid, new
    "   ",  # 9 blank
    "x@",  # 10 invalid
    "'c@example.com'",  # 11 repeats row 8
]


@pytest.fixture
def mixed(db: Any, tmp_path: Path) -> Path:
    """The mixed file, with bo@firma.dk a contact and old@firma.dk opted out before."""
    add_contacts(tmp_path / "contact_import.csv", ["bo@firma.dk", "other@firma.dk"])
    optout_file(tmp_path / "earlier.csv", ["old@firma.dk"])
    return write_csv(tmp_path / "mixed.csv", MIXED)


def test_the_plan_says_each_rows_fate_as_its_counts_do(mixed: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    fates = plan.fates
    assert fates is not None
    said = {2 + index: fates.describe_at(index) for index in range(len(MIXED))}
    assert said == {
        2: "New: not suppressed yet.",
        3: "The cell is blank.",
        4: said[4],
        5: "Repeats the address in row 2.",
        6: "New: not suppressed yet.",
        7: "Already suppressed.",
        8: "New: not suppressed yet.",
        9: "The cell is blank.",
        10: said[10],
        11: "Repeats the address in row 8.",
    }
    assert said[4].startswith("Invalid: ") and said[10].startswith("Invalid: ")
    assert said[4] != said[10]  # each says its own reason
    counts, by_fate = plan.counts, fates.counts()
    assert by_fate == {
        import_fates.NEW: counts.new,
        import_fates.ALREADY: counts.already_suppressed,
        import_fates.INVALID: counts.invalid,
        import_fates.BLANK: counts.blank,
        import_fates.REPEAT: counts.duplicates,
    }


def test_a_business_units_plan_calls_only_what_holds_there_already_suppressed(
    db: Any, tmp_path: Path
) -> None:
    unit = business_units.add_unit("Butik").id
    other = business_units.add_unit("Café").id
    optout_file(tmp_path / "unit.csv", ["unit@x.dk"], unit)
    optout_file(tmp_path / "other.csv", ["other@x.dk"], other)
    optout_file(tmp_path / "account.csv", ["all@x.dk"])
    path = write_csv(tmp_path / "list.csv", ["unit@x.dk", "other@x.dk", "all@x.dk"])
    fates = imports.plan_optouts(open_source(path), "Email", unit).fates
    assert fates is not None
    assert [fates.describe_at(index) for index in range(3)] == [
        "Already suppressed.",
        "New: not suppressed yet.",
        "Already suppressed.",
    ]


def test_plan_counts_every_kind_of_row(mixed: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    counts = plan.counts
    assert plan.column == "Email"
    assert (counts.rows, counts.blank, counts.invalid, counts.duplicates) == (10, 2, 2, 2)
    assert counts.valid == counts.rows - counts.blank - counts.invalid - counts.duplicates == 4
    assert (counts.new, counts.already_suppressed, counts.contacts_unsubscribed) == (3, 1, 1)


def test_plan_writes_nothing(mixed: Path, db_path: Path) -> None:
    before = table_counts(db_path)
    runs_before = ImportRun.select().count()
    imports.plan_optouts(open_source(mixed), "Email")
    assert table_counts(db_path) == before
    assert ImportRun.select().count() == runs_before
    assert suppressed() == {"old@firma.dk"}


def test_run_writes_what_the_plan_said(mixed: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    earlier = Suppression.get(Suppression.email == "old@firma.dk")
    steps: list[Progress] = []
    run = imports.run_optouts(plan, 4, progress=steps.append)

    assert run.state == "completed"
    assert run.finished_at
    stored = ImportRun.get_by_id(run.id)
    assert {name: getattr(stored, name) for name in plan.counts.as_dict()} == plan.counts.as_dict()
    assert stored.file_name == "mixed.csv"
    assert stored.file_sha256 == hashlib.sha256(mixed.read_bytes()).hexdigest()
    assert stored.column == "Email"
    assert stored.user_name == computer_user.user_name() != ""
    assert stored.scope_id == models.ACCOUNT

    mine = Suppression.select().where(Suppression.import_run == run.id)
    assert {s.email for s in mine} == {"a@example.com", "bo@firma.dk", "c@example.com"}
    assert {s.reason for s in mine} == {"import"}
    assert suppressed() == {"a@example.com", "bo@firma.dk", "c@example.com", "old@firma.dk"}
    # The earlier opt-out is left as it was.
    again = Suppression.get(Suppression.email == "old@firma.dk")
    assert (again.import_run_id, again.created_at) == (earlier.import_run_id, earlier.created_at)

    refused = list(
        RowError.select().where(RowError.import_run == run.id).order_by(RowError.row_number)
    )
    assert [(r.row_number, r.raw_value) for r in refused] == [
        (3, ""),
        (4, "not-an-address"),
        (5, "A@EXAMPLE.COM"),
        (9, "   "),
        (10, "x@"),
        (11, "'c@example.com'"),
    ]
    assert "row 2" in refused[2].reason and "row 8" in refused[5].reason

    writing = [s for s in steps if s.phase == "writing"]
    assert writing and writing[-1].done == writing[-1].total == 4


def test_a_second_import_that_overlaps_the_first(db: Any, tmp_path: Path) -> None:
    first = optout_file(tmp_path / "one.csv", ["a@x.dk", "b@x.dk", "c@x.dk"])
    assert (first.valid, first.new, first.already_suppressed) == (3, 3, 0)
    add_contacts(tmp_path / "contact_import.csv", ["c@x.dk", "e@x.dk"])

    source = open_source(write_csv(tmp_path / "two.csv", ["B@x.dk", "c@x.dk", "d@x.dk", "e@x.dk"]))
    plan = imports.plan_optouts(source, "Email")
    counts = plan.counts
    assert (counts.valid, counts.new, counts.already_suppressed) == (4, 2, 2)
    # c@x.dk is a contact but was unsubscribed by the first import; e@x.dk is newly unsubscribed.
    assert counts.contacts_unsubscribed == 1
    second = imports.run_optouts(plan, 4)
    assert (second.new, second.already_suppressed, second.contacts_unsubscribed) == (2, 2, 1)
    by_import = {s.email: s.import_run_id for s in Suppression.select()}
    assert by_import == {
        "a@x.dk": first.id,
        "b@x.dk": first.id,
        "c@x.dk": first.id,
        "d@x.dk": second.id,
        "e@x.dk": second.id,
    }


@pytest.mark.parametrize("offset", [-1, 1, 6])
def test_a_wrong_confirmation_writes_nothing(mixed: Path, db_path: Path, offset: int) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    before = table_counts(db_path)
    with pytest.raises(ConfirmationError, match="nothing was imported"):
        imports.run_optouts(plan, plan.counts.valid + offset)
    assert table_counts(db_path) == before


def test_a_file_changed_after_the_plan_is_refused(mixed: Path, db_path: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    before = table_counts(db_path)
    with mixed.open("a", encoding="utf-8") as handle:
        handle.write("Late,late@example.com\n")
    with pytest.raises(SourceError, match="changed"):
        imports.run_optouts(plan, plan.counts.valid)
    assert table_counts(db_path) == before
    mixed.unlink()
    with pytest.raises(SourceError, match="gone"):
        imports.run_optouts(plan, plan.counts.valid)
    assert table_counts(db_path) == before


def test_a_column_with_no_valid_address_is_refused(db: Any, tmp_path: Path, db_path: Path) -> None:
    source = open_source(write_csv(tmp_path / "f.csv", ["a@example.com", "b@example.com"]))
    before = table_counts(db_path)
    with pytest.raises(SourceError, match="no valid email address"):
        imports.plan_optouts(source, "Name")
    assert table_counts(db_path) == before


BIG = 120_000


@pytest.fixture
def big_file(db: Any, tmp_path: Path) -> Path:
    emails = (f"person{n}@example.com" if n % 1000 else "not an address" for n in range(BIG))
    return write_csv(tmp_path / "big.csv", emails)


@pytest.mark.parametrize("staged", [True, False], ids=["from the staging", "written again"])
def test_cancel_from_the_progress_callback_rolls_back(
    big_file: Path, db_path: Path, staged: bool
) -> None:
    plan = imports.plan_optouts(open_source(big_file), "Email")
    assert plan.counts.valid == BIG - BIG // 1000
    if not staged:  # (as when the count ran on another connection)
        import_table.forget_staged(plan.staged)
    before = table_counts(db_path)
    cancel = threading.Event()
    steps: list[Progress] = []

    def progress(step: Progress) -> None:
        steps.append(step)
        cancel.set()  # the user presses Cancel after the first batch

    with pytest.raises(Cancelled):
        imports.run_optouts(plan, plan.counts.valid, progress, cancel)
    assert steps
    if not staged:
        assert steps[0].done < plan.counts.valid  # it stopped mid-way
    assert Suppression.select().count() == 0
    assert RowError.select().count() == 0
    run = ImportRun.get()
    assert run.state == "cancelled"
    assert run.finished_at
    after = table_counts(db_path)
    assert after == {**before, "import_run": before["import_run"] + 1}


class FlagAfter(threading.Event):
    """A cancel flag that the user sets while the engine is busy: after `polls` looks at it."""

    def __init__(self, polls: int) -> None:
        super().__init__()
        self.polls = polls
        self.seen = 0

    def is_set(self) -> bool:
        self.seen += 1
        if self.seen >= self.polls:
            self.set()
        return super().is_set()


@contextmanager
def cancelled_at(polls: int) -> Iterator[threading.Event]:
    """A cancel flag the user sets at some moment of an import.

    On SQLite, after `polls` looks at it (its progress handler looks very often while a
    statement runs). On PostgreSQL the engine looks every 50 ms from a watcher thread, so a
    count of looks would be a matter of timing; there the flag is set as statement number
    5 + `polls` begins (`polls` at most 12), and the watcher cancels whatever runs. (Of a
    run's 20 statements, 6 begins the import's transaction and 17, the refused rows' INSERT,
    is the last the import can still be cancelled in; 15 inserts the counted addresses from
    the staging table.)
    """
    if not dialect.is_server():
        yield FlagAfter(polls)
        return
    cancel = threading.Event()

    def press(number: int) -> None:
        if number >= 5 + min(polls, 12):
            cancel.set()

    with traced_statements(before=press):
        yield cancel


@pytest.mark.parametrize("polls", [1, 2, 3, 5, 8, 13])
def test_a_cancel_at_any_moment_of_the_run_rolls_back(big_file: Path, polls: int) -> None:
    plan = imports.plan_optouts(open_source(big_file), "Email")
    with cancelled_at(polls) as cancel, pytest.raises(Cancelled):
        imports.run_optouts(plan, plan.counts.valid, cancel=cancel)
    assert Suppression.select().count() == 0
    assert RowError.select().count() == 0
    assert [r.state for r in ImportRun.select()] == ["cancelled"]
    # The database is usable afterwards: the same plan runs to the end.
    run = imports.run_optouts(plan, plan.counts.valid)
    assert run.state == "completed"
    assert Suppression.select().count() == plan.counts.valid


def test_a_cancel_while_reading_writes_nothing(big_file: Path, db_path: Path) -> None:
    before = table_counts(db_path)
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        imports.plan_optouts(
            open_source(big_file), "Email", progress=lambda step: cancel.set(), cancel=cancel
        )
    assert table_counts(db_path) == before


def test_a_failure_mid_transaction_rolls_back_and_is_recorded(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    before = suppressed()

    def broken(*args: Any, **kwargs: Any) -> None:
        assert Suppression.select().count() > len(before)  # the opt-outs were being written
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(import_table, "save_refused_rows", broken)
    with pytest.raises(RuntimeError, match="on fire"):
        imports.run_optouts(plan, plan.counts.valid)
    assert suppressed() == before
    run = ImportRun.select().order_by(ImportRun.id.desc()).get()
    assert run.state == "failed"
    assert "on fire" in run.message
    assert RowError.select().where(RowError.import_run == run.id).count() == 0


def test_a_database_error_mid_transaction_rolls_back_and_is_recorded(db: Any, mixed: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    before = suppressed()
    refuse_inserts(db, "row_error", "no room")
    with pytest.raises(Exception, match="no room"):
        imports.run_optouts(plan, plan.counts.valid)
    assert suppressed() == before
    run = ImportRun.select().order_by(ImportRun.id.desc()).get()
    assert run.state == "failed"


def test_no_query_per_row(db: Any, tmp_path: Path) -> None:
    rows = 20_000
    emails = [f"p{n}@example.com" if n % 10 else f"bad {n}" for n in range(rows)]
    emails += emails[:500]  # repeated rows
    add_contacts(tmp_path / "contact_import.csv", emails[:3000])
    optout_file(tmp_path / "earlier.csv", emails[2000:4000])
    with traced_statements() as statements:
        plan = imports.plan_optouts(open_source(write_csv(tmp_path / "f.csv", emails)), "Email")
        planned = len(statements)
        run = imports.run_optouts(plan, plan.counts.valid)
        ran = len(statements) - planned
        contact_import.import_contacts(open_source(write_csv(tmp_path / "c.csv", emails)), "Email")
        contacted = len(statements) - planned - ran
    assert run.new == plan.counts.valid - 1800 > 10_000
    assert run.contacts_unsubscribed == 2000 - 200
    assert planned < 200, statements[:20]
    assert ran < 200, statements[:20]
    assert contacted < 200, statements[:20]


def test_a_business_unit_import_applies_to_that_unit_only(db: Any, tmp_path: Path) -> None:
    brand = business_units.add_unit("Brand B").id
    other = business_units.add_unit("Brand C").id
    optout_file(tmp_path / "account.csv", ["all@x.dk"])
    optout_file(tmp_path / "c.csv", ["c-only@x.dk"], other)

    source = open_source(write_csv(tmp_path / "b.csv", ["all@x.dk", "c-only@x.dk", "b@x.dk"]))
    plan = imports.plan_optouts(source, "Email", brand)
    # The whole account's opt-out applies to B; brand C's does not.
    assert (plan.counts.new, plan.counts.already_suppressed) == (2, 1)
    run = imports.run_optouts(plan, 3)
    assert run.scope_id == brand
    assert suppressed(brand) == {"c-only@x.dk", "b@x.dk"}
    assert suppressed(models.ACCOUNT) == {"all@x.dk"}
    assert suppressed(other) == {"c-only@x.dk"}

    # A later whole-account import is not blocked by the unit's own opt-outs.
    source = open_source(write_csv(tmp_path / "later.csv", ["b@x.dk", "all@x.dk"]))
    plan = imports.plan_optouts(source, "Email")
    assert (plan.counts.new, plan.counts.already_suppressed) == (1, 1)
    imports.run_optouts(plan, 2)
    assert suppressed(models.ACCOUNT) == {"all@x.dk", "b@x.dk"}


@pytest.mark.sqlite_only  # SQLite's own limit, set on its connection
def test_imports_work_with_an_old_sqlite_limit_of_999_parameters(db: Any, tmp_path: Path) -> None:
    """SQLite before 3.32 allows 999 bound parameters per statement; batches must fit."""
    connection = models.database.obj.connection()
    connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    emails = [f"p{n}@example.com" if n % 4 else f"bad {n}" for n in range(4_000)]
    add_contacts(tmp_path / "contact_import.csv", emails)
    assert models.Contact.select().count() == 3_000
    run = optout_file(tmp_path / "f.csv", emails)
    assert (run.new, run.contacts_unsubscribed) == (3_000, 3_000)
    assert RowError.select().where(RowError.import_run == run.id).count() == 1_000


# The one-pass import the command line uses: read and write together, refuse at the end.


def one_pass(
    path: Path, confirm: int | None = None, scope_id: int = models.ACCOUNT, **kw: Any
) -> Any:
    source = open_source(path)
    if confirm is None:
        confirm = imports.plan_optouts(source, "Email", scope_id).counts.valid
    return imports.import_optouts(source, "Email", confirm, scope_id, **kw)


def test_one_pass_import_counts_and_writes_what_the_plan_says(mixed: Path) -> None:
    plan = imports.plan_optouts(open_source(mixed), "Email")
    run = one_pass(mixed, 4)
    assert run.state == "completed"
    assert imports.counts_of(ImportRun.get_by_id(run.id)) == plan.counts
    mine = Suppression.select().where(Suppression.import_run == run.id)
    assert {s.email for s in mine} == {"a@example.com", "bo@firma.dk", "c@example.com"}
    refused = RowError.select().where(RowError.import_run == run.id).order_by(RowError.row_number)
    assert [r.row_number for r in refused] == [3, 4, 5, 9, 10, 11]


def test_one_pass_import_in_a_business_unit(db: Any, tmp_path: Path) -> None:
    brand = business_units.add_unit("Brand B").id
    optout_file(tmp_path / "account.csv", ["all@x.dk", "both@x.dk"])
    one_pass(write_csv(tmp_path / "b1.csv", ["both@x.dk", "b-old@x.dk"]), scope_id=brand)
    add_contacts(tmp_path / "contact_import.csv", ["all@x.dk", "new@x.dk", "b-old@x.dk"])
    path = write_csv(tmp_path / "b2.csv", ["all@x.dk", "b-old@x.dk", "new@x.dk", "NEW@x.dk"])
    plan = imports.plan_optouts(open_source(path), "Email", brand)
    run = one_pass(path, scope_id=brand)
    assert imports.counts_of(run) == plan.counts
    assert (run.new, run.already_suppressed, run.contacts_unsubscribed) == (1, 2, 1)
    assert suppressed(brand) == {"b-old@x.dk", "new@x.dk"}
    assert suppressed(models.ACCOUNT) == {"all@x.dk", "both@x.dk"}


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_pass_wrong_confirmation_writes_nothing(
    mixed: Path, db_path: Path, offset: int
) -> None:
    before = table_counts(db_path)
    with pytest.raises(ConfirmationError, match="nothing was imported"):
        one_pass(mixed, 4 + offset)
    assert table_counts(db_path) == before


def test_one_pass_refuses_a_column_with_no_address(mixed: Path, db_path: Path) -> None:
    before = table_counts(db_path)
    with pytest.raises(SourceError, match="no valid email address"):
        imports.import_optouts(open_source(mixed), "Name", 0)
    assert table_counts(db_path) == before


def test_one_pass_cancel_from_the_progress_callback(big_file: Path, db_path: Path) -> None:
    before = table_counts(db_path)
    cancel = threading.Event()
    steps: list[Progress] = []

    def progress(step: Progress) -> None:
        steps.append(step)
        cancel.set()

    with pytest.raises(Cancelled):
        one_pass(big_file, BIG - BIG // 1000, progress=progress, cancel=cancel)
    assert steps and steps[0].done < BIG
    assert table_counts(db_path) == {**before, "import_run": before["import_run"] + 1}
    assert [r.state for r in ImportRun.select()] == ["cancelled"]


@pytest.mark.parametrize("polls", [1, 2, 3, 5, 8, 13, 40])
def test_one_pass_cancel_at_any_moment_rolls_back(big_file: Path, polls: int) -> None:
    valid = BIG - BIG // 1000
    with cancelled_at(polls) as cancel, pytest.raises(Cancelled):
        one_pass(big_file, valid, cancel=cancel)
    assert Suppression.select().count() == 0
    assert RowError.select().count() == 0
    assert [r.state for r in ImportRun.select()] == ["cancelled"]
    run = one_pass(big_file, valid)
    assert (run.state, run.new) == ("completed", valid)


def test_one_pass_failure_in_the_writer_rolls_back_and_is_recorded(db: Any, big_file: Path) -> None:
    refuse_inserts(db, "suppression", "no room", when="NEW.email = 'person60001@example.com'")
    with pytest.raises(Exception, match="no room"):
        one_pass(big_file, BIG - BIG // 1000)
    assert Suppression.select().count() == 0
    run = ImportRun.get()
    assert run.state == "failed"
    assert "no room" in run.message


def test_one_pass_failure_after_writing_rolls_back_and_is_recorded(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = suppressed()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(import_table, "save_refused_rows", broken)
    with pytest.raises(RuntimeError, match="on fire"):
        one_pass(mixed, 4)
    assert suppressed() == before
    run = ImportRun.select().order_by(ImportRun.id.desc()).get()
    assert (run.state, run.file_name) == ("failed", "mixed.csv")


def test_one_pass_import_has_no_query_per_row(db: Any, tmp_path: Path) -> None:
    emails = [f"p{n}@example.com" if n % 10 else f"bad {n}" for n in range(20_000)]
    emails += emails[:500]
    add_contacts(tmp_path / "contact_import.csv", emails[:3000])
    optout_file(tmp_path / "earlier.csv", emails[2000:4000])
    path = write_csv(tmp_path / "f.csv", emails)
    with traced_statements() as statements:
        run = imports.import_optouts(open_source(path), "Email", 18_000)
    assert (run.new, run.contacts_unsubscribed) == (18_000 - 1_800, 1_800)
    assert len(statements) < 200, statements[:20]


@pytest.mark.parametrize(("contacts_count", "optouts_count"), [(0, 50), (3, 50), (200, 50)])
def test_contacts_unsubscribed_are_counted_whichever_side_is_smaller(
    db: Any, tmp_path: Path, contacts_count: int, optouts_count: int
) -> None:
    """The count is driven by the contacts when they are fewer than the new opt-outs, else
    by the opt-outs; either way it is the contacts whose address the import suppressed
    (here every third contact), and the dry run said the same."""
    if contacts_count:
        add_contacts(tmp_path / "c.csv", (f"c{n}@firma.dk" for n in range(contacts_count)))
    listed = [f"c{n}@firma.dk" for n in range(0, contacts_count, 3)][:optouts_count]
    listed += [f"x{n}@firma.dk" for n in range(optouts_count - len(listed))]
    plan = imports.plan_optouts(open_source(write_csv(tmp_path / "o.csv", listed)), "Email")
    run = imports.run_optouts(plan, plan.counts.valid)
    expected = len([a for a in listed if a.startswith("c")])
    assert run.contacts_unsubscribed == plan.counts.contacts_unsubscribed == expected
    assert run.new == optouts_count
    again = one_pass(write_csv(tmp_path / "again.csv", listed + ["new@firma.dk"]))
    assert (again.new, again.contacts_unsubscribed) == (1, 0)


@pytest.mark.sqlite_only
def test_counting_from_the_contacts_looks_each_up_by_address_not_by_import(
    db: Any, tmp_path: Path
) -> None:
    """Each contact is looked up by the unique index on address and scope; by the import's
    index instead, every contact would scan all of the import's opt-outs (150,000 contacts
    against 300,000 opt-outs hung the command line for minutes)."""
    add_contacts(tmp_path / "c.csv", (f"c{n}@firma.dk" for n in range(2)))
    run = optout_file(tmp_path / "o.csv", ["c0@firma.dk", "c1@firma.dk", "x@y.dk", "z@y.dk"])
    with traced_statements() as statements:
        assert import_table.count_contacts_unsubscribed_by(run.id, models.ACCOUNT, run.new) == 2
    counting = [s for s in statements if "EXISTS" in s.upper() and "contact" in s]
    assert len(counting) == 1
    plan = db.execute_sql(f"EXPLAIN QUERY PLAN {counting[0]}").fetchall()
    lookups = [row[-1] for row in plan if row[-1].startswith("SEARCH")]
    assert lookups and all("suppression_email_scope_id" in step for step in lookups), plan


@pytest.mark.parametrize("staging", [False, True], ids=["insert-writer", "staging-writer"])
def test_both_ways_of_writing_give_the_same_list_on_either_database(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, staging: bool
) -> None:
    """The writer the database loads fastest with is chosen by dialect.loads_by_copy; the
    other must give the same opt-outs, counts and claims (each runs on both databases)."""
    monkeypatch.setattr(dialect, "loads_by_copy", lambda: staging)
    domains.add_domain("@covered.dk")
    first = one_pass(write_csv(tmp_path / "a.csv", ["old@x.dk", "both@x.dk"]))
    brand = business_units.add_unit("Brand").id
    listed = ["old@x.dk", "new@x.dk", "bo@covered.dk", "both@x.dk", "o'brien@x.dk"]
    unit = one_pass(write_csv(tmp_path / "b.csv", listed), scope_id=brand)
    again = one_pass(write_csv(tmp_path / "c.csv", ["old@x.dk", "fresh@x.dk"]))
    assert [(r.new, r.already_suppressed) for r in (first, unit, again)] == [
        (2, 0),
        (2, 3),
        (1, 1),
    ]
    assert suppressed(brand) == {"new@x.dk", "o'brien@x.dk"}
    assert suppressed(models.ACCOUNT) == {"@covered.dk", "old@x.dk", "both@x.dk", "fresh@x.dk"}
    claims = {
        (claim.import_run_id, Suppression.get_by_id(claim.suppression_id).email, claim.email)
        for claim in models.ImportClaim.select()
    }
    assert claims == {
        (unit.id, "old@x.dk", ""),
        (unit.id, "both@x.dk", ""),
        (unit.id, "@covered.dk", "bo@covered.dk"),
        (again.id, "old@x.dk", ""),
    }


# ---- the import of what counting staged, after changes made in between ------------------


def test_an_opt_out_made_between_counting_and_importing_is_counted_right(
    db: Any, tmp_path: Path
) -> None:
    plan = imports.plan_optouts(open_source(write_csv(tmp_path / "l.csv", ["a@x.dk", "b@x.dk"])), 1)
    by_hand.add_manual("b@x.dk", models.ACCOUNT)  # a colleague, meanwhile
    run = imports.run_optouts(plan, 2)
    assert (run.new, run.already_suppressed) == (1, 1)
    assert suppressed() == {"a@x.dk", "b@x.dk"}
    claimed = ImportClaim.select().where(ImportClaim.import_run == run.id).count()
    assert claimed == 1  # the import also asked for b@x.dk: undoing the colleague's keeps it


def test_a_domain_opted_out_between_counting_and_importing_covers_its_addresses(
    db: Any, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "l.csv", ["a@x.dk", "b@firma.dk", "c@sub.firma.dk"])
    plan = imports.plan_optouts(open_source(path), 1)
    domains.add_domain("*.firma.dk")
    run = imports.run_optouts(plan, 3)
    assert (run.new, run.already_suppressed) == (1, 2)
    assert suppressed() == {"a@x.dk", "*.firma.dk"}
    claims = {c.email for c in ImportClaim.select().where(ImportClaim.import_run == run.id)}
    assert claims == {"b@firma.dk", "c@sub.firma.dk"}


def test_a_person_forgotten_between_counting_and_importing_is_never_written_plain(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    optout_file(tmp_path / "first.csv", ["jens@firma.dk"])
    plan = imports.plan_optouts(
        open_source(write_csv(tmp_path / "l.csv", ["jens@firma.dk", "ole@firma.dk"])), 1
    )
    forget.forget_person("jens@firma.dk", "jens@firma.dk")
    imports.run_optouts(plan, 2)
    emails = {row[0] for row in outside_rows(db_path, "SELECT email FROM suppression")}
    assert "jens@firma.dk" not in emails and "ole@firma.dk" in emails
    assert eligibility.lookup("jens@firma.dk").suppressed  # kept suppressed, by its digest


def test_a_business_units_import_leaves_what_the_account_opted_out_meanwhile(
    db: Any, tmp_path: Path
) -> None:
    unit = business_units.add_unit("Butik").id
    path = write_csv(tmp_path / "l.csv", ["a@x.dk", "b@x.dk"])
    plan = imports.plan_optouts(open_source(path), 1, unit)
    by_hand.add_manual("b@x.dk", models.ACCOUNT)
    run = imports.run_optouts(plan, 2)
    assert (run.new, run.already_suppressed) == (1, 1)
    assert suppressed(unit) == {"a@x.dk"} and suppressed(models.ACCOUNT) == {"b@x.dk"}


def test_a_plan_run_twice_writes_nothing_twice(db: Any, tmp_path: Path) -> None:
    plan = imports.plan_optouts(open_source(write_csv(tmp_path / "l.csv", ["a@x.dk"])), 1)
    assert imports.run_optouts(plan, 1).new == 1
    again = imports.run_optouts(plan, 1)  # (the staging was used up: it is written again)
    assert (again.new, again.already_suppressed) == (0, 1)
    assert Suppression.select().count() == 1
