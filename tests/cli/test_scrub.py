"""`optout scrub`: the real command cleans a mailing list into a new file, on either database."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.helpers import is_server, outside_rows, table_counts

Optout = Callable[..., Any]
KEYS = {"rows", "kept", "suppressed", "invalid", "blank", "duplicates", "suppressed_by"}
# A Danish Excel export (Windows-1252, semicolons, CRLF) with every fate in it.
HEADER = "Navn;E-mail;Postnr. og by\r\n"
ROWS = [
    "Anna Ærø;anna@kunde.dk;8000 Århus C\r\n",
    "Konto;konto@firma.dk;5000 Odense\r\n",
    "Bo;Bo Ek <bo@brand.dk>;4600 Køge\r\n",
    'Comp;x@competitor.dk;"7100 Vejle; ved fjorden"\r\n',
    "Blank;;6760 Ribe\r\n",
    "Bad;ikke en adresse;7800 Skive\r\n",
    "Igen;ANNA@KUNDE.DK;8000 Århus C\r\n",
    'Sidst;sidst@kunde.dk;"2. sal\r\n4180 Sorø"\r\n',
]


def assert_refused(result: Any, *words: str) -> None:
    """Exit 2 and one plain line on stderr."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optout: "), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "lists").mkdir()
    return tmp_path / "lists"


@pytest.fixture
def mailing_list(folder: Path) -> Path:
    path = folder / "udsendelse.csv"
    path.write_bytes((HEADER + "".join(ROWS)).encode("cp1252"))
    return path


@pytest.fixture
def listed(optout: Optout, folder: Path) -> None:
    """konto@ for the whole account, bo@ for Brand Bee only, the whole domain competitor.dk."""
    optout("business-units", "--add", "Brand Bee", check=True)
    optout("add-optout", "konto@firma.dk", check=True)
    optout(
        "add-optout", "bo@brand.dk", "--business-unit", "Brand Bee", "--unsubscribed", check=True
    )
    optout("domains", "--add", "@competitor.dk", check=True)


def kept_bytes(*numbers: int) -> bytes:
    return (HEADER + "".join(ROWS[n] for n in numbers)).encode("cp1252")


def test_scrub_saves_the_rows_that_may_be_emailed_as_they_were(
    optout: Optout, listed: None, mailing_list: Path, folder: Path, db_path: Any
) -> None:
    before = outside_rows(db_path, "SELECT email, scope_id, reason FROM suppression")
    result = optout("scrub", mailing_list, "--out", folder / "ren.csv", "--json", check=True)
    data = result.json()
    assert KEYS <= set(data)
    assert {key: data[key] for key in KEYS - {"suppressed_by"}} == {
        "rows": 8,
        "kept": 3,
        "suppressed": 2,
        "invalid": 1,
        "blank": 1,
        "duplicates": 1,
    }
    assert data["suppressed_by"] == {
        "unsubscribed": 0,
        "spam": 0,
        "bounced": 0,
        "account": 1,
        "business_unit": 0,
        "domain": 1,
    }
    counted = ("kept", "suppressed", "invalid", "blank", "duplicates")
    assert sum(data[key] for key in counted) == data["rows"]
    assert sum(data["suppressed_by"].values()) == data["suppressed"]
    assert (data["column"], data["business_unit"]) == ("E-mail", "Whole account")
    assert (folder / "ren.csv").read_bytes() == kept_bytes(0, 2, 7)
    assert outside_rows(db_path, "SELECT email, scope_id, reason FROM suppression") == before
    assert result.stderr == ""


def test_a_business_unit_and_the_left_out_rows(
    optout: Optout, listed: None, mailing_list: Path, folder: Path
) -> None:
    result = optout(
        "scrub",
        mailing_list,
        "--out",
        folder / "ren.csv",
        "--removed",
        folder / "udeladt.csv",
        "--business-unit",
        "Brand Bee",
        check=True,
    )
    assert (folder / "ren.csv").read_bytes() == kept_bytes(0, 7)
    text = result.stdout
    assert "May be emailed: 2, saved to" in text and "Business unit: Brand Bee" in text
    assert "Suppressed: 3 (" in text and "the person unsubscribed: 1" in text
    assert "Left-out rows: 6, saved to" in text and "Kept in the history as cleaning #1." in text
    raw = (folder / "udeladt.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[0] == ["Row", "Reason", "Navn", "E-mail", "Postnr. og by"]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        ("3", "Suppressed: opted out for the whole account."),
        ("4", "Suppressed: the person unsubscribed."),
        ("5", "Suppressed: the whole domain is opted out."),
        ("6", "The cell is blank."),
        ("7", "Invalid: This is not an email address: it has no @-sign."),
        ("8", "Repeats the address in row 2."),
    ]
    assert rows[3][4] == "7100 Vejle; ved fjorden"


