"""A team's PostgreSQL server as the suppression list: its address, connection and quirks."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

import peewee as pw

from optout_desktop.core.errors import StoreError
from optout_desktop.core.texts import t

log = logging.getLogger(__name__)
URL_SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_S = 10
# Every write takes this transaction-level advisory lock first: writers queue one behind the
# other, as on SQLite, so two imports can never interleave their counts or claims.
WRITE_LOCK_KEY = 0x0F70_0DE5


def is_url(target: object) -> bool:
    """True for postgresql://… (or postgres://…); anything else is a SQLite file path."""
    text = str(target)
    return any(text.startswith(f"{scheme}://") for scheme in URL_SCHEMES)


def display_name(url: str) -> str:
    """The server and database as people may see them: never the password."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{unquote(parts.username)}@" if parts.username else ""
    name = parts.path.lstrip("/") or "postgres"
    return f"{user}{host}{port}/{name}"


def without_password(url: str) -> str:
    """The URL as it may be saved in the settings: the same server, no password in it."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return parts._replace(netloc=f"{user}@{host}{port}" if user else f"{host}{port}").geturl()


def connect(url: str, password: str | None = None) -> pw.PostgresqlDatabase:
    """A peewee database for the URL on psycopg 3; the password, if given, stays in memory
    (else libpq takes it from PGPASSWORD or ~/.pgpass, as every PostgreSQL tool does)."""
    try:
        load_driver()
    except ImportError as error:
        log.warning("psycopg cannot be imported: %s", error)
        raise StoreError(
            t("PostgreSQL support is not installed; install the package psycopg[binary].")
        ) from None
    dsn = "postgresql://" + url.split("://", 1)[1]
    options: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if password:
        options["password"] = password
    return pw.PostgresqlDatabase(dsn, prefer_psycopg3=True, **options)


def load_driver() -> None:
    """Import psycopg, and hand it to peewee if peewee was imported without it (the entry
    points defer it: see optout_desktop.quick_start). Raises ImportError when it is missing.

    The names set are the ones peewee sets when it finds psycopg at its own import.
    """
    if "psycopg" in sys.modules and sys.modules["psycopg"] is None:
        del sys.modules["psycopg"]  # deferred, not missing: import it now
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if getattr(pw, "psycopg", None) is None:
        pw.psycopg = psycopg  # type: ignore[attr-defined]
        pw.TransactionStatus = TransactionStatus  # type: ignore[attr-defined]
        pw.Json_pg3, pw.Jsonb_pg3 = Json, Jsonb  # type: ignore[attr-defined]
        adapter: Any = pw.Psycopg3Adapter
        adapter.txn_idle = TransactionStatus.IDLE
        adapter.txn_inerror = TransactionStatus.INERROR
        adapter.txn_unknown = TransactionStatus.UNKNOWN


@contextmanager
def write_transaction(db: pw.PostgresqlDatabase, lock_timeout_ms: int) -> Iterator[Any]:
    """A transaction that first waits (up to the lock timeout) for every other writer."""
    with db.atomic() as transaction:
        db.execute_sql(f"SET LOCAL lock_timeout = {int(lock_timeout_ms):d}")
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        yield transaction


_WITHOUT_ROWID: dict[type[pw.Model], bool] = {}  # each model's own setting, for SQLite


class UncheckedOnServer(pw.ForeignKeyField):
    """A foreign key that PostgreSQL's table does not declare: the server checks a declared
    one with a query per inserted row, which took 4-7 s of a 1M-row import (SQLite's check is
    an index lookup). Only the engine writes such a column, with a row it has just made."""


def prepare_models(models: Sequence[type[pw.Model]], on_postgres: bool) -> None:
    """Adapt the table definitions to the backend before tables are made or used.

    Text compares byte by byte on SQLite (its BINARY collation); on PostgreSQL it would
    follow the server's language (where "1abc@x.dk" may sort between "@" and "A"), so text
    columns get the "C" collation there. WITHOUT ROWID is SQLite's alone, and so is the
    constraint of an UncheckedOnServer key.
    """
    for model in models:
        meta: Any = model._meta
        if model not in _WITHOUT_ROWID:
            _WITHOUT_ROWID[model] = bool(getattr(meta, "without_rowid", False))
        meta.without_rowid = False if on_postgres else _WITHOUT_ROWID[model]
        for key in meta.refs:
            if isinstance(key, UncheckedOnServer):
                key.deferred = on_postgres  # (peewee makes no constraint for a deferred key)
        for field in meta.sorted_fields:
            if isinstance(field, pw.TextField | pw.CharField):
                field.collation = '"C"' if on_postgres else None


# SQLSTATE classes and codes in the words failures.error_kind uses.
SQLSTATE_KINDS = {
    "55P03": "locked",  # lock_not_available (lock_timeout)
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure
    "53100": "full",  # disk_full
    "25006": "read-only",  # read_only_sql_transaction
    "42501": "read-only",  # insufficient_privilege
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
    "57P01": "unreachable",  # admin_shutdown
    "57P02": "unreachable",  # crash_shutdown
    "57P03": "unreachable",  # cannot_connect_now
    "3D000": "unreachable",  # invalid_catalog_name: no such database
    "28P01": "login",  # invalid_password
    "28000": "login",  # invalid_authorization_specification
}
# Connection failures carry no SQLSTATE; libpq's words say what happened.
CONNECT_WORDS = (
    (("password authentication failed", "no password supplied", "authentication"), "login"),
    (
        (
            "connection refused",
            "could not connect",
            "could not translate host name",
            "timeout expired",
            "server closed the connection",
            "connection is closed",
            "the connection is lost",
            "no route to host",
            "network is unreachable",
            "name or service not known",
            "consuming input failed",
            "terminating connection",
        ),
        "unreachable",
    ),
)


def error_kind(error: BaseException) -> str | None:
    """The kind of a psycopg error (or one peewee wrapped), or None if it is not one."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if type(cause).__module__.startswith("psycopg"):
            state = getattr(cause, "sqlstate", None) or ""
            if state in SQLSTATE_KINDS:
                return SQLSTATE_KINDS[state]
            if state.startswith("08"):  # connection_exception
                return "unreachable"
            text = str(cause).lower()
            for words, kind in CONNECT_WORDS:
                if any(word in text for word in words):
                    return kind
            return None
        cause = cause.__cause__ or cause.__context__
    return None
