"""Hashed lists: a partner's MD5/SHA-256 digests import as opt-outs and match addresses."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, ImportRun, Suppression
from optout_desktop.core.optouts import cleaning, imports, overview, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility, one_to_one
from tests.helpers import write_rows

PEOPLE = 100_000


def sha256(address: str) -> str:
    return hashlib.sha256(address.strip().lower().encode("utf-8")).hexdigest()


def md5(address: str) -> str:
    return hashlib.md5(address.strip().lower().encode("utf-8")).hexdigest()


def person(number: int) -> str:
    return f"person{number}@partner.dk"


def lines(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def import_all(path: Path, scope: int = ACCOUNT) -> ImportRun:
    source = open_source(path)
    plan = imports.plan_optouts(source, 0, scope)
    return imports.run_optouts(plan, plan.counts.valid)


def test_100000_digests_import_and_match_in_seconds(db: Any, tmp_path: Path) -> None:
    """A partner's bare list (no header) of 100,000 SHA-256 digests, matched by look-up,
    by the cleaning of a mailing list and by the one-to-one rule."""
    partner = lines(tmp_path / "partner.txt", [sha256(person(n)) for n in range(PEOPLE)])
    contacts = write_rows(tmp_path / "c.csv", ["email"], [[person(7)], [person(PEOPLE + 7)]])
    contact_import.import_contacts(open_source(contacts), "email")
    started = time.perf_counter()
    source = open_source(partner)
    assert not source.has_header  # its first row is a digest: data
    plan = imports.plan_optouts(source, 0)
    assert plan.hashed and plan.counts.hashed == plan.counts.valid == PEOPLE
    assert plan.counts.by_reason == {"partner": PEOPLE}
    assert plan.counts.contacts_unsubscribed == 1  # person7, by its digest
    run = imports.run_optouts(plan, PEOPLE)
    took = time.perf_counter() - started
    assert (run.new, run.hashed, run.reason, run.contacts_unsubscribed) == (
        PEOPLE,
        PEOPLE,
        "partner",
        1,
    )
    assert took < 30, f"counting and importing 100,000 digests took {took:.1f} s"

    found = eligibility.lookup(person(99_999).upper())
    assert found.suppressed and found.suppressions[0]["hashed"] == "SHA-256"
    assert found.suppressions[0]["reason"] == "partner"
    assert not eligibility.lookup(person(PEOPLE + 1)).suppressed

    mailing = write_rows(
        tmp_path / "mailing.csv",
        ["Email", "Name"],
        [[person(n), f"P{n}"] for n in range(PEOPLE - 5_000, PEOPLE + 5_000)],
    )
    started = time.perf_counter()
    counted = cleaning.count_cleaning(open_source(mailing), "Email", second_core=False)
    took = time.perf_counter() - started
    assert (counted.counts.kept, counted.counts.suppressed) == (5_000, 5_000)
    assert counted.counts.suppressed_by["account"] == 5_000
    assert took < 30, f"cleaning 10,000 addresses against 100,000 digests took {took:.1f} s"

    assert overview.suppression_overview().by_reason == (("partner", PEOPLE),)
    verdict = one_to_one.verdict(person(7))
    assert verdict.allowed and verdict.needs_legal_basis  # suppressed: by its digest
    assert not one_to_one.verdict(person(PEOPLE + 7)).needs_legal_basis


def test_an_md5_list_with_a_header_and_capitals_matches(db: Any, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "md5.csv",
        ["hashed_email"],
        [[md5("a@x.dk").upper()], ["not a digest"], [""], [md5("b@x.dk")], [md5("a@x.dk")]],
    )
    source = open_source(path)
    assert source.has_header
    run = import_all(path)
    assert (run.valid, run.invalid, run.blank, run.duplicates, run.hashed) == (2, 1, 1, 1, 2)
    assert {s.email for s in Suppression.select()} == {
        f"md5:{md5('a@x.dk')}",
        f"md5:{md5('b@x.dk')}",
    }
    found = eligibility.lookup("A@x.dk")
    assert found.suppressed and found.suppressions[0]["hashed"] == "MD5"
    assert not eligibility.lookup("c@x.dk").suppressed


def test_a_hashed_import_and_a_plain_one_never_undo_each_other(db: Any, tmp_path: Path) -> None:
    plain = import_all(write_rows(tmp_path / "plain.csv", ["email"], [["a@x.dk"], ["b@x.dk"]]))
    hashed = import_all(lines(tmp_path / "h.txt", [sha256("a@x.dk"), sha256("c@x.dk")]))
    assert (hashed.new, hashed.already_suppressed) == (2, 0)  # digests are entries of their own
    assert undo.plan_undo(plain.id).lift == 2
    undo.undo_import(plain.id, 2)
    assert eligibility.lookup("a@x.dk").suppressed  # still, by its digest
    assert not eligibility.lookup("b@x.dk").suppressed
    again = import_all(write_rows(tmp_path / "again.csv", ["email"], [["a@x.dk"]]))
    undo.undo_import(hashed.id, undo.plan_undo(hashed.id).lift)
    assert eligibility.lookup("a@x.dk").suppressions[0]["import_id"] == again.id
    assert not eligibility.lookup("c@x.dk").suppressed


def test_a_digest_listed_twice_passes_to_the_later_hashed_import(db: Any, tmp_path: Path) -> None:
    unit = business_units.add_unit("Shop").id
    first = import_all(lines(tmp_path / "one.txt", [sha256("a@x.dk")]), unit)
    second = import_all(lines(tmp_path / "two.txt", [sha256("a@x.dk"), sha256("b@x.dk")]), unit)
    assert (second.new, second.already_suppressed) == (1, 1)
    plan = undo.plan_undo(first.id)
    assert (plan.lift, plan.keep) == (0, 1)
    undo.undo_import(first.id, 0)
    assert eligibility.lookup("a@x.dk", unit).suppressions[0]["import_id"] == second.id
    assert not eligibility.lookup("a@x.dk").suppressed  # the business unit's, not the account's
