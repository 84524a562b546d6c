"""Shared fixtures: offscreen Qt, a fresh SQLite file per test, and the real `optout` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Log files of the window and the command line go to a folder of this test run.
os.environ.setdefault("OPTOUT_LOG_DIR", tempfile.mkdtemp(prefix="optout-test-logs-"))


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite's file itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Core and command-line tests run on SQLite and on PostgreSQL; window tests on SQLite."""
    if "backend" not in metafunc.fixturenames:
        return
    only_sqlite = "qtbot" in metafunc.fixturenames or metafunc.definition.get_closest_marker(
        "sqlite_only"
    )
    metafunc.parametrize("backend", BACKENDS[:1] if only_sqlite else BACKENDS)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A throw-away PostgreSQL server on loopback for the whole test run."""
    from tests import postgres_server

    reason = postgres_server.skip_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed in CI: {reason}")
        pytest.skip(reason)
    server = postgres_server.start_server()
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The database the test uses: a SQLite file, or a fresh database on the test server."""
    if backend == "sqlite":
        yield tmp_path / "optout.sqlite3"
        return
    server = request.getfixturevalue("pg_server")
    url = server.fresh_database()
    yield url
    from optout_desktop.core.db import models

    if models.database.obj is not None:
        models.database.obj.close()
    server.drop_database(url)


@pytest.fixture
def db(db_path: Path) -> Iterator[Any]:
    """The core's database, opened on a real SQLite file in a temporary folder."""
    from optout_desktop.core.db import opening

    database = opening.open_database(db_path)
    yield database
    database.close()


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
    import sqlite3

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


def _optout_command() -> list[str]:
    script = Path(sys.executable).with_name("optout")
    return [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]


class CliResult:
    def __init__(self, completed: subprocess.CompletedProcess[str]) -> None:
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def optout(db_path: Path, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `optout` command on this test's database: optout("billable", "--json")."""

    def run(*args: str | Path, check: bool | None = None) -> CliResult:
        command = [*_optout_command(), "--db", str(db_path), *map(str, args)]
        env = {**os.environ, "HOME": str(tmp_path / "home")}
        completed = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
        )
        result = CliResult(completed)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run


@contextmanager
def traced_statements(before: Callable[[int], None] | None = None) -> Iterator[list[str]]:
    """Every SQL statement the open database runs meanwhile: SQLite's trace callback, or on
    PostgreSQL each execute of a psycopg cursor (an executemany counts once per row).

    On PostgreSQL `before`, if given, is called with each statement's number (1 for the
    first) just before the statement is sent.
    """
    from optout_desktop.core.db import dialect, models

    statements: list[str] = []
    if not dialect.is_server():
        connection = models.database.obj.connection()
        connection.set_trace_callback(statements.append)
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
