"""What many tests share: other programs' views of the database, the real command, files."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db import dialect, postgres


def is_server(target: Any) -> bool:
    """True when the test's database is the PostgreSQL test server's (a URL)."""
    return str(target).startswith("postgresql://")


def outside_rows(target: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows read by a separate connection (another program's view), on either backend.

    Write the SQL with `?` placeholders; they become `%s` for PostgreSQL.
    """
    if is_server(target):
        import psycopg

        with psycopg.connect(str(target)) as other:
            return list(other.execute(sql.replace("?", "%s"), params).fetchall())
    with closing(sqlite3.connect(target)) as other:
        return list(other.execute(sql, params).fetchall())


def table_counts(target: Any) -> dict[str, int]:
    """Rows in every table of the database, read by a separate connection."""
    if is_server(target):
        listing = (
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
    else:
        listing = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = [row[0] for row in outside_rows(target, listing)]
    return {name: outside_rows(target, f'SELECT count(*) FROM "{name}"')[0][0] for name in names}


def optout_command() -> list[str]:
    script = Path(sys.executable).with_name("optout")
    return [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]


class CliResult:
    def __init__(self, completed: subprocess.CompletedProcess[str]) -> None:
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@contextmanager
def traced_statements(before: Callable[[int], None] | None = None) -> Iterator[list[str]]:
    """Every SQL statement the open database runs meanwhile: SQLite's trace callback (on the
    connection of the calling thread, which an import's writer thread shares), or on
    PostgreSQL each execute of a psycopg cursor in any thread (an executemany counts once
    per row).

    `before`, if given, is called with each statement's number (1 for the first) just
    before the statement runs (SQLite: as it begins; PostgreSQL: before it is sent), in the
    thread that runs it.
    """
    from optout_desktop.core.db import dialect, models

    statements: list[str] = []
    if not dialect.is_server():

        def trace(statement: str) -> None:
            statements.append(statement)
            if before is not None:
                before(len(statements))

        connection = models.database.obj.connection()
        connection.set_trace_callback(trace)
        try:
            yield statements
        finally:
            connection.set_trace_callback(None)
        return
    import psycopg

    execute, executemany = psycopg.Cursor.execute, psycopg.Cursor.executemany

    def traced_execute(self: Any, query: Any, params: Any = None, **kwargs: Any) -> Any:
        statements.append(str(query))
        if before is not None:
            before(len(statements))
        return execute(self, query, params, **kwargs)

    def traced_executemany(self: Any, query: Any, params_seq: Any, **kwargs: Any) -> Any:
        rows = list(params_seq)
        statements.extend([str(query)] * len(rows))
        return executemany(self, query, rows, **kwargs)

    copy = psycopg.Cursor.copy

    def traced_copy(self: Any, statement: Any, params: Any = None, **kwargs: Any) -> Any:
        statements.append(str(statement))
        if before is not None:
            before(len(statements))
        return copy(self, statement, params, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(psycopg.Cursor, "execute", traced_execute)
        patch.setattr(psycopg.Cursor, "executemany", traced_executemany)
        patch.setattr(psycopg.Cursor, "copy", traced_copy)
        yield statements


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def writing_optouts(db_path: Path) -> bool:
    """True once an import in another process is writing opt-outs inside its transaction:
    on SQLite its write-ahead log has grown past 2 MB; on PostgreSQL a session of the
    database has sent a COPY of addresses or the INSERT INTO suppression and not yet ended
    its transaction."""
    if is_server(db_path):
        busy = outside_rows(
            db_path,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')"
            " AND (starts_with(query, 'INSERT INTO suppression ')"
            " OR starts_with(query, 'COPY incoming_address '))",
        )
        return bool(busy[0][0])
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 2_000_000


def refuse_inserts(
    db: Any, table: str, message: str, when: str | None = None, errcode: str = "P0001"
) -> None:
    """Make the database refuse inserts into `table` (those matching `when`, a condition on
    NEW), with `message`, as a fault in the middle of a transaction would: a trigger that
    raises (SQLite's RAISE(ABORT); on PostgreSQL a PL/pgSQL RAISE EXCEPTION whose SQLSTATE
    is `errcode`, e.g. 53100 for a full disk)."""
    if not dialect.is_server():
        condition = f" WHEN {when}" if when else ""
        db.execute_sql(
            f"CREATE TRIGGER refuse BEFORE INSERT ON {table}{condition}"
            f" BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" RAISE EXCEPTION '{message}' USING ERRCODE = '{errcode}'; END $$"
    )
    condition = f" WHEN ({when})" if when else ""
    db.execute_sql(
        f"CREATE TRIGGER refuse BEFORE INSERT ON {table} FOR EACH ROW{condition}"
        " EXECUTE FUNCTION refuse()"
    )


def allow_inserts(db: Any, table: str) -> None:
    """Remove refuse_inserts' trigger again."""
    db.execute_sql(f"DROP TRIGGER refuse{f' ON {table}' if dialect.is_server() else ''}")


def intact(path: Path) -> None:
    """The file passes SQLite's integrity check; on a server, every table reads and no
    writer's lock was left behind."""
    if is_server(path):
        assert set(table_counts(path)) >= {"suppression", "import_run", "running_import"}
        held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ?"
        assert outside_rows(path, held, (postgres.WRITE_LOCK_KEY,)) == [(0,)]
        return
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def write_lock_held(target: Any) -> bool:
    """True while some program holds the writers' lock (seen from another connection)."""
    if is_server(target):
        held_sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ?"
        return bool(outside_rows(target, held_sql, (postgres.WRITE_LOCK_KEY,))[0][0])
    with closing(sqlite3.connect(target, timeout=0, isolation_level=None)) as other:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True
        other.execute("ROLLBACK")
        return False


@contextmanager
def held(target: Any) -> Iterator[Any]:
    """Another program's open write transaction on the database (BEGIN IMMEDIATE); on a
    server, a colleague's long write: another session holding the writers' advisory lock."""
    if is_server(target):
        import psycopg

        with psycopg.connect(str(target), autocommit=True) as colleague:
            colleague.execute("SELECT pg_advisory_lock(%s)", (postgres.WRITE_LOCK_KEY,))
            try:
                yield colleague
            finally:
                colleague.execute("SELECT pg_advisory_unlock(%s)", (postgres.WRITE_LOCK_KEY,))
        return
    with closing(sqlite3.connect(target, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        try:
            yield other
        finally:
            other.execute("ROLLBACK")


_WRITE = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|COPY|TRUNCATE"
    r"(?:\s+TABLE)?|ALTER\s+TABLE|DROP\s+(?:TABLE|INDEX)(?:\s+IF\s+EXISTS)?|CREATE\s+(?:"
    r"TEMP(?:ORARY)?\s+)?(?:UNIQUE\s+)?(?:TABLE|INDEX)(?:\s+IF\s+NOT\s+EXISTS)?)\s+"
    r'"?(\w+)"?',
    re.IGNORECASE,
)
_TEMPORARY = re.compile(r"\s*CREATE\s+TEMP(?:ORARY)?\s", re.IGNORECASE)


def _temporary(statements: Sequence[str]) -> set[str]:
    """The temporary tables the statements make (CREATE TEMP TABLE)."""
    return {m.group(1) for s in statements if _TEMPORARY.match(s) and (m := _WRITE.match(s))}


def written_tables(statements: Sequence[str]) -> list[str]:
    """The tables of the database that the statements write to, in order (a connection's
    own temporary tables, made by one of the statements, are not the database's)."""
    temporary = _temporary(statements)
    return [
        m.group(1) for s in statements if (m := _WRITE.match(s)) and m.group(1) not in temporary
    ]


def unlocked_writes(statements: Sequence[str]) -> list[str]:
    """The statements that write to the database's tables without holding the write lock:
    outside a transaction, or in one that began without taking it (SQLite's BEGIN
    IMMEDIATE; on PostgreSQL pg_advisory_xact_lock before the first write)."""
    temporary = _temporary(statements)
    found: list[str] = []
    locked = False
    for statement in statements:
        words = " ".join(statement.split()).upper()
        if words.startswith("BEGIN"):
            locked = words.startswith(("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"))
        elif words in ("COMMIT", "ROLLBACK", "END"):
            locked = False
        elif "PG_ADVISORY_XACT_LOCK(" in words:
            locked = True
        elif (m := _WRITE.match(statement)) and m.group(1) not in temporary and not locked:
            found.append(statement[:120])
    return found
