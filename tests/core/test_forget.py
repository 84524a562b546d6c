"""Forgetting a person: every plain trace of the address goes, its SHA-256 keeps it suppressed."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, Contact, Suppression
from optout_desktop.core.errors import ConfirmationError
from optout_desktop.core.optouts import (
    by_hand,
    cleaning,
    export_formats,
    exports,
    forget,
    history,
    imports,
    lift,
    undo,
)
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility, one_to_one
from tests.helpers import is_server, outside_rows, table_counts, write_rows

JENS = "jens@firma.dk"


def import_file(path: Path, scope: int = ACCOUNT, reason: str | None = None) -> Any:
    source = open_source(path)
    plan = imports.plan_optouts(
        source, "email", scope, choice=imports.reason_choice(source, "email", reason)
    )
    return imports.run_optouts(plan, plan.counts.valid)


@pytest.fixture
def jens(db: Any, tmp_path: Path) -> dict[str, Any]:
    """Jens is everywhere: a contact, in two imports (one a bounce, with a refused cell and a
    repeated row naming him), the one-to-one log, a hand-made opt-out for Shop with a note,
    a lifted one for Outlet, and history entries that name him."""
    contacts = write_rows(
        tmp_path / "c.csv", ["email", "first_name"], [[JENS, "Jens"], ["kim@firma.dk", "Kim"]]
    )
    contact_import.import_contacts(open_source(contacts), "email")
    rows = [[JENS], ["ole@firma.dk"], ["Jens <JENS@firma.dk>; hans@firma.dk"], ["JENS@FIRMA.DK"]]
    first = import_file(write_rows(tmp_path / "first.csv", ["email"], rows))
    one_to_one.log_one_to_one(JENS, "consent", f"{JENS} asked for an offer")  # (before it bounced)
    bounce = import_file(write_rows(tmp_path / "bounce.csv", ["email"], [[JENS]]), reason="bounced")
    shop = business_units.add_unit("Shop").id
    by_hand.add_manual(JENS, shop, note=f"{JENS} called us")
    outlet = business_units.add_unit("Outlet").id
    by_hand.add_manual(JENS, outlet)
    lift.lift_manual(JENS, outlet, "consent", f"{JENS} asked again")
    return {"first": first, "bounce": bounce, "shop": shop, "outlet": outlet}


def everything(target: Any) -> str:
    """Every row of every table, as text, read by another connection."""
    dumped = []
    for table in table_counts(target):
        dumped.append(repr(outside_rows(target, f'SELECT * FROM "{table}"')))
    return "\n".join(dumped).casefold()


def test_forgetting_deletes_every_plain_trace_and_keeps_it_suppressed(
    jens: dict[str, Any], db_path: Any, tmp_path: Path
) -> None:
    assert JENS in everything(db_path)
    billable = eligibility.billable_contacts()
    plan = forget.plan_forget(JENS)
    assert plan.deleted["contact"] == 1 and plan.deleted["opt_outs"] == 2  # account, Shop
    assert plan.deleted["refused_rows"] == 2 and plan.deleted["one_to_one"] == 1
    assert plan.deleted["lifts"] == 1 and plan.deleted["texts"] >= 3
    assert [k["reason"] for k in plan.kept] == ["bounced", "manual"]

    with pytest.raises(ConfirmationError):
        forget.forget_person(JENS, "jes@firma.dk")
    assert Contact.select().where(Contact.email == JENS).exists()  # a wrong address: nothing

    done = forget.forget_person(JENS, " JENS@firma.dk ")
    digest = hashlib.sha256(JENS.encode()).hexdigest()
    assert done.digest == digest and done.history_id is not None
    assert eligibility.billable_contacts() == billable - 1
    assert JENS not in everything(db_path)  # in no table, nowhere
    assert digest in everything(db_path)

    found = eligibility.lookup(JENS)
    assert found.suppressed and not found.is_contact
    assert [(s["reason"], s["hashed"], s["forgotten"]) for s in found.suppressions] == [
        ("bounced", "SHA-256", True)
    ]
    assert eligibility.lookup(JENS, jens["shop"]).suppressed
    outlet = eligibility.lookup(JENS, jens["outlet"]).suppressions  # lifted there before
    assert [s["scope"] for s in outlet] == ["Whole account"]

    entry = history.history()[0]
    assert entry["kind"] == forget.KIND and entry["user_name"] and entry["started_at"]
    assert JENS not in json.dumps(history.history()).casefold()
    assert undo.plan_undo(jens["first"].id).lift == 1  # ole only: no undo lifts Jens now


def test_the_exports_and_the_file_after_forgetting(
    jens: dict[str, Any], db_path: Any, tmp_path: Path
) -> None:
    forget.forget_person(JENS, JENS)
    export = tmp_path / "plain.csv"
    exports.export_list(export)
    assert JENS not in export.read_text("utf-8-sig")
    export_formats.export_for_tool(tmp_path / "hubspot.csv", "hubspot")
    assert JENS not in (tmp_path / "hubspot.csv").read_text("utf-8")
    export_formats.export_hashed(tmp_path / "hashed.txt", "sha256")
    listed = (tmp_path / "hashed.txt").read_text("ascii").split()
    assert hashlib.sha256(JENS.encode()).hexdigest() in listed
    if is_server(db_path):
        return  # (the server's files are its own: the README says so)
    files = [db_path, *(db_path.with_name(db_path.name + side) for side in ("-wal", "-shm"))]
    assert db_path.exists()
    for path in files:
        raw = path.read_bytes().lower() if path.exists() else b""
        assert JENS.encode() not in raw, path.name
        assert b"jens <" not in raw and b"called us" not in raw, path.name


def test_a_forgotten_person_stays_out_of_later_imports(
    jens: dict[str, Any], db_path: Any, tmp_path: Path
) -> None:
    forget.forget_person(JENS, JENS)
    billable = eligibility.billable_contacts()
    again = import_file(write_rows(tmp_path / "again.csv", ["email"], [[JENS], ["new@firma.dk"]]))
    assert (again.new, again.already_suppressed) == (1, 1)
    other = business_units.add_unit("Other").id
    elsewhere = import_file(write_rows(tmp_path / "other.csv", ["email"], [[JENS]]), other)
    assert (elsewhere.new, elsewhere.already_suppressed) == (0, 1)  # the account's digest
    rows = write_rows(tmp_path / "c2.csv", ["email"], [[JENS], ["eva@firma.dk"]])
    _, counts = contact_import.import_contacts(open_source(rows), "email")
    assert (counts.contacts_created, counts.forgotten) == (1, 1)
    assert eligibility.billable_contacts() == billable + 1  # Eva: never Jens
    assert not Suppression.select().where(Suppression.email == JENS).exists()
    assert JENS not in everything(db_path)
    mailing = write_rows(tmp_path / "mailing.csv", ["Email"], [[JENS], ["eva@firma.dk"]])
    counted = cleaning.count_cleaning(open_source(mailing), "Email", second_core=False)
    assert (counted.counts.kept, counted.counts.suppressed) == (1, 1)
    assert counted.counts.suppressed_by["bounced"] == 1
    assert forget.forget_person(JENS, JENS).history_id is None  # forgotten before


def test_forgetting_someone_never_suppressed_keeps_them_out_for_the_account(db: Any) -> None:
    done = forget.forget_person("ny@firma.dk", "ny@firma.dk")
    assert done.kept == [{"business_unit": "Whole account", "reason": "manual"}]
    assert eligibility.lookup("ny@firma.dk").suppressed


@pytest.mark.sqlite_only
def test_another_program_holding_the_file_open_is_said_and_a_second_try_clears_it(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    import_file(write_rows(tmp_path / "o.csv", ["email"], [[JENS], ["ole@firma.dk"]]))
    with closing(sqlite3.connect(db_path)) as other:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM suppression").fetchone()  # a reader's snapshot
        done = forget.forget_person(JENS, JENS)
        assert done.history_id is not None and done.as_dict()["file_cleared"] is False
        assert len(done.warnings) == 1 and "holds the suppression list open" in done.warnings[0]
    again = forget.forget_person(JENS, JENS)
    assert again.history_id is None and again.as_dict()["file_cleared"] is True
    for side in ("", "-wal", "-shm"):
        path = Path(f"{db_path}{side}")
        assert not path.exists() or JENS.encode() not in path.read_bytes()


def test_an_opt_out_by_hand_of_a_forgotten_address_stays_a_digest(
    jens: dict[str, Any], db_path: Any, tmp_path: Path
) -> None:
    forget.forget_person(JENS, JENS)
    shop = business_units.scope_id("Shop")
    assert by_hand.plan_manual(JENS, shop).address != JENS
    by_hand.add_manual(JENS, shop)
    by_hand.add_manual(JENS, ACCOUNT, by_hand.UNSUBSCRIBED)
    assert JENS not in everything(db_path)
    assert eligibility.lookup(JENS).suppressed


def test_the_plain_export_lists_addresses_only_never_digests(db: Any, tmp_path: Path) -> None:
    digest = hashlib.sha256(b"partner@firma.dk").hexdigest()
    hashed_list = tmp_path / "partner.csv"
    hashed_list.write_text(f"email\n{digest}\n", "utf-8")
    import_file(hashed_list)
    by_hand.add_manual("kim@firma.dk", ACCOUNT)
    out = tmp_path / "plain.csv"
    assert exports.export_suppressions(out) == 1
    text = out.read_text("utf-8-sig")
    assert "kim@firma.dk" in text and digest not in text and "sha256:" not in text
