"""Every kind of write takes the write lock first (db/writes.py), so writers take turns."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import, contact_list
from optout_desktop.core.db import dialect, failures, models, opening, writes
from optout_desktop.core.db.models import ACCOUNT, Contact, ImportRun, RowError, Suppression
from optout_desktop.core.errors import Cancelled, ConfirmationError, StoreError
from optout_desktop.core.optouts import by_hand, domains, imports, lift, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, one_to_one
from tests.helpers import (
    held,
    is_server,
    outside_rows,
    refuse_inserts,
    table_counts,
    traced_statements,
    unlocked_writes,
    write_rows,
    written_tables,
)

LOCKED = "The suppression list is open in another window or program; try again when it is closed."
SHORT_MS = 300


def emails(path: Path, addresses: list[str]) -> Path:
    return write_rows(path, ["Email"], ([address] for address in addresses))


@pytest.fixture
def world(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A list with something of each kind: contacts, an import, an opt-out and a domain
    added by hand, a business unit (opened with a short wait for the write lock)."""
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", str(SHORT_MS))
    database = opening.open_database(db_path)
    contact_import.import_contacts(
        open_source(emails(tmp_path / "people.csv", ["a@x.dk", "b@x.dk", "c@x.dk"])), "Email"
    )
    imports.import_optouts(
        open_source(emails(tmp_path / "first.csv", ["a@x.dk", "i@x.dk"])), "Email", 2
    )
    by_hand.add_manual("m@x.dk", ACCOUNT)
    domains.add_domain("@firma.dk")
    business_units.add_unit("Brand")
    yield tmp_path
    database.close()


def _first_import() -> int:
    return int(ImportRun.get(ImportRun.kind == "optouts", ImportRun.state == "completed").id)


def _planned(tmp_path: Path) -> Callable[[], object]:
    plan = imports.plan_optouts(open_source(emails(tmp_path / "p.csv", ["p@x.dk"])), "Email")
    return lambda: imports.run_optouts(plan, 1)


def _undo(_: Path) -> Callable[[], object]:
    plan = undo.plan_undo(_first_import())
    return lambda: undo.undo_import(plan.import_id, plan.lift)


def _refused_by_its_count(tmp_path: Path) -> Callable[[], object]:
    source = open_source(emails(tmp_path / "r.csv", ["r@x.dk", "s@x.dk"]))

    def run() -> None:
        with pytest.raises(ConfirmationError):
            imports.import_optouts(source, "Email", 5)

    return run


# Each kind of write: given the folder for files, make what it needs, and return the write.
WRITES: dict[str, Callable[[Path], Callable[[], object]]] = {
    "import in one pass": lambda folder: (
        lambda: imports.import_optouts(
            open_source(emails(folder / "n.csv", ["n@x.dk"])), "Email", 1
        )
    ),
    "import as planned": _planned,
    "import refused by its count": _refused_by_its_count,
    "contacts import": lambda folder: (
        lambda: contact_import.import_contacts(
            open_source(emails(folder / "more.csv", ["d@x.dk"])), "Email"
        )
    ),
    "undo": _undo,
    "domain add": lambda _: lambda: domains.add_domain("@andet.dk"),
    "domain lift": lambda _: lambda: lift.lift_domain("@firma.dk", ACCOUNT, "consent", "asked"),
    "add by hand": lambda _: lambda: by_hand.add_manual("h@x.dk", ACCOUNT),
    "lift": lambda _: lambda: lift.lift_manual("m@x.dk", ACCOUNT, "consent", "asked"),
    "delete contacts": lambda _: (
        lambda: contact_list.delete_contacts([int(Contact.get(Contact.email == "b@x.dk").id)])
    ),
    "delete unsubscribed contacts": lambda _: (
        lambda: contact_import.delete_unsubscribed_contacts(1)
    ),
    "business unit add": lambda _: lambda: business_units.add_unit("Brand 2"),
    "business unit rename": lambda _: lambda: business_units.rename_unit("Brand", "Mærke"),
    "business unit remove": lambda _: lambda: business_units.remove_unit("Brand"),
    "one-to-one log": lambda _: lambda: one_to_one.log_one_to_one("a@x.dk", "consent", "asked"),
}


@pytest.mark.parametrize("kind", WRITES)
def test_each_kind_of_write_takes_the_write_lock_before_it_writes(world: Path, kind: str) -> None:
    write = WRITES[kind](world)
    with traced_statements() as statements:
        write()
    assert written_tables(statements), "it wrote nothing: the test would prove nothing"
    assert unlocked_writes(statements) == []


@pytest.mark.parametrize("kind", WRITES)
def test_each_kind_of_write_waits_for_another_writer_then_says_so_plainly(
    world: Path, db_path: Path, kind: str
) -> None:
    write = WRITES[kind](world)
    before = table_counts(db_path)
    with held(db_path):
        started = time.monotonic()
        with pytest.raises(StoreError) as caught:
            write()
        waited = time.monotonic() - started
    assert str(caught.value) == LOCKED
    assert waited >= SHORT_MS / 1000 * 0.9
    assert table_counts(db_path) == before
    write()  # once the other lets go, it works


def test_the_check_finds_a_write_without_the_lock(world: Path) -> None:
    """The trace check itself: a write in a plain transaction, or in none, is found."""
    with traced_statements() as statements:
        with models.database.obj.atomic():
            Suppression.create(email="plain@x.dk", reason="manual")
        Suppression.create(email="none@x.dk", reason="manual")
        with writes.write_transaction():
            Suppression.create(email="locked@x.dk", reason="manual")
    found = unlocked_writes(statements)
    assert len(found) == 2 and all('INSERT INTO "suppression"' in s for s in found), found


