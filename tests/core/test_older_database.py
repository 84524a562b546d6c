"""A database made by the engine-only version (no one-to-one log, undo, domains, tallies) opens
and gains what this version needs, keeping every opt-out, contact and import."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import opening
from optout_desktop.core.optouts import imports, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import eligibility, one_to_one
from tests.helpers import is_server, table_counts

NEWER_TABLES = ("one_to_one_send", "import_claim", "lift_log", "tally", "running_import")
NEWER_COLUMNS = ("domains", "undone_by", "undone_at")


def outside_execute(target: Path | str, statements: list[str]) -> None:
    """Run statements by a separate connection, in one committed transaction."""
    if is_server(target):
        import psycopg

        with psycopg.connect(str(target)) as other:
            for statement in statements:
                other.execute(statement)
        return
    with closing(sqlite3.connect(target)) as other, other:
        for statement in statements:
            other.execute(statement)


def make_engine_only_database(path: Path | str, folder: Path) -> None:
    """Fill a database, then strip it back to the first version's tables and columns."""
    db = opening.open_database(path)
    (folder / "c.csv").write_text("email\nkunde@firma.dk\nny@firma.dk\n", "utf-8")
    contact_import.import_contacts(open_source(folder / "c.csv"), "email")
    (folder / "o.csv").write_text("email\nkunde@firma.dk\nfremmed@andet.dk\n", "utf-8")
    plan = imports.plan_optouts(open_source(folder / "o.csv"), "email")
    imports.run_optouts(plan, 2)
    db.close()
    outside_execute(
        path,
        [f'DROP TABLE IF EXISTS "{table}"' for table in NEWER_TABLES]
        + [f'ALTER TABLE import_run DROP COLUMN "{column}"' for column in NEWER_COLUMNS]
        + ["UPDATE schema_info SET value = '1' WHERE key = 'schema_version'"],
    )
    assert not set(table_counts(path)) & set(NEWER_TABLES)


def test_an_engine_only_database_opens_and_keeps_everything(
    db_path: Path | str, tmp_path: Path
) -> None:
    path = db_path
    make_engine_only_database(path, tmp_path)
    db = opening.open_database(path)
    try:
        assert eligibility.billable_contacts() == 2  # the tally is counted afresh
        assert eligibility.suppressed_addresses() == 2
        found = eligibility.lookup("kunde@firma.dk")
        assert found.suppressed and found.is_contact and found.one_to_one_needs_legal_basis
        one_to_one.log_one_to_one("kunde@firma.dk", "consent", "asked for an invoice")
        assert len(one_to_one.send_log()) == 1
        plan = undo.plan_undo(2)  # the opt-out import made by the old version
        assert plan.lift == 2
        undo.undo_import(2, plan.lift)
        assert eligibility.suppressed_addresses() == 0
        assert eligibility.billable_contacts() == 2  # undoing opt-outs never touches contacts
    finally:
        db.close()