def test_the_history_lists_the_cleaning(
    optout: Optout, listed: None, mailing_list: Path, folder: Path
) -> None:
    data = optout("scrub", mailing_list, "--out", folder / "ren.xlsx", "--json", check=True).json()
    runs = optout("history", "--json", check=True).json()
    assert runs[0]["kind"] == "cleaned"  # the newest entry
    assert [run["kind"] for run in runs].count("cleaned") == 1
    entry = runs[0]
    assert entry["id"] == data["history_id"] and data["history_note"] == ""
    assert entry["file_name"] == "udsendelse.csv" and entry["saved_as"] == "ren.xlsx"
    assert entry["file_sha256"] == data["file_sha256"] and len(entry["file_sha256"]) == 64
    assert (entry["rows"], entry["kept"], entry["suppressed"]) == (8, 3, 2)
    assert entry["business_unit"] == "Whole account" and " on " in entry["user_name"]
    text = optout("history", check=True).stdout
    assert "cleaned" in text and "udsendelse.csv" in text
    sheet = openpyxl.load_workbook(folder / "ren.xlsx")["udsendelse"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Navn", "E-mail", "Postnr. og by"]
    assert [row[1] for row in values[1:]] == [
        "anna@kunde.dk",
        "Bo Ek <bo@brand.dk>",
        "sidst@kunde.dk",
    ]


def test_refusals_print_one_line_and_write_nothing(
    optout: Optout, listed: None, mailing_list: Path, folder: Path, db_path: Any
) -> None:
    (folder / "findes.csv").write_text("a colleague's list")
    (folder / "tom.csv").write_bytes(b"")
    (folder / "navne.csv").write_text("Navn;By\nAnna;Århus\nBo;Køge\n", "utf-8")
    before_files = sorted(path.name for path in folder.iterdir())
    before_tables = table_counts(db_path)
    cases = [
        (("--out", folder / "findes.csv"), mailing_list, "exists already"),
        (("--out", mailing_list), mailing_list, "is the list being cleaned"),
        (("--out", folder / "ren.ods"), mailing_list, ".csv, .txt or .xlsx"),
        (("--out", folder / "a.csv", "--removed", folder / "a.csv"), mailing_list, "a file each"),
        (("--out", folder / "a.csv", "--removed", folder / "findes.csv"), mailing_list, "exists"),
        (("--out", folder / "a.csv"), folder / "tom.csv", "is empty"),
        (("--out", folder / "a.csv"), folder / "mangler.csv", "does not exist"),
        (("--out", folder / "a.csv"), folder / "navne.csv", "No column looks like email"),
        (("--out", folder / "a.csv", "--column", "By"), folder / "navne.csv", "no valid email"),
        (("--out", folder / "a.csv", "--business-unit", "Brand X"), mailing_list, "no business"),
    ]
    for arguments, source, words in cases:
        assert_refused(optout("scrub", source, *arguments), words)
        assert sorted(path.name for path in folder.iterdir()) == before_files, words
    assert (folder / "findes.csv").read_text() == "a colleague's list"
    assert table_counts(db_path) == before_tables


def test_a_read_only_login_still_cleans(
    optout: Optout, listed: None, mailing_list: Path, folder: Path, db_path: Any
) -> None:
    """A server login that may only read: the file is cleaned and saved (exit 0), and the
    result says the cleaning could not be kept in the history."""
    if not is_server(db_path):
        pytest.skip("the command line's SQLite file is read-only only for a user that is not root")
    import psycopg

    name = str(db_path).rsplit("/", 1)[-1]
    with psycopg.connect(str(db_path), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    result = optout("scrub", mailing_list, "--out", folder / "ren.csv", "--json")
    assert result.returncode == 0, result.stderr
    data = result.json()
    assert data["history_id"] is None and "could not be kept in the history" in data["history_note"]
    assert "read-only" in data["history_note"]
    assert (folder / "ren.csv").read_bytes() == kept_bytes(0, 2, 7)
    assert outside_rows(db_path, "SELECT count(*) FROM cleaning_run") == [(0,)]
