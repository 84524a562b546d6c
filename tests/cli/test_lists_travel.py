"""Lists that travel, by the real `optout` command: reasons in, tools' formats and hashes out,
hashed lists in, and a person forgotten."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.test_cli import assert_refused
from tests.helpers import is_server, outside_rows, table_counts, write_rows

Optout = Callable[..., Any]


def sha256(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8")).hexdigest()


def reasons_in(db_path: Any) -> dict[str, str]:
    rows = outside_rows(db_path, "SELECT email, reason FROM suppression WHERE scope_id = 0")
    return dict(rows)


def test_an_ses_file_and_a_mailchimp_export_import_with_their_reasons(
    optout: Optout, tmp_path: Path, db_path: Any
) -> None:
    ses = tmp_path / "ses.csv"
    ses.write_text("a@x.dk,BOUNCE\nb@x.dk,COMPLAINT\n", "utf-8")
    dry = optout("import-optouts", ses, "--dry-run", "--json", check=True).json()
    assert (dry["valid"], dry["found"], dry["reason_columns"]) == (2, "ses", ["Column 2"])
    assert dry["by_reason"] == {"bounced": 1, "spam": 1} and dry["hashed"] == 0
    text = optout("import-optouts", ses, "--dry-run", check=True).stdout
    assert "By reason: bounced 1, spam report 1" in text and "Amazon SES" in text
    optout("import-optouts", ses, "--confirm", "2", check=True)
    cleaned = write_rows(
        tmp_path / "cleaned_members.csv",
        ["Email Address", "First Name", "CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE"],
        [["b@x.dk", "B", "2024-01-01", "Jan"], ["c@x.dk", "C", "2024-01-01", "Jan"]],
    )
    run = optout("import-optouts", cleaned, "--confirm", "2", "--json", check=True).json()
    assert (run["reason"], run["new"], run["raised"]) == ("bounced", 1, 0)  # spam is as strong
    assert reasons_in(db_path) == {"a@x.dk": "bounced", "b@x.dk": "spam", "c@x.dk": "bounced"}
    plain = write_rows(tmp_path / "plain.csv", ["email", "status"], [["d@x.dk", "unsubscribed"]])
    optout(
        "import-optouts", plain, "--reason", "manual", "--reason-column", "none", "--confirm", "1"
    )
    assert reasons_in(db_path)["d@x.dk"] == "manual"
    history = optout("history", check=True).stdout
    assert "by reason: bounced 1, spam report 1" in history
    refused = optout("import-optouts", plain, "--reason-column", "Why", "--dry-run")
    assert_refused(refused, "no column “Why”")


def test_each_format_and_hash_is_written_as_its_tool_takes_it(
    optout: Optout, tmp_path: Path
) -> None:
    ses = tmp_path / "ses.csv"
    ses.write_text("a@x.dk,BOUNCE\nb@x.dk,COMPLAINT\n", "utf-8")
    optout("import-optouts", ses, "--confirm", "2", check=True)
    optout("domains", "--add", "@firma.dk", check=True)
    wanted = {
        "hubspot": "Email\r\na@x.dk\r\nb@x.dk\r\n",
        "mailchimp": "Email Address\r\na@x.dk\r\nb@x.dk\r\n",
        "sendgrid": "email\r\na@x.dk\r\nb@x.dk\r\n",
        "ses": "a@x.dk,BOUNCE\nb@x.dk,COMPLAINT\n",
    }
    for tool, content in wanted.items():
        out = tmp_path / f"{tool}.csv"
        done = optout("export-suppressions", out, "--format", tool, "--json", check=True).json()
        assert out.read_bytes() == content.encode("utf-8"), tool
        assert (done["exported"], done["domains"]) == (2, 1)
    out = tmp_path / "list.txt"
    optout("export-suppressions", out, "--hash", "sha256", check=True)
    assert out.read_text("ascii").split() == sorted([sha256("a@x.dk"), sha256("b@x.dk")])
    refused = optout("export-suppressions", tmp_path / "hs.xlsx", "--format", "hubspot")
    assert_refused(refused, "ending in .csv")
    assert not (tmp_path / "hs.xlsx").exists()


def test_a_hashed_list_imports_and_a_forgotten_person_leaves_no_trace(
    optout: Optout, tmp_path: Path, db_path: Any
) -> None:
    partner = tmp_path / "partner.txt"
    partner.write_text("".join(f"{sha256(f'p{n}@x.dk')}\n" for n in range(1000)), "utf-8")
    dry = optout("import-optouts", partner, "--dry-run", "--json", check=True).json()
    assert (dry["hashed"], dry["valid"], dry["by_reason"]) == (1000, 1000, {"partner": 1000})
    optout("import-optouts", partner, "--confirm", "1000", check=True)
    assert optout("check", "P7@x.dk", "--json", check=True).json()["suppressed"]

    contacts = write_rows(tmp_path / "c.csv", ["email"], [["jens@firma.dk"], ["kim@firma.dk"]])
    optout("import-contacts", contacts, check=True)
    listed = write_rows(tmp_path / "o.csv", ["email"], [["jens@firma.dk"], ["ole@firma.dk"]])
    optout("import-optouts", listed, "--reason", "unsubscribed", "--confirm", "2", check=True)
    done = optout("forget", "jens@firma.dk", "--json", check=True).json()
    assert done["digest"] == sha256("jens@firma.dk") and done["history_id"]
    assert done["deleted"]["contact"] == 1
    assert done["file_cleared"] is (None if is_server(db_path) else True)
    found = optout("check", "jens@firma.dk", "--json", check=True).json()
    assert found["suppressed"] and found["suppressions"][0]["reason"] == "unsubscribed"
    assert optout("billable", "--json", check=True).json()["billable_contacts"] == 1
    plain = tmp_path / "plain.csv"
    optout("export-suppressions", plain, check=True)
    assert "jens@firma.dk" not in plain.read_text("utf-8-sig")
    hashed = tmp_path / "hashed.txt"
    optout("export-suppressions", hashed, "--hash", "sha256", check=True)
    assert sha256("jens@firma.dk") in hashed.read_text("ascii").split()
    history = optout("history", "--json", check=True).json()
    assert history[0]["kind"] == "forgotten" and history[0]["user_name"]
    assert "jens@firma.dk" not in str(history)
    for table in table_counts(db_path):
        assert "jens@firma.dk" not in str(outside_rows(db_path, f'SELECT * FROM "{table}"'))
    if not is_server(db_path):
        for side in ("", "-wal", "-shm"):
            path = Path(str(db_path) + side)
            assert not path.exists() or b"jens@firma.dk" not in path.read_bytes()
