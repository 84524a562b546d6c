"""The list in HubSpot's, Mailchimp's, SendGrid's and SES's import formats, and as hashed lists."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db.models import ACCOUNT
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import by_hand, domains, export_formats, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units
from tests.helpers import write_rows


def sha256(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8")).hexdigest()


def md5(address: str) -> str:
    return hashlib.md5(address.encode("utf-8")).hexdigest()


def import_file(path: Path, scope: int = ACCOUNT, reason: str | None = None) -> None:
    source = open_source(path)
    choice = imports.reason_choice(source, 0, reason)
    plan = imports.plan_optouts(source, 0, scope, choice=choice)
    imports.run_optouts(plan, plan.counts.valid)


@pytest.fixture
def listed(db: Any, tmp_path: Path) -> int:
    """a: an import's; b: bounced (SES); c: a spam report; d: unsubscribed by hand; the whole
    domain @firma.dk; a partner's digest; the business unit Shop: e bounced, and a again."""
    ses = tmp_path / "ses.csv"
    ses.write_text("b@x.dk,BOUNCE\nc@x.dk,COMPLAINT\n", "utf-8")
    import_file(write_rows(tmp_path / "a.csv", ["email"], [["a@x.dk"]]))
    import_file(ses)
    by_hand.add_manual("d@x.dk", ACCOUNT, by_hand.UNSUBSCRIBED)
    domains.add_domain("@firma.dk")
    partner = tmp_path / "partner.txt"
    partner.write_text(sha256("p@partner.dk") + "\n", "utf-8")
    import_file(partner)
    unit = business_units.add_unit("Shop").id
    rows = [["e@x.dk"], ["a@x.dk"]]
    import_file(write_rows(tmp_path / "shop.csv", ["email"], rows), unit, "bounced")
    return int(unit)


def test_hubspot_mailchimp_and_sendgrid_get_their_header_and_each_address_once(
    listed: int, tmp_path: Path
) -> None:
    for tool, header in (
        ("hubspot", "Email"),
        ("mailchimp", "Email Address"),
        ("sendgrid", "email"),
    ):
        path = tmp_path / f"{tool}.csv"
        done = export_formats.export_for_tool(path, tool)
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark: a tool reads it
        addresses = ["a@x.dk", "b@x.dk", "c@x.dk", "d@x.dk", "e@x.dk"]
        assert raw.decode("utf-8") == "\r\n".join([header, *addresses]) + "\r\n"
        assert (done.addresses, done.domains, done.hashed) == (5, 1, 1)


def test_ses_gets_no_header_and_bounce_or_complaint(listed: int, tmp_path: Path) -> None:
    path = tmp_path / "ses-suppressions.csv"
    done = export_formats.export_for_tool(path, "ses")
    assert path.read_text("utf-8") == (
        "a@x.dk,BOUNCE\n"  # the business unit's bounce made the account's opt-out a bounce
        "b@x.dk,BOUNCE\n"
        "c@x.dk,COMPLAINT\n"
        "d@x.dk,COMPLAINT\n"
        "e@x.dk,BOUNCE\n"
    )
    assert (done.addresses, done.bounces) == (5, 3)
    account = export_formats.export_for_tool(tmp_path / "account.csv", "ses", ACCOUNT)
    assert (tmp_path / "account.csv").read_text("utf-8").splitlines() == [
        "a@x.dk,BOUNCE",
        "b@x.dk,BOUNCE",
        "c@x.dk,COMPLAINT",
        "d@x.dk,COMPLAINT",
    ]
    assert (account.addresses, account.bounces) == (4, 2)
    shop = export_formats.export_for_tool(tmp_path / "shop.csv", "ses", listed)
    assert shop.addresses == 5  # the account's opt-outs apply in the unit too


def test_a_hashed_list_holds_each_address_digest_once_in_digest_order(
    listed: int, tmp_path: Path
) -> None:
    addresses = ["a@x.dk", "b@x.dk", "c@x.dk", "d@x.dk", "e@x.dk"]
    path = tmp_path / "sha256.txt"
    done = export_formats.export_hashed(path, "sha256")
    wanted = sorted([sha256(a) for a in addresses] + [sha256("p@partner.dk")])
    assert path.read_text("ascii") == "".join(f"{digest}\n" for digest in wanted)
    assert (done.addresses, done.domains, done.hashed) == (6, 1, 0)
    path = tmp_path / "md5.csv"
    done = export_formats.export_hashed(path, "md5")
    assert path.read_text("ascii").split() == sorted(md5(a) for a in addresses)
    assert (done.addresses, done.hashed) == (5, 1)  # the partner's SHA-256 cannot be an MD5


def test_a_wrong_format_or_file_name_writes_nothing(listed: int, tmp_path: Path) -> None:
    with pytest.raises(OptOutError, match="not a format"):
        export_formats.export_for_tool(tmp_path / "x.csv", "outlook")
    with pytest.raises(OptOutError, match=r"ending in \.csv"):
        export_formats.export_for_tool(tmp_path / "x.xlsx", "hubspot")
    with pytest.raises(OptOutError, match="not a hash"):
        export_formats.export_hashed(tmp_path / "x.txt", "sha1")
    assert list(tmp_path.glob("x.*")) == [] and list(tmp_path.glob(".*partial")) == []
