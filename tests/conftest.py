"""Shared fixtures: offscreen Qt, a fresh SQLite file per test, and the real `optout` command."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CliResult, optout_command

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Log files of the window and the command line go to a folder of this test run.
os.environ.setdefault("OPTOUT_LOG_DIR", tempfile.mkdtemp(prefix="optout-test-logs-"))
os.environ.setdefault("OPTOUT_CACHE_DIR", tempfile.mkdtemp(prefix="optout-test-cache-"))


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


@pytest.fixture
def optout(db_path: Path, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `optout` command on this test's database: optout("billable", "--json")."""

    def run(*args: str | Path, check: bool | None = None) -> CliResult:
        command = [*optout_command(), "--db", str(db_path), *map(str, args)]
        env = {**os.environ, "HOME": str(tmp_path / "home")}
        completed = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
        )
        result = CliResult(completed)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run
