"""Who may be emailed how: one-to-one sends with a legal basis, opt-outs by hand, units."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, OneToOneSend, Suppression
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import by_hand, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility, one_to_one


def write(path: Path, emails: list[str]) -> Path:
    path.write_text("email\n" + "\n".join(emails) + "\n", "utf-8")
    return path


def opt_out(path: Path, emails: list[str], scope: int = ACCOUNT) -> None:
    plan = imports.plan_optouts(open_source(write(path, emails)), "email", scope)
    imports.run_optouts(plan, plan.counts.valid)


@pytest.fixture
def world(db: Any, tmp_path: Path) -> None:
    """Two contacts (one unsubscribed by an import), one opted-out non-contact, one bounce."""
    contact_import.import_contacts(
        open_source(write(tmp_path / "c.csv", ["kunde@firma.dk", "ny@firma.dk", "b@firma.dk"])),
        "email",
    )
    opt_out(tmp_path / "o.csv", ["kunde@firma.dk", "fremmed@andet.dk"])
    Suppression.create(email="b@firma.dk", scope_id=ACCOUNT, reason="bounced")


def test_marketing_is_never_allowed_to_a_suppressed_address(world: None) -> None:
    for address in ("kunde@firma.dk", "fremmed@andet.dk", "b@firma.dk"):
        found = eligibility.lookup(address)
        assert found.suppressed and not found.marketing_allowed and not found.sequences_allowed
    assert eligibility.lookup("ny@firma.dk").marketing_allowed


def test_one_to_one_to_an_unsubscribed_contact_needs_a_legal_basis_each_time(world: None):
    found = eligibility.lookup("KUNDE@firma.dk")
    assert found.one_to_one_allowed and found.one_to_one_needs_legal_basis
    one_to_one.log_one_to_one("kunde@firma.dk", "legitimate_interest_customer", "invoice")
    one_to_one.log_one_to_one("kunde@firma.dk", "performance_of_contract")
    sends = one_to_one.send_log()
    assert [s["legal_basis"] for s in sends] == [
        "performance_of_contract",
        "legitimate_interest_customer",
    ]
    assert sends[1]["explanation"] == "invoice" and sends[1]["user_name"]
    # Recording a send never lifts the opt-out.
    assert eligibility.lookup("kunde@firma.dk").suppressed


@pytest.mark.parametrize(
    ("address", "why"),
    [("fremmed@andet.dk", "Not a contact"), ("b@firma.dk", "bounced"), ("nobody@x.dk", "contact")],
)
def test_one_to_one_is_refused_to_non_contacts_and_bounces(world: None, address: str, why: str):
    with pytest.raises(OptOutError, match=why):
        one_to_one.log_one_to_one(address, "consent")
    assert OneToOneSend.select().count() == 0


def test_an_unknown_legal_basis_is_refused(world: None) -> None:
    with pytest.raises(OptOutError, match="legal basis"):
        one_to_one.log_one_to_one("kunde@firma.dk", "because")


def test_a_hand_made_opt_out_takes_over_from_an_import(world: None) -> None:
    assert by_hand.add_manual("kunde@firma.dk", ACCOUNT).outcome == "strengthened"
    row = Suppression.get(Suppression.email == "kunde@firma.dk")
    assert (row.reason, row.import_run_id) == ("manual", None)  # no import can lift it now
    assert by_hand.add_manual("Kunde@Firma.dk", ACCOUNT, "unsubscribed").outcome == "strengthened"
    assert by_hand.add_manual("kunde@firma.dk", ACCOUNT, "manual").outcome == "unchanged"
    assert Suppression.get(Suppression.email == "kunde@firma.dk").reason == "unsubscribed"
    assert by_hand.add_manual("ny@firma.dk", ACCOUNT).outcome == "added"
    assert eligibility.lookup("ny@firma.dk").suppressed


def test_a_unit_opt_out_applies_to_that_unit_only(db: Any, tmp_path: Path) -> None:
    brand = business_units.add_unit("Brand A").id
    other = business_units.add_unit("Brand B").id
    opt_out(tmp_path / "a.csv", ["only-a@firma.dk"], brand)
    opt_out(tmp_path / "all.csv", ["everyone@firma.dk"])
    assert eligibility.lookup("only-a@firma.dk", brand).suppressed
    assert not eligibility.lookup("only-a@firma.dk", other).suppressed
    assert not eligibility.lookup("only-a@firma.dk").suppressed  # the account as a whole
    for scope in (ACCOUNT, brand, other):
        assert eligibility.lookup("everyone@firma.dk", scope).suppressed


def test_the_command_line_records_and_lists_one_to_one_sends(
    optout: Callable[..., Any], tmp_path: Path
) -> None:
    optout("import-contacts", write(tmp_path / "c.csv", ["kunde@firma.dk"]), check=True)
    optout(
        "import-optouts",
        write(tmp_path / "o.csv", ["kunde@firma.dk"]),
        "--confirm",
        "1",
        check=True,
    )
    checked = optout("check", "kunde@firma.dk", "--json", check=True).json()
    assert checked["one_to_one_needs_legal_basis"] is True
    logged = optout(
        "log-one-to-one",
        "kunde@firma.dk",
        "--legal-basis",
        "consent",
        "--explanation",
        "asked us",
        "--json",
        check=True,
    ).json()
    assert logged["legal_basis"] == "consent"
    refused = optout("log-one-to-one", "stranger@firma.dk", "--legal-basis", "consent")
    assert refused.returncode == 2 and "not a contact" in refused.stderr.lower()
    assert "Traceback" not in refused.stderr
    sends = optout("history", "--one-to-one", "--json", check=True).json()
    assert [(s["address"], s["explanation"]) for s in sends] == [("kunde@firma.dk", "asked us")]


def test_the_command_line_adds_opt_outs_by_hand(optout: Callable[..., Any]) -> None:
    added = optout("add-optout", "Ole@Firma.dk", "--unsubscribed", "--json", check=True).json()
    assert added == {"address": "ole@firma.dk", "reason": "unsubscribed", "outcome": "added"}
    again = optout("add-optout", "ole@firma.dk", "--json", check=True).json()
    assert again["outcome"] == "unchanged" and again["reason"] == "unsubscribed"
    assert optout("add-optout", "not-an-address").returncode == 2
    assert optout("billable", "--json", check=True).json() == {
        "billable_contacts": 0,
        "suppressed_addresses": 1,
    }


def test_a_whole_domain_opt_out_unsubscribes_its_contacts(world: None) -> None:
    from optout_desktop.core.contacts import contact_list
    from optout_desktop.core.optouts import domains

    domains.add_domain("@firma.dk")
    assert eligibility.lookup("ny@firma.dk").suppressed
    found = eligibility.lookup("ny@firma.dk")
    assert found.one_to_one_allowed and found.one_to_one_needs_legal_basis
    unsubscribed = {c.email for c in contact_import.unsubscribed_contacts()}
    assert unsubscribed == {"kunde@firma.dk", "ny@firma.dk", "b@firma.dk"}
    listed = {row.email: row.unsubscribed for row in contact_list.page()}
    assert listed == {"kunde@firma.dk": True, "ny@firma.dk": True, "b@firma.dk": True}
    assert contact_import.delete_unsubscribed_contacts(3) == 3
    assert eligibility.billable_contacts() == 0
    assert eligibility.lookup("ny@firma.dk").suppressed  # the domain's opt-out stays