# --- the reported race: an opt-out added by hand while an import runs its final insert ---------

PAUSE = "added during the import"  # the note of the opt-out added by hand


def _pause_inserts_by_hand(db: Any) -> None:
    """On a server, an opt-out added by hand (with the note PAUSE) stays uncommitted for two
    seconds after its insert: an AFTER INSERT trigger sleeps, its row already in the index."""
    db.execute_sql(
        "CREATE FUNCTION pause_by_hand() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$"
    )
    db.execute_sql(
        "CREATE TRIGGER pause_by_hand AFTER INSERT ON suppression FOR EACH ROW "
        f"WHEN (NEW.note = '{PAUSE}') EXECUTE FUNCTION pause_by_hand()"
    )


def _waiting_on_server(target: Any) -> bool:
    """A session waits for the write lock, or sleeps in _pause_inserts_by_hand's trigger."""
    rows = outside_rows(
        target,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND ("
        "(wait_event_type = 'Lock' AND wait_event = 'advisory') OR wait_event = 'PgSleep')",
    )
    return bool(rows[0][0])


def _until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_an_opt_out_added_by_hand_during_an_import_waits_its_turn(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`optout add-optout` of one of an import's addresses while the import writes: the
    addition waits for the import, then takes its opt-out over ("strengthened"); the import
    is whole. (It once made a server's import fail with "duplicate key value violates unique
    constraint", and on SQLite the addition failed as "locked".)

    The import is held at its first INSERT INTO suppression (a server's final, set-based
    one; on SQLite the first of its multi-row ones) until the addition has either begun to
    wait for the write lock, or (without the lock) has read, found nothing, and written its
    row; on a server that row then stays uncommitted a while.
    """
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "30000")
    database = opening.open_database(db_path)
    server = is_server(db_path)
    if server:
        _pause_inserts_by_hand(database)
    addresses = [f"p{n}@example.com" for n in range(2_000)]
    path = emails(tmp_path / "big.csv", addresses)
    importer = threading.current_thread()
    added: dict[str, Any] = {}
    seen: list[str] = []  # the addition's statements (SQLite)

    def add() -> None:
        try:
            if not server:
                models.database.obj.connect(reuse_if_open=True)
                models.database.obj.connection().set_trace_callback(seen.append)
            added["result"] = by_hand.add_manual(addresses[1500], ACCOUNT, note=PAUSE)
        except BaseException as error:  # noqa: BLE001 - looked at by the test
            added["error"] = error
        finally:
            models.database.obj.close()  # this thread's own connection

    def begun() -> bool:
        if server:
            return _waiting_on_server(db_path)
        return any(s.startswith(("BEGIN IMMEDIATE", "INSERT")) for s in seen)

    adder = threading.Thread(target=add)
    inserts: list[int] = []

    def before(number: int) -> None:
        if inserts or not statements[number - 1].startswith("INSERT INTO suppression"):
            return
        if server and threading.current_thread() is not importer:
            return  # (the statements of the addition, and the writer's COPYs)
        inserts.append(number)
        adder.start()
        _until(lambda: begun() or not adder.is_alive())

    with traced_statements(before=before) as statements:
        run = imports.import_optouts(open_source(path), "Email", len(addresses))
    adder.join(30)
    assert inserts, "the import never inserted: the test proved nothing"
    assert "error" not in added, added
    assert (run.state, run.new) == ("completed", 2_000)
    assert added["result"].outcome == "strengthened"
    row = Suppression.get(Suppression.email == addresses[1500])
    assert (row.reason, row.import_run_id, row.note) == ("manual", None, PAUSE)
    assert Suppression.select().count() == 2_000
    database.close()


# --- a cancel that stops a statement the engine wrote by hand -----------------------------------


@pytest.mark.parametrize("kind", ["opt-outs", "contacts"])
def test_a_cancel_that_stops_the_refused_rows_insert_is_a_cancel(
    db: Any, db_path: Path, tmp_path: Path, kind: str
) -> None:
    """The user cancels just as an import writes its refused rows, and the database stops
    that statement (a server says QueryCanceled; here a trigger raises it, SQLSTATE 57014):
    the import is cancelled and writes nothing, never "failed" with the driver's own error
    (a raw cursor once let psycopg's error past the engine's)."""
    path = emails(tmp_path / "f.csv", ["a@x.dk", "not an address", "b@x.dk"])
    refuse_inserts(db, "row_error", "canceling statement due to user request", errcode="57014")
    before = table_counts(db_path)
    cancel = threading.Event()

    def press(number: int) -> None:
        if statements[number - 1].startswith("INSERT INTO row_error"):
            cancel.set()

    with traced_statements(before=press) as statements, pytest.raises(Cancelled):
        if kind == "opt-outs":
            imports.import_optouts(open_source(path), "Email", 2, cancel=cancel)
        else:
            contact_import.import_contacts(open_source(path), "Email", cancel=cancel)
    assert cancel.is_set(), "the refused rows were never written: the test proved nothing"
    after = table_counts(db_path)
    if kind == "opt-outs":
        assert [run.state for run in ImportRun.select()] == ["cancelled"]
        before["import_run"] += 1
    assert after == before
    assert RowError.select().count() == 0


def test_sql_written_by_hand_fails_as_every_query_does(db: Any) -> None:
    """The connection for hand-written SQL turns the driver's errors into peewee's, which
    the engine catches (failures.DATABASE_ERRORS) and words plainly."""
    connection = dialect.connection()
    with pytest.raises(failures.DATABASE_ERRORS) as caught:
        connection.execute("SELECT * FROM no_such_table")
    assert type(caught.value).__module__ == "peewee"
