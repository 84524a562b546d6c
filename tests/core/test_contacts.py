"""Contacts and the billable rule: opt-outs never create contacts, and outlive deleted ones."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import models
from optout_desktop.core.db.models import Contact, ImportRun, Suppression
from optout_desktop.core.errors import Cancelled, ConfirmationError, OptOutError, SourceError
from optout_desktop.core.optouts import imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from tests.helpers import traced_statements


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def emails_file(path: Path, emails: Iterable[str]) -> Path:
    return write_rows(path, ["Email"], ([email] for email in emails))


def add_contacts(path: Path, emails: Iterable[str]) -> contact_import.ContactCounts:
    return contact_import.import_contacts(open_source(emails_file(path, emails)), "Email")[1]


def optout(path: Path, emails: Iterable[str], scope_id: int = models.ACCOUNT) -> ImportRun:
    plan = imports.plan_optouts(open_source(emails_file(path, emails)), "Email", scope_id)
    return imports.run_optouts(plan, plan.counts.valid)


def names() -> dict[str, tuple[str, str]]:
    return {c.email: (c.first_name, c.last_name) for c in Contact.select()}


def test_import_contacts_creates_them_with_names(db: Any, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "people.csv",
        ["Fornavn", "Efternavn", "E-mail"],
        [
            ["Jens", "Hansen", "Jens.Hansen@Firma.dk"],
            ["Åse", "Ørum", "ase@firma.dk"],
            ["", "", ""],
            ["Ny", "Navn", "jens.hansen@firma.dk"],  # repeats row 2: the first row wins
            ["X", "Y", "nobody"],
        ],
    )
    run, counts = contact_import.import_contacts(open_source(path), "E-mail")
    assert counts.as_dict() == {
        "rows": 5,
        "valid": 2,
        "invalid": 1,
        "blank": 1,
        "duplicates": 1,
        "contacts_created": 2,
        "contacts_updated": 0,
        "forgotten": 0,  # addresses of people forgotten, left out
    }
    assert names() == {"jens.hansen@firma.dk": ("Jens", "Hansen"), "ase@firma.dk": ("Åse", "Ørum")}
    stored = ImportRun.get_by_id(run.id)
    assert (stored.kind, stored.state, stored.contacts_created) == ("contacts", "completed", 2)
    assert Suppression.select().count() == 0


def test_import_contacts_again_updates_names_it_is_given_and_keeps_the_others(
    db: Any, tmp_path: Path
) -> None:
    header = ["First name", "Last name", "Email"]
    first = write_rows(tmp_path / "a.csv", header, [["A", "One", "a@x.dk"], ["B", "Two", "b@x.dk"]])
    contact_import.import_contacts(open_source(first), "Email")
    again = write_rows(
        tmp_path / "b.csv",
        header,
        [["A", "One", "a@x.dk"], ["", "", "b@x.dk"], ["C", "", "c@x.dk"], ["Bea", "", "B@X.DK"]],
    )
    _, counts = contact_import.import_contacts(open_source(again), "Email")
    assert (counts.valid, counts.duplicates) == (3, 1)
    assert (counts.contacts_created, counts.contacts_updated) == (1, 0)
    assert names() == {"a@x.dk": ("A", "One"), "b@x.dk": ("B", "Two"), "c@x.dk": ("C", "")}
    renamed = write_rows(
        tmp_path / "c.csv", header, [["Bea", "", "b@x.dk"], ["A", "One", "a@x.dk"]]
    )
    _, counts = contact_import.import_contacts(open_source(renamed), "Email")
    assert (counts.contacts_created, counts.contacts_updated) == (0, 1)
    assert names()["b@x.dk"] == ("Bea", "Two")


def test_import_contacts_refuses_a_column_without_addresses(db: Any, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", ["Name", "Email"], [["A", "a@x.dk"]])
    with pytest.raises(SourceError):
        contact_import.import_contacts(open_source(path), "Name")
    assert Contact.select().count() == 0
    assert ImportRun.select().count() == 0


def test_billable_rule_from_start_to_end(db: Any, tmp_path: Path) -> None:
    assert eligibility.billable_contacts() == 0

    # An opt-out import of addresses that are not contacts creates no contacts.
    run = optout(tmp_path / "o1.csv", ["x1@y.dk", "x2@y.dk"])
    assert (run.new, run.contacts_unsubscribed) == (2, 0)
    assert eligibility.billable_contacts() == 0
    assert eligibility.suppressed_addresses() == 2

    # Importing contacts does count.
    add_contacts(tmp_path / "c.csv", ["c1@y.dk", "c2@y.dk", "c3@y.dk", "x1@y.dk"])
    assert eligibility.billable_contacts() == 4

    # Opting out existing contacts unsubscribes them; they stay contacts and billable.
    run = optout(tmp_path / "o2.csv", ["c1@y.dk", "c2@y.dk", "x1@y.dk", "x3@y.dk"])
    assert (run.new, run.already_suppressed, run.contacts_unsubscribed) == (3, 1, 2)
    assert eligibility.billable_contacts() == 4
    assert eligibility.suppressed_addresses() == 5
    unsubscribed = {c.email for c in contact_import.unsubscribed_contacts()}
    assert unsubscribed == {"c1@y.dk", "c2@y.dk", "x1@y.dk"}

    # A wrong number deletes nothing.
    with pytest.raises(ConfirmationError):
        contact_import.delete_unsubscribed_contacts(2)
    assert eligibility.billable_contacts() == 4

    # Deleting them: exactly those go, the opt-outs stay.
    assert contact_import.delete_unsubscribed_contacts(3) == 3
    assert {c.email for c in Contact.select()} == {"c3@y.dk"}
    assert eligibility.billable_contacts() == 1
    assert eligibility.suppressed_addresses() == 5

    # The same person becomes a contact again later: still suppressed.
    add_contacts(tmp_path / "c2.csv", ["C1@y.dk"])
    found = eligibility.lookup("c1@y.dk")
    assert (found.is_contact, found.suppressed, found.marketing_allowed) == (True, True, False)
    assert found.sequences_allowed is False
    assert eligibility.billable_contacts() == 2
    never = eligibility.lookup("c3@y.dk")
    assert (never.is_contact, never.suppressed, never.marketing_allowed) == (True, False, True)


def test_a_business_unit_opt_out_does_not_make_a_contact_unsubscribed_from_all(
    db: Any, tmp_path: Path
) -> None:
    brand = business_units.add_unit("Brand").id
    add_contacts(tmp_path / "c.csv", ["c@y.dk"])
    run = optout(tmp_path / "o.csv", ["c@y.dk"], brand)
    assert run.contacts_unsubscribed == 1
    assert list(contact_import.unsubscribed_contacts()) == []
    assert contact_import.delete_unsubscribed_contacts(0) == 0
    assert eligibility.billable_contacts() == 1
    assert eligibility.lookup("c@y.dk", brand).marketing_allowed is False
    assert eligibility.lookup("c@y.dk").marketing_allowed is True


def test_lookup_explains_why_and_refuses_a_non_address(db: Any, tmp_path: Path) -> None:
    run = optout(tmp_path / "o.csv", ["jens@firma.dk"])
    found = eligibility.lookup("  Jens Hansen <JENS@firma.dk> ")
    assert found.address == "jens@firma.dk"
    assert found.suppressions == [
        {
            "scope": business_units.ACCOUNT_NAME,
            "reason": "import",
            "reason_text": "opt-out import",
            "domain": None,  # the address itself, not a whole-domain opt-out
            "hashed": None,  # found by the address, not by its digest
            "forgotten": False,
            "since": Suppression.get().created_at,
            "import_id": run.id,
            "file_name": "o.csv",
        }
    ]
    with pytest.raises(OptOutError, match="not a valid email address"):
        eligibility.lookup("jens at firma")


class FlagAfter(threading.Event):
    """A cancel flag the user sets while the engine is busy: after `polls` looks at it."""

    def __init__(self, polls: int) -> None:
        super().__init__()
        self.polls = polls
        self.seen = 0

    def is_set(self) -> bool:
        self.seen += 1
        if self.seen >= self.polls:
            self.set()
        return super().is_set()


@pytest.mark.parametrize("polls", [1, 2, 3, 6])
def test_cancel_a_contacts_import_writes_nothing(db: Any, tmp_path: Path, polls: int) -> None:
    path = emails_file(tmp_path / "c.csv", (f"p{n}@example.com" for n in range(60_000)))
    source = open_source(path)
    with pytest.raises(Cancelled):
        contact_import.import_contacts(source, "Email", cancel=FlagAfter(polls))
    assert Contact.select().count() == 0
    assert ImportRun.select().count() == 0
    _, counts = contact_import.import_contacts(source, "Email")
    assert counts.contacts_created == Contact.select().count() == 60_000


def test_delete_contacts_is_a_set_based_delete(db: Any, tmp_path: Path) -> None:
    emails = [f"p{n}@example.com" for n in range(5_000)]
    add_contacts(tmp_path / "c.csv", emails)
    optout(tmp_path / "o.csv", emails[::2])
    with traced_statements() as statements:
        assert contact_import.delete_unsubscribed_contacts(2_500) == 2_500
    assert 0 < len(statements) < 20
    assert {c.email for c in Contact.select()} == set(emails[1::2])
    assert Suppression.select().count() == 2_500
