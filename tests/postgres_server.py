"""A throw-away PostgreSQL server for the tests: initdb and pg_ctl on loopback in a temp folder.

Usable without pytest (a benchmark can start one too). As root, which PostgreSQL refuses to
run as, the server runs as the `postgres` system user (else `nobody`) through runuser; as
anyone else it runs as that user. Authentication is `trust`, for 127.0.0.1 and the server's
own Unix socket in the temp folder only, so no password is involved anywhere.

    from tests import postgres_server

    reason = postgres_server.skip_reason()  # None when PostgreSQL can be started here
    server = postgres_server.start_server()  # makes the database "optout_test"
    server.url()                             # postgresql://postgres@127.0.0.1:PORT/optout_test
    url = server.fresh_database()            # an empty database of its own, for one test
    server.drop_database(url)
    server.stop()                            # also done at exit, if forgotten
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATABASE = "optout_test"
TEMPLATE = "optout_template"  # fresh_database copies this one: keep it empty (or schema only)
SUPERUSER = "postgres"
HOST = "127.0.0.1"
BINDIR_ENV = "OPTOUT_PG_BINDIR"  # a folder holding initdb, pg_ctl and psql, to pick one
_NEEDED = ("initdb", "pg_ctl", "psql")
# A disposable server need not survive a power cut: this makes initdb and each test faster.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def find_bindir() -> Path | None:
    """The folder with PostgreSQL's server programs: $OPTOUT_PG_BINDIR, Debian's newest
    /usr/lib/postgresql/N/bin, or the folder of an `initdb` on PATH; None if there is none."""
    candidates: list[Path] = []
    if os.environ.get(BINDIR_ENV):
        candidates.append(Path(os.environ[BINDIR_ENV]))
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = [p for p in debian.iterdir() if p.name.split(".")[0].isdigit()]
        for version in sorted(versions, key=lambda p: int(p.name.split(".")[0]), reverse=True):
            candidates.append(version / "bin")
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in _NEEDED):
            return folder
    return None


def _server_user() -> str | None:
    """The account the server runs as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in (SUPERUSER, "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return None


def skip_reason() -> str | None:
    """Why a throw-away PostgreSQL server cannot be started here, or None when it can."""
    if find_bindir() is None:
        return (
            "PostgreSQL's server programs (initdb, pg_ctl, psql) were not found: install the "
            f"Debian package postgresql, or set {BINDIR_ENV}"
        )
    if os.geteuid() == 0:
        if _server_user() is None:
            return "running as root, and there is no postgres or nobody user to run the server"
        if shutil.which("runuser") is None:
            return "running as root, and runuser (util-linux) is missing"
    return None


def _default_base(run_as: str | None) -> str | None:
    """/dev/shm when it is there with room: memory, not disk, so a CREATE DATABASE takes some
    15 ms rather than 100-300 ms on a busy virtual disk. Else /tmp as root (the server's user
    must be able to pass through it), else the usual temp folder."""
    shm = Path("/dev/shm")
    with contextlib.suppress(OSError):
        room = shutil.disk_usage(shm).free
        if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) and room >= 2 << 30:
            return str(shm)
    return "/tmp" if run_as else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """One running throw-away server; `stop()` removes it and its folder."""

    bindir: Path
    root: Path  # the temp folder: data/, the socket and the log
    port: int
    run_as: str | None  # the system user the server runs as, when we are root
    collation: str  # what initdb was given: "icu:en" or "libc:C.UTF-8"
    started_in: float = 0.0  # seconds from initdb to a server that takes connections
    _admin: Any = field(default=None, repr=False)  # a psycopg connection, if psycopg is there
    _counter: itertools.count[int] = field(default_factory=itertools.count, repr=False)
    _stopped: bool = field(default=False, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, dbname: str = DATABASE) -> str:
        return f"postgresql://{SUPERUSER}@{HOST}:{self.port}/{dbname}"

    # --- running SQL as the superuser: psycopg when installed, else the psql program ------

    def execute(self, sql: str) -> None:
        """Run one statement on the "postgres" database in autocommit (CREATE DATABASE...)."""
        admin = self._admin_connection()
        if admin is not None:
            admin.execute(sql)
        else:
            self.psql(sql)

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        """Run SQL with psql over the server's socket; returns what it printed (unaligned)."""
        command = [str(self.bindir / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
        command += ["-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER]
        command += ["-d", dbname, "-c", sql]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def _admin_connection(self) -> Any:
        if self._admin is None:
            try:
                import psycopg
            except ImportError:
                return None
            self._admin = psycopg.connect(
                host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname="postgres"
            )
            self._admin.autocommit = True
        return self._admin

    # --- a database per test ------------------------------------------------------------

    def fresh_database(self, prefix: str = "t") -> str:
        """A new empty database copied from the template; returns its URL (some 15 ms)."""
        name = f"{prefix}_{os.getpid()}_{next(self._counter)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        return self.url(name)

    def drop_database(self, url_or_name: str) -> None:
        """Drop a database, ending any connection still open to it (a CLI child's, say)."""
        name = url_or_name.rsplit("/", 1)[-1].split("?", 1)[0]
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def fresh_schema(self, dbname: str = DATABASE, prefix: str = "s") -> str:
        """A new empty schema in `dbname`, as a URL whose search_path starts there.

        The other way to isolate tests; slower to clean up than a database, and a test
        sees the other schemas' tables through the catalog, so prefer fresh_database.
        """
        name = f"{prefix}_{os.getpid()}_{next(self._counter)}"
        if self._admin_connection() is not None:
            import psycopg

            with psycopg.connect(self.url(dbname), autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{name}"')
        else:
            self.psql(f'CREATE SCHEMA "{name}"', dbname)
        return f"{self.url(dbname)}?options=-csearch_path%3D{name}"

    # --- the end ------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the server at once (it holds nothing worth keeping) and delete its folder."""
        if self._stopped:
            return
        self._stopped = True
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
        with contextlib.suppress(Exception):
            _run(
                [str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate"],
                self.run_as,
                self.root,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def _run(
    command: Sequence[str], run_as: str | None, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program, as `run_as` when given (we are root); raise on failure."""
    full = ["runuser", "-u", run_as, "--", *command] if run_as else list(command)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no stray PGHOST...
    env["LC_ALL"] = "C.UTF-8"
    done = subprocess.run(full, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)
    if done.returncode != 0:
        raise RuntimeError(
            f"{Path(command[0]).name} failed ({done.returncode}): "
            f"{(done.stderr or done.stdout).strip()[-2000:]}"
        )
    return done


def _initdb(bindir: Path, data: Path, run_as: str | None, root: Path) -> str:
    """initdb with trust authentication; a linguistic default collation (ICU "en") when this
    build has ICU, as on most real servers, so code that assumes byte order fails here."""
    base = [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8"]
    base += ["--auth-local=trust", "--auth-host=trust", "--no-sync", "--no-instructions"]
    try:
        _run([*base, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en"], run_as, root)
        return "icu:en"
    except RuntimeError:
        shutil.rmtree(data, ignore_errors=True)
        _run([*base, "--locale=C.UTF-8"], run_as, root)
        return "libc:C.UTF-8"


def start_server(
    dbname: str = DATABASE,
    *,
    fast: bool = True,
    settings: dict[str, str] | None = None,
    base_dir: str | Path | None = None,
) -> PostgresServer:
    """Start a throw-away server on 127.0.0.1 and a free port; create `dbname` and the empty
    template that fresh_database copies. `fast` turns off fsync (tests, not benchmarks);
    `base_dir` is where its temp folder goes (default: /dev/shm, see _default_base)."""
    reason = skip_reason()
    if reason is not None:
        raise RuntimeError(reason)
    bindir = find_bindir()
    assert bindir is not None
    run_as = _server_user()
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="optout-pg-", dir=base_dir or _default_base(run_as)))
    try:
        if run_as:
            entry = pwd.getpwnam(run_as)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        collation = _initdb(bindir, root / "data", run_as, root)
        conf = {
            "listen_addresses": f"'{HOST}'",
            "unix_socket_directories": f"'{root}'",
            "max_connections": "100",
            "logging_collector": "off",
            **(FAST_SETTINGS if fast else {}),
            **(settings or {}),
        }
        text = "".join(f"{key} = {value}\n" for key, value in conf.items())
        _append_as(root / "data" / "postgresql.conf", text, run_as)
        server = _start_on_free_port(bindir, root, run_as, collation)
        server.psql(f'CREATE DATABASE "{TEMPLATE}"')
        server.psql(f'CREATE DATABASE "{dbname}" TEMPLATE "{TEMPLATE}"')
    except BaseException:
        with contextlib.suppress(Exception):
            pg_ctl = str(bindir / "pg_ctl")
            _run([pg_ctl, "stop", "-D", str(root / "data"), "-m", "immediate"], run_as, root)
        shutil.rmtree(root, ignore_errors=True)
        raise
    server.started_in = time.perf_counter() - started
    atexit.register(server.stop)
    return server


def stop_server(server: PostgresServer) -> None:
    """Stop a server that start_server started, and delete its folder."""
    server.stop()


def _append_as(path: Path, text: str, run_as: str | None) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    if run_as:  # appending keeps the owner; still, make sure the server can read it
        entry = pwd.getpwnam(run_as)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _start_on_free_port(
    bindir: Path, root: Path, run_as: str | None, collation: str, tries: int = 5
) -> PostgresServer:
    """pg_ctl start on a free port; another program may take the port first, so retry."""
    error: RuntimeError | None = None
    for _ in range(tries):
        port = _free_port()
        command = [str(bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(root / "data")]
        command += ["-l", str(root / "server.log"), "-o", f"-p {port}"]
        try:
            _run(command, run_as, root, timeout=90)
        except RuntimeError as failed:
            error = failed
            continue
        return PostgresServer(bindir, root, port, run_as, collation)
    log = root / "server.log"
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise RuntimeError(f"the PostgreSQL server did not start: {error}\n{tail}")


if __name__ == "__main__":  # python tests/postgres_server.py: start, time, stop
    print(skip_reason() or "PostgreSQL found")
    server = start_server()
    print(f"{server.url()} ({server.collation}) up in {server.started_in:.2f} s")
    began = time.perf_counter()
    urls = [server.fresh_database() for _ in range(20)]
    print(f"fresh_database: {(time.perf_counter() - began) / 20 * 1000:.1f} ms each")
    began = time.perf_counter()
    for url in urls:
        server.drop_database(url)
    print(f"drop_database: {(time.perf_counter() - began) / 20 * 1000:.1f} ms each")
    server.stop()
