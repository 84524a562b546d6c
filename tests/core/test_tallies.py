"""The billable total read from its tally always equals counting the contacts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import opening
from optout_desktop.core.db.models import Contact
from optout_desktop.core.db.tallies import CONTACTS, Tally
from optout_desktop.core.optouts import imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import eligibility


def write(path: Path, emails: list[str]) -> Path:
    path.write_text("email\n" + "\n".join(emails) + "\n", "utf-8")
    return path


def test_the_billable_tally_follows_every_change(db: Any, db_path: Path, tmp_path: Path) -> None:
    people = [f"p{n}@firma.dk" for n in range(300)]
    contact_import.import_contacts(open_source(write(tmp_path / "a.csv", people[:200])), "email")
    assert eligibility.billable_contacts() == Contact.select().count() == 200
    contact_import.import_contacts(open_source(write(tmp_path / "b.csv", people[100:])), "email")
    assert eligibility.billable_contacts() == Contact.select().count() == 300

    plan = imports.plan_optouts(open_source(write(tmp_path / "o.csv", people[::3])), "email")
    imports.run_optouts(plan, plan.counts.valid)
    assert eligibility.billable_contacts() == 300  # opting out never changes the billable total

    contact_import.delete_unsubscribed_contacts(100)
    assert eligibility.billable_contacts() == Contact.select().count() == 200

    Tally.update(value=12345).where(Tally.name == CONTACTS).execute()  # drifted somehow
    db.close()
    opening.open_database(db_path)
    assert eligibility.billable_contacts() == 200  # every opening counts afresh
