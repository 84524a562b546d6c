"""Whole-domain opt-outs: parsing, matching (subdomains, IDN), counts, look-up, export, undo."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, ImportRun, Suppression
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import domains, exports, imports, lift, undo
from optout_desktop.core.reading import domain_keys
from optout_desktop.core.reading.scanning import scan_column
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility

Optout = Callable[..., Any]
BLAABAER_PUNY = "xn--blbr-roah.dk"  # blåbær.dk


def write(path: Path, emails: Iterable[str]) -> Path:
    path.write_text("email\n" + "\n".join(emails) + "\n", "utf-8")
    return path


def plan_of(path: Path, emails: Iterable[str], scope: int = ACCOUNT) -> imports.OptOutPlan:
    return imports.plan_optouts(open_source(write(path, emails)), "email", scope)


def opt_out(path: Path, emails: Iterable[str], scope: int = ACCOUNT) -> ImportRun:
    plan = plan_of(path, emails, scope)
    return imports.run_optouts(plan, plan.counts.valid)


def add_contacts(path: Path, emails: Iterable[str]) -> None:
    contact_import.import_contacts(open_source(write(path, emails)), "email")


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("@competitor.dk", "@competitor.dk"),
        ("  @Competitor.DK ", "@competitor.dk"),
        ("'@competitor.dk", "@competitor.dk"),  # as Excel (and our export) writes it
        ("*.competitor.dk", "*.competitor.dk"),
        ("@*.Competitor.dk", "*.competitor.dk"),
        ("@blåbær.dk", "@blåbær.dk"),
        (f"@{BLAABAER_PUNY.upper()}", "@blåbær.dk"),
        (f"*.sub.{BLAABAER_PUNY}", "*.sub.blåbær.dk"),
        ("@", None),
        ("@competitor", None),  # no top-level domain
        ("*.", None),
        ("*.dk.", None),
        ("@a@b.dk", None),
        ("competitor.dk", None),
        ("jens@competitor.dk", None),
        ("@exa mple.dk", None),
    ],
)
def test_a_domain_cell_gives_its_key(cell: str, key: str | None) -> None:
    assert domain_keys.domain_key(cell) == key


def test_an_address_and_its_domain_key_agree_on_idn_spelling() -> None:
    from optout_desktop.core.reading.addresses import normalize

    address = normalize(f"Niels@{BLAABAER_PUNY}")
    assert address == "niels@blåbær.dk"
    cover = domains.Cover([(domain_keys.parse_domain(f"@{BLAABAER_PUNY}"), 1)])
    assert cover.covers(address) and cover.covers("niels@blåbær.dk")
    assert not cover.covers("niels@sub.blåbær.dk")  # @ is that domain only


def test_matching_of_domains_and_subdomains() -> None:
    cover = domains.Cover([("@competitor.dk", 1), ("*.rival.com", 2)])
    assert cover.rows_covering("jens@competitor.dk") == [1]
    assert not cover.covers("jens@sales.competitor.dk")
    assert not cover.covers("jens@notcompetitor.dk")
    assert not cover.covers("competitor.dk@other.dk")
    assert cover.rows_covering("a@rival.com") == [2]  # *. covers the domain itself too
    assert cover.rows_covering("a@x.y.rival.com") == [2]
    assert not cover.covers("a@arival.com")
    assert cover.covers("@sales.rival.com") and cover.covers("*.eu.rival.com")
    assert not cover.covers("*.rival.com")  # a key does not cover itself
    assert not domains.Cover([("*.dk", 3)]).covers("a@b.dk")  # never a whole TLD


def test_the_scan_takes_domain_cells_only_for_opt_outs(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "f.csv", ["a@x.dk", "@Competitor.dk", "@competitor.DK", "*.x.dk", "@"])
    source = open_source(path)
    scan = scan_column(source, 0, whole_domains=True)
    assert scan.addresses == ["a@x.dk", "@competitor.dk", "*.x.dk"]
    assert (scan.domains, scan.duplicates, scan.invalid) == (2, 1, 1)
    plain = scan_column(source, 0)  # a contacts import: a domain is not an address
    assert (plain.addresses, plain.invalid) == (["a@x.dk"], 4)


def test_plan_counts_domains_on_their_own(db: Any, tmp_path: Path) -> None:
    add_contacts(tmp_path / "c.csv", ["kim@competitor.dk", "bo@firma.dk", "old@rival.com"])
    opt_out(tmp_path / "earlier.csv", ["*.rival.com"])
    cells = [
        "@competitor.dk",  # new: kim (a contact) is suppressed with it
        "x@competitor.dk",  # new too: the domain is not suppressed yet
        "a@sales.rival.com",  # already: *.rival.com covers it
        "@eu.rival.com",  # already: covered by *.rival.com
        "bo@firma.dk",  # a new contact opt-out
        "not an address",
    ]
    plan = plan_of(tmp_path / "f.csv", cells)
    counts = plan.counts
    assert (counts.valid, counts.domains, counts.invalid) == (5, 2, 1)
    assert (counts.new, counts.already_suppressed) == (3, 2)
    assert counts.contacts_unsubscribed == 2  # kim by the domain, bo by address; not old
    run = imports.run_optouts(plan, 5)
    assert imports.counts_of(run) == counts  # the import did what the plan said
    assert run.domains == 2


def test_an_address_covered_by_a_domain_counts_as_already_suppressed(
    db: Any, tmp_path: Path
) -> None:
    domains.add_domain("@competitor.dk")
    plan = plan_of(tmp_path / "f.csv", ["a@competitor.dk", "b@sub.competitor.dk", "c@x.dk"])
    assert (plan.counts.new, plan.counts.already_suppressed) == (2, 1)
    run = imports.run_optouts(plan, 3)
    assert (run.new, run.already_suppressed) == (2, 1)
    # No row of its own: the domain holds it, and the import claims that domain opt-out.
    assert not Suppression.select().where(Suppression.email == "a@competitor.dk").exists()


def test_look_up_says_a_domain_suppresses_an_address(db: Any) -> None:
    domains.add_domain("*.competitor.dk")
    domains.add_domain(f"@{BLAABAER_PUNY}")
    found = eligibility.lookup("Jens@Sales.Competitor.dk")
    assert found.suppressed and not found.marketing_allowed and not found.sequences_allowed
    [why] = found.suppressions
    assert why["domain"] == "*.competitor.dk"
    assert "the whole domain *.competitor.dk" in why["reason_text"]
    assert eligibility.lookup("niels@blåbær.dk").suppressions[0]["domain"] == "@blåbær.dk"
    assert not eligibility.lookup("niels@sub.blåbær.dk").suppressed
    assert not eligibility.lookup("jens@competitor.dk.evil.com").suppressed


def test_a_business_unit_domain_applies_to_that_unit_only(db: Any) -> None:
    brand = business_units.add_unit("Brand").id
    domains.add_domain("@competitor.dk", brand)
    assert eligibility.lookup("a@competitor.dk", brand).suppressed
    assert not eligibility.lookup("a@competitor.dk").suppressed
    assert [d["domain"] for d in domains.list_domains(ACCOUNT)] == []
    assert [d["business_unit"] for d in domains.list_domains()] == ["Brand"]


def test_domain_rows_are_exported_as_their_own_rows(db: Any, tmp_path: Path) -> None:
    domains.add_domain("@competitor.dk")
    opt_out(tmp_path / "f.csv", ["a@x.dk", "*.rival.com", "b@competitor.dk"])
    out = tmp_path / "export.csv"
    assert exports.export_suppressions(out) == 3
    body = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))[1:]
    assert sorted(r[0] for r in body) == ["'@competitor.dk", "*.rival.com", "a@x.dk"]
    manual_row = next(r for r in body if r[0] == "'@competitor.dk")
    assert manual_row[2:4] == ["manual", "Added by hand"]
    assert eligibility.suppressed_addresses() == 1  # a domain is not an address
    # The export reads back as the same opt-outs.
    again = plan_of(tmp_path / "again.csv", [r[0] for r in body])
    assert (again.counts.valid, again.counts.domains, again.counts.new) == (3, 2, 0)


def test_undoing_the_import_of_a_domain_keeps_what_later_imports_listed(
    db: Any, tmp_path: Path
) -> None:
    first = opt_out(tmp_path / "first.csv", ["@competitor.dk"])
    later = opt_out(tmp_path / "later.csv", ["kim@competitor.dk", "y@other.dk"])
    assert (later.new, later.already_suppressed) == (1, 1)
    plan = undo.plan_undo(first.id)
    assert (plan.lift, plan.keep, plan.domains) == (0, 1, 0)
    # The domain opt-out goes; kim, whom the later file listed, stays (now its own row).
    undo.undo_import(first.id, 0)
    assert eligibility.lookup("kim@competitor.dk").suppressed
    assert not eligibility.lookup("ann@competitor.dk").suppressed
    assert {(s.email, s.import_run_id) for s in Suppression.select()} == {
        ("kim@competitor.dk", later.id),
        ("y@other.dk", later.id),
    }
    plan = undo.plan_undo(later.id)
    assert (plan.lift, plan.keep) == (2, 0)


def test_a_domain_is_removed_by_the_rules_of_a_manual_opt_out(db: Any, tmp_path: Path) -> None:
    domains.add_domain("@competitor.dk")
    run = opt_out(tmp_path / "f.csv", ["*.rival.com"])
    with pytest.raises(OptOutError, match="Choose a legal basis"):
        lift.lift_domain("@competitor.dk", ACCOUNT, "", "")
    with pytest.raises(OptOutError, match=f"import #{run.id}; undo that import"):
        lift.lift_domain("*.rival.com", ACCOUNT, "consent", "partner now")
    with pytest.raises(OptOutError, match="not a domain"):
        lift.lift_domain("competitor", ACCOUNT, "consent", "partner now")
    done = lift.lift_domain("@COMPETITOR.dk", ACCOUNT, "performance_of_contract", "Partner")
    assert not done.still_suppressed
    assert not eligibility.lookup("a@competitor.dk").suppressed
    assert eligibility.lookup("a@rival.com").suppressed


def test_the_command_line_manages_domains(optout: Optout, tmp_path: Path) -> None:
    added = optout("domains", "--add", "@Competitor.dk", "--json", check=True).json()
    assert (added["domain"], added["outcome"]) == ("@competitor.dk", "added")
    assert "already" in optout("domains", "--add", "@competitor.dk", check=True).stdout
    optout("domains", "--add", "*.rival.com", check=True)
    listed = optout("domains", "--list", "--json", check=True).json()
    assert [(d["domain"], d["subdomains"]) for d in listed] == [
        ("*.rival.com", True),
        ("@competitor.dk", False),
    ]
    found = optout("check", "jens@eu.rival.com", "--json", check=True).json()
    assert found["suppressed"] and found["suppressions"][0]["domain"] == "*.rival.com"
    assert "whole domain *.rival.com" in optout("check", "a@rival.com", check=True).stdout

    refused = optout("domains", "--remove", "@competitor.dk")
    assert refused.returncode == 2 and "legal basis" in refused.stderr
    assert refused.stderr.count("\n") == 1
    bad = optout("domains", "--add", "competitor")
    assert bad.returncode == 2 and "not a domain" in bad.stderr
    removed = optout(
        "domains",
        "--remove",
        "@competitor.dk",
        "--legal-basis",
        "consent",
        "--explanation",
        "Partner now",
        check=True,
    )
    assert "was lifted" in removed.stdout
    assert [d["domain"] for d in optout("domains", "--json", check=True).json()] == ["*.rival.com"]


def test_the_command_line_imports_a_file_of_domains(optout: Optout, tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", ["@competitor.dk", "*.rival.com", "a@x.dk"])
    dry = optout("import-optouts", path, "--dry-run", "--json", check=True).json()
    assert (dry["valid"], dry["domains"], dry["new"]) == (3, 2, 3)
    text = optout("import-optouts", path, "--dry-run", check=True).stdout
    assert "Valid addresses: 1" in text and "Whole domains: 2" in text
    optout("import-optouts", path, "--confirm", "3", check=True)
    assert optout("history", "--json", check=True).json()[0]["domains"] == 2
    assert optout("check", "x@competitor.dk", "--json", check=True).json()["suppressed"]
