"""The `optout` command end to end: the real command, real files, a real SQLite database."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db.schema import SCHEMA_VERSION
from tests.helpers import is_server, outside_rows, table_counts, write_rows, writing_optouts

Optout = Callable[..., Any]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
IMPORT_KEYS = {
    "column",
    "rows",
    "valid",
    "invalid",
    "blank",
    "duplicates",
    "new",
    "already_suppressed",
    "contacts_unsubscribed",
    "import_id",
}


def emails_file(path: Path, emails: Iterable[str]) -> Path:
    return write_rows(path, ["Name", "Email"], ([f"P{n}", e] for n, e in enumerate(emails)))


def query(db_path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows read by another program's connection (`?` placeholders, either backend)."""
    return outside_rows(db_path, sql, params)


def other_program(db_path: Path, *statements: str) -> None:
    """Run statements as another program would, on its own connection, and commit them."""
    if is_server(db_path):
        import psycopg

        with psycopg.connect(str(db_path), autocommit=True) as server:
            for statement in statements:
                server.execute(statement)
        return
    with closing(sqlite3.connect(db_path)) as other:
        for statement in statements:
            other.execute(statement)
        other.commit()


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:10]
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def assert_refused(result: Any, *words: str) -> None:
    """Exit 2 and one plain line on stderr."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("optout: ")
    for word in words:
        assert word in lines[0]


def check(optout: Optout, address: str, *more: str) -> dict[str, Any]:
    result = optout("check", address, *more, "--json", check=True)
    data: dict[str, Any] = result.json()
    return data


def billable(optout: Optout) -> dict[str, int]:
    data: dict[str, int] = optout("billable", "--json", check=True).json()
    return data


MIXED = [
    "a@example.com",  # 2 valid, new
    "",  # 3 blank
    "not-an-address",  # 4 invalid
    "A@EXAMPLE.COM",  # 5 repeats row 2
    "Bo Berg <bo@firma.dk>",  # 6 valid, an existing contact
    "mailto:old@firma.dk",  # 7 valid, already suppressed
    " c@example.com ",  # 8 valid, new
    "   ",  # 9 blank
    "x@",  # 10 invalid
    "'c@example.com'",  # 11 repeats row 8
]


@pytest.fixture
def mixed(optout: Optout, tmp_path: Path) -> Path:
    """The mixed file; bo@firma.dk is a contact and old@firma.dk was opted out before."""
    optout("import-contacts", emails_file(tmp_path / "c.csv", ["bo@firma.dk"]), check=True)
    earlier = emails_file(tmp_path / "earlier.csv", ["old@firma.dk"])
    optout("import-optouts", earlier, "--confirm", "1", check=True)
    return emails_file(tmp_path / "mixed.csv", MIXED)


def test_dry_run_counts_and_writes_nothing(optout: Optout, mixed: Path, db_path: Path) -> None:
    before = table_counts(db_path)
    result = optout("import-optouts", mixed, "--dry-run", "--json", check=True)
    data = result.json()
    assert IMPORT_KEYS <= set(data)
    assert data["import_id"] is None
    assert data["column"] == "Email"
    counts = {k: data[k] for k in ("rows", "blank", "invalid", "duplicates", "valid")}
    assert counts == {"rows": 10, "blank": 2, "invalid": 2, "duplicates": 2, "valid": 4}
    assert data["valid"] == data["rows"] - data["blank"] - data["invalid"] - data["duplicates"]
    assert (data["new"], data["already_suppressed"], data["contacts_unsubscribed"]) == (3, 1, 1)
    assert table_counts(db_path) == before
    assert query(db_path, "SELECT count(*) FROM import_run WHERE file_name = 'mixed.csv'") == [(0,)]

    text = optout("import-optouts", mixed, "--dry-run", check=True)
    assert "--confirm 4" in text.stdout
    assert table_counts(db_path) == before


def test_import_counts_then_a_second_import_that_overlaps(
    optout: Optout, mixed: Path, tmp_path: Path, db_path: Path
) -> None:
    data = optout("import-optouts", mixed, "--confirm", "4", "--json", check=True).json()
    assert IMPORT_KEYS <= set(data)
    assert {k: data[k] for k in ("rows", "valid", "new", "already_suppressed")} == {
        "rows": 10,
        "valid": 4,
        "new": 3,
        "already_suppressed": 1,
    }
    assert data["contacts_unsubscribed"] == 1
    first = data["import_id"]
    mine = query(db_path, "SELECT email FROM suppression WHERE import_run_id = ?", first)
    assert sorted(mine) == [("a@example.com",), ("bo@firma.dk",), ("c@example.com",)]

    optout(
        "import-contacts", emails_file(tmp_path / "c2.csv", ["new-contact@firma.dk"]), check=True
    )
    second = emails_file(
        tmp_path / "second.csv",
        ["c@example.com", "BO@firma.dk", "d@example.com", "new-contact@firma.dk", "d@example.com"],
    )
    planned = optout("import-optouts", second, "--dry-run", "--json", check=True).json()
    data = optout("import-optouts", second, "--confirm", "4", "--json", check=True).json()
    for result in (planned, data):
        assert (result["rows"], result["valid"], result["duplicates"]) == (5, 4, 1)
        assert (result["new"], result["already_suppressed"]) == (2, 2)
        assert result["contacts_unsubscribed"] == 1  # bo@ was unsubscribed by the first import
    assert data["import_id"] > first
    assert billable(optout) == {"billable_contacts": 2, "suppressed_addresses": 6}


@pytest.mark.parametrize("typed", ["3", "5", "10", "0", "-4"])
def test_a_wrong_confirmation_is_refused_and_writes_nothing(
    optout: Optout, mixed: Path, db_path: Path, typed: str
) -> None:
    before = table_counts(db_path)
    result = optout("import-optouts", mixed, "--confirm", typed)
    assert_refused(result, "nothing was imported")
    assert result.stdout == ""
    assert table_counts(db_path) == before
    assert query(db_path, "SELECT count(*) FROM import_run WHERE file_name = 'mixed.csv'") == [(0,)]
    assert query(db_path, "SELECT count(*) FROM suppression WHERE email = 'a@example.com'") == [
        (0,)
    ]


def _png(path: Path) -> Path:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\xff\x00" * 2)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


# Each refused file: how to make it, extra arguments, and a word its message must hold.
REFUSED: dict[str, Callable[[Path], tuple[Path, list[str], str]]] = {
    "empty": lambda d: (_empty(d / "empty.csv"), [], "empty.csv"),
    "header-only": lambda d: (
        write_rows(d / "header.csv", ["Name", "Email"], []),
        [],
        "header.csv",
    ),
    "png": lambda d: (_png(d / "picture.csv"), [], "picture.csv"),
    "no-valid-address": lambda d: (
        write_rows(d / "names.csv", ["Name", "Email"], [["Jens", "jens at firma"], ["Åse", ""]]),
        [],
        "no valid email address",
    ),
    "wrong-column": lambda d: (
        emails_file(d / "ok.csv", ["a@x.dk"]),
        ["--column", "Name"],
        "no valid email address",
    ),
    "no-such-column": lambda d: (
        emails_file(d / "ok.csv", ["a@x.dk"]),
        ["--column", "Mail"],
        "no column",
    ),
    "missing": lambda d: (d / "nowhere.csv", [], "nowhere.csv"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
@pytest.mark.parametrize("mode", [["--dry-run"], ["--confirm", "1"]])
def test_refused_files_exit_2_and_write_nothing(
    optout: Optout, mixed: Path, tmp_path: Path, db_path: Path, kind: str, mode: list[str]
) -> None:
    path, more, word = REFUSED[kind](tmp_path)
    before = table_counts(db_path)
    result = optout("import-optouts", path, *more, *mode)
    assert_refused(result, word)
    assert result.stdout == ""
    assert table_counts(db_path) == before


def test_contacts_import_refuses_a_png(optout: Optout, tmp_path: Path, db_path: Path) -> None:
    optout("billable", check=True)
    before = table_counts(db_path)
    assert_refused(optout("import-contacts", _png(tmp_path / "p.csv")))
    assert table_counts(db_path) == before


def test_billable_rule_end_to_end(optout: Optout, tmp_path: Path) -> None:
    assert billable(optout) == {"billable_contacts": 0, "suppressed_addresses": 0}

    outsiders = emails_file(tmp_path / "o1.csv", ["x1@y.dk", "x2@y.dk"])
    data = optout("import-optouts", outsiders, "--confirm", "2", "--json", check=True).json()
    assert (data["new"], data["contacts_unsubscribed"]) == (2, 0)
    assert billable(optout) == {"billable_contacts": 0, "suppressed_addresses": 2}

    people = write_rows(
        tmp_path / "people.csv",
        ["First name", "Last name", "Email"],
        [["C", "One", "c1@y.dk"], ["C", "Two", "c2@y.dk"], ["C", "Three", "c3@y.dk"]],
    )
    data = optout("import-contacts", people, "--json", check=True).json()
    assert (data["contacts_created"], data["valid"]) == (3, 3)
    assert billable(optout) == {"billable_contacts": 3, "suppressed_addresses": 2}

    both = emails_file(tmp_path / "o2.csv", ["c1@y.dk", "c2@y.dk", "x1@y.dk"])
    data = optout("import-optouts", both, "--confirm", "3", "--json", check=True).json()
    assert (data["new"], data["already_suppressed"], data["contacts_unsubscribed"]) == (2, 1, 2)
    assert billable(optout) == {"billable_contacts": 3, "suppressed_addresses": 4}

    listed = optout("delete-contacts", "--unsubscribed", "--json", check=True).json()
    assert listed == {"unsubscribed_contacts": 2, "deleted": 0}
    assert billable(optout)["billable_contacts"] == 3
    assert_refused(optout("delete-contacts", "--unsubscribed", "--confirm", "3"), "nothing")
    assert billable(optout)["billable_contacts"] == 3

    deleted = optout("delete-contacts", "--unsubscribed", "--confirm", "2", "--json", check=True)
    assert deleted.json() == {"deleted": 2, "billable_contacts": 1}
    assert billable(optout) == {"billable_contacts": 1, "suppressed_addresses": 4}
    kinds = [entry["kind"] for entry in optout("history", "--json", check=True).json()]
    assert kinds[0] == "contacts_deleted"  # the deletion is in the history, as in the window
    assert check(optout, "c1@y.dk")["is_contact"] is False
    assert check(optout, "c3@y.dk")["is_contact"] is True

    again = emails_file(tmp_path / "again.csv", ["C1@Y.DK"])
    optout("import-contacts", again, check=True)
    found = check(optout, "c1@y.dk")
    assert (found["suppressed"], found["is_contact"], found["marketing_allowed"]) == (
        True,
        True,
        False,
    )
    assert billable(optout) == {"billable_contacts": 2, "suppressed_addresses": 4}
    free = check(optout, "c3@y.dk")
    assert (free["suppressed"], free["marketing_allowed"]) == (False, True)


def test_check_text_and_refusals(optout: Optout, tmp_path: Path) -> None:
    optout("import-optouts", emails_file(tmp_path / "o.csv", ["jens@firma.dk"]), "--confirm", "1")
    text = optout("check", "JENS@firma.dk", check=True).stdout
    assert "jens@firma.dk may NOT get marketing email" in text
    assert "o.csv" in text
    assert_refused(optout("check", "not an address"), "not a valid email address")
    assert_refused(optout("check", "jens@firma.dk", "--business-unit", "Nope"), "Nope")


def test_business_units_end_to_end(optout: Optout, tmp_path: Path, db_path: Path) -> None:
    assert optout("business-units", "--json", check=True).json() == {"business_units": []}
    assert optout("business-units", "--add", "Brand B", "--json", check=True).json() == {
        "business_units": ["Brand B"]
    }
    optout("business-units", "--add", "Brand C", check=True)
    assert_refused(optout("business-units", "--add", "Brand B"), "already")

    account = emails_file(tmp_path / "account.csv", ["all@x.dk"])
    optout("import-optouts", account, "--confirm", "1", check=True)
    unit_file = emails_file(tmp_path / "unit.csv", ["all@x.dk", "b@x.dk", "b2@x.dk"])
    planned = optout(
        "import-optouts", unit_file, "--business-unit", "Brand B", "--dry-run", "--json", check=True
    ).json()
    assert (planned["new"], planned["already_suppressed"]) == (2, 1)
    done = optout(
        "import-optouts", unit_file, "--business-unit", "Brand B", "--confirm", "3", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert (done.json()["new"], done.json()["already_suppressed"]) == (2, 1)

    assert check(optout, "b@x.dk", "--business-unit", "Brand B")["marketing_allowed"] is False
    assert check(optout, "b@x.dk", "--business-unit", "Brand C")["marketing_allowed"] is True
    assert check(optout, "b@x.dk")["marketing_allowed"] is True
    assert check(optout, "all@x.dk", "--business-unit", "Brand C")["suppressed"] is True

    out = tmp_path / "b.csv"
    optout("export-suppressions", out, "--business-unit", "Brand B", check=True)
    assert sorted((r[0], r[1]) for r in read_csv(out)[1:]) == [
        ("all@x.dk", "Whole account"),
        ("b2@x.dk", "Brand B"),
        ("b@x.dk", "Brand B"),
    ]
    optout("export-suppressions", out, "--business-unit", "Brand C", check=True)
    assert [r[0] for r in read_csv(out)[1:]] == ["all@x.dk"]

    assert_refused(optout("business-units", "--remove", "Brand B"), "cannot be removed")
    optout("business-units", "--rename", "Brand B", "Brand Bee", check=True)
    assert check(optout, "b@x.dk", "--business-unit", "Brand Bee")["suppressed"] is True
    assert_refused(optout("check", "b@x.dk", "--business-unit", "Brand B"), "Brand B")
    history = optout("history", "--json", check=True).json()
    assert history[0]["business_unit"] == "Brand Bee"

    assert optout("business-units", "--remove", "Brand C", "--json", check=True).json() == {
        "business_units": ["Brand Bee"]
    }
    assert query(db_path, "SELECT name FROM business_unit") == [("Brand Bee",)]
    assert_refused(
        optout("import-optouts", unit_file, "--business-unit", "Brand C", "--dry-run"), "Brand C"
    )
    assert_refused(optout("business-units", "--rename", "", "X"))
    assert_refused(optout("business-units", "--remove", ""))
    assert_refused(optout("business-units", "--add", "  "), "needs a name")
    assert_refused(optout("business-units", "--add", "whole account"))


def test_business_unit_names_with_extra_spaces_are_found(optout: Optout) -> None:
    optout("business-units", "--add", "  Brand   B ", check=True)
    assert optout("business-units", "--json", check=True).json() == {"business_units": ["Brand B"]}
    assert check(optout, "a@x.dk", "--business-unit", "Brand  B")["business_unit"] == "Brand B"


def test_export_csv_and_xlsx(optout: Optout, tmp_path: Path) -> None:
    import openpyxl

    optout("business-units", "--add", "=SUM(A1:A2)", check=True)
    optout("business-units", "--add", "@Brand", check=True)
    optout("import-contacts", emails_file(tmp_path / "c.csv", ["kim@firma.dk"]), check=True)
    named = emails_file(tmp_path / "+danger.csv", ["kim@firma.dk", "-x@firma.dk", "z@firma.dk"])
    optout("import-optouts", named, "--confirm", "3", check=True)
    unit = emails_file(tmp_path / "unit.csv", ["u@firma.dk"])
    optout("import-optouts", unit, "--business-unit", "=SUM(A1:A2)", "--confirm", "1", check=True)
    optout("import-optouts", unit, "--business-unit", "@Brand", "--confirm", "1", check=True)

    csv_out = tmp_path / "list.csv"
    result = optout("export-suppressions", csv_out, "--json", check=True)
    assert result.json()["exported"] == 5
    rows = read_csv(csv_out)
    assert rows[0] == ["Email", "Scope", "Reason", "Source", "Date"]
    body = rows[1:]
    assert [r[0] for r in body] == [
        "-x@firma.dk",
        "kim@firma.dk",
        "u@firma.dk",
        "u@firma.dk",
        "z@firma.dk",
    ]
    assert all(r[2] == "import" and r[4] for r in body)
    assert sorted(r[1] for r in body if r[0] == "u@firma.dk") == ["'=SUM(A1:A2)", "'@Brand"]
    assert body[1][3].endswith("+danger.csv")
    for row in body:
        assert not any(cell.startswith(FORMULA_START) for cell in row[1:]), row

    xlsx_out = tmp_path / "list.xlsx"
    optout("export-suppressions", xlsx_out, check=True)
    workbook = openpyxl.load_workbook(xlsx_out, read_only=True)
    sheet_rows = [
        [str(v) for v in row] for row in workbook.worksheets[0].iter_rows(values_only=True)
    ]
    workbook.close()
    assert sheet_rows == rows
    if sys.platform != "win32":
        assert stat.S_IMODE(csv_out.stat().st_mode) == 0o600
        assert stat.S_IMODE(xlsx_out.stat().st_mode) == 0o600
    assert_refused(optout("export-suppressions", tmp_path / "list.pdf"), ".csv or .xlsx")
    assert_refused(optout("export-suppressions", tmp_path / "no" / "list.csv"))


def test_errors_command_and_errors_file(optout: Optout, tmp_path: Path) -> None:
    path = emails_file(tmp_path / "f.csv", ["a@x.dk", "", "bad", "A@x.dk", "=2+3", "b@x.dk"])
    errors_now = tmp_path / "now.csv"
    data = optout(
        "import-optouts", path, "--confirm", "2", "--json", "--errors-file", errors_now, check=True
    ).json()
    expected = [["3", ""], ["4", "bad"], ["5", "A@x.dk"], ["6", "'=2+3"]]
    now = read_csv(errors_now)
    assert now[0] == ["Row", "Value", "Reason"]
    assert [r[:2] for r in now[1:]] == expected
    assert all(r[2] for r in now[1:])
    assert "row 2" in now[3][2]

    later = tmp_path / "later.csv"
    result = optout("errors", str(data["import_id"]), later, "--json", check=True)
    assert result.json()["refused_rows"] == 4
    assert read_csv(later) == now
    assert_refused(optout("errors", "999", tmp_path / "x.csv"), "999")


def test_errors_file_is_written_even_when_no_row_was_refused(
    optout: Optout, tmp_path: Path
) -> None:
    out = tmp_path / "errors.csv"
    out.write_text("stale rows of an earlier import\n", encoding="utf-8")
    path = emails_file(tmp_path / "clean.csv", ["a@x.dk"])
    optout("import-optouts", path, "--confirm", "1", "--errors-file", out, check=True)
    assert read_csv(out) == [["Row", "Value", "Reason"]]


def test_history_lists_every_import(optout: Optout, mixed: Path, tmp_path: Path) -> None:
    optout("business-units", "--add", "Brand", check=True)
    optout("import-optouts", mixed, "--confirm", "4", check=True)
    optout("import-optouts", mixed, "--confirm", "1")  # refused: no row
    unit = emails_file(tmp_path / "unit.csv", ["u@x.dk"])
    optout("import-optouts", unit, "--business-unit", "Brand", "--confirm", "1", check=True)
    runs = optout("history", "--json", check=True).json()
    assert [r["file_name"] for r in runs] == ["unit.csv", "mixed.csv", "earlier.csv", "c.csv"]
    assert [r["kind"] for r in runs] == ["optouts", "optouts", "optouts", "contacts"]
    assert {r["state"] for r in runs} == {"completed"}
    unit_run, mixed_run = runs[0], runs[1]
    assert unit_run["business_unit"] == "Brand"
    assert mixed_run["business_unit"] == "Whole account"
    assert {k: mixed_run[k] for k in IMPORT_KEYS - {"import_id", "column"}} == {
        "rows": 10,
        "valid": 4,
        "invalid": 2,
        "blank": 2,
        "duplicates": 2,
        "new": 3,
        "already_suppressed": 1,
        "contacts_unsubscribed": 1,
    }
    assert mixed_run["column"] == "Email"
    assert mixed_run["file_sha256"] == hashlib.sha256(mixed.read_bytes()).hexdigest()
    assert mixed_run["user_name"]
    assert mixed_run["refused_rows"] == 6
    assert mixed_run["started_at"] <= mixed_run["finished_at"]
    assert runs[3]["contacts_created"] == 1
    text = optout("history", check=True).stdout
    assert "mixed.csv" in text and "unit.csv" in text
    assert len(optout("history", "--limit", "1", "--json", check=True).json()) == 1


@pytest.mark.sqlite_only  # a file of other contents; see the server's equivalent below
def test_a_database_that_is_not_sqlite_is_refused_and_untouched(
    optout: Optout, db_path: Path, tmp_path: Path
) -> None:
    content = b"email\njens@firma.dk\n"
    db_path.write_bytes(content)
    assert_refused(optout("billable"), "not an OptOut Desktop database")
    path = emails_file(tmp_path / "o.csv", ["a@x.dk"])
    assert_refused(optout("import-optouts", path, "--confirm", "1"), "not an OptOut")
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv", db_path.name]


def test_a_database_of_other_tables_is_refused_and_untouched(
    optout: Optout, db_path: Path, tmp_path: Path
) -> None:
    """Another application's database (a SQLite file, or a database on the server)."""
    other_program(
        db_path,
        "CREATE TABLE customers (email text)",
        "INSERT INTO customers VALUES ('jens@firma.dk')",
    )
    assert_refused(optout("billable"), "left untouched")
    path = emails_file(tmp_path / "o.csv", ["a@x.dk"])
    assert_refused(optout("import-optouts", path, "--confirm", "1"), "left untouched")
    assert table_counts(db_path) == {"customers": 1}
    assert query(db_path, "SELECT email FROM customers") == [("jens@firma.dk",)]


@pytest.mark.sqlite_only  # the file's mode and its journal
def test_a_new_database_is_private(optout: Optout, db_path: Path) -> None:
    optout("billable", check=True)
    if sys.platform != "win32":
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_a_new_database_gets_the_schema(optout: Optout, db_path: Path) -> None:
    optout("billable", check=True)
    assert query(db_path, "SELECT value FROM schema_info WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert table_counts(db_path)["suppression"] == 0


def test_usage_errors_do_not_show_a_traceback(optout: Optout, tmp_path: Path) -> None:
    path = emails_file(tmp_path / "o.csv", ["a@x.dk"])
    result = optout("import-optouts", path)  # neither --dry-run nor --confirm
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--dry-run" in result.stderr


def test_errors_file_in_a_missing_folder_is_refused_before_importing(
    optout: Optout, mixed: Path, tmp_path: Path, db_path: Path
) -> None:
    before = table_counts(db_path)
    result = optout(
        "import-optouts", mixed, "--confirm", "4", "--errors-file", tmp_path / "no" / "e.csv"
    )
    assert_refused(result, "nothing was imported")
    assert table_counts(db_path) == before


def test_errors_file_that_cannot_be_written_after_the_import_says_it_completed(
    optout: Optout, mixed: Path, tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    result = optout("import-optouts", mixed, "--confirm", "4", "--errors-file", folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "completed" in result.stderr
    assert query(db_path, "SELECT state FROM import_run WHERE file_name = 'mixed.csv'") == [
        ("completed",)
    ]
    assert check(optout, "a@example.com")["suppressed"] is True


def test_danish_excel_csv_end_to_end(optout: Optout, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "kunder.csv"
    text = (
        "Fornavn;Efternavn;E-mail\r\n"
        "Søren;Ærø;Soren@Firma.dk\r\n"
        'Åse;Øst;"Åse Øst <ase@firma.dk>"\r\n'
        "Jens;Blå;ikke en adresse\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    data = optout("import-contacts", path, "--json", check=True).json()
    assert (data["column"], data["contacts_created"], data["invalid"]) == ("E-mail", 2, 1)
    names = query(db_path, "SELECT email, first_name, last_name FROM contact ORDER BY email")
    assert names == [("ase@firma.dk", "Åse", "Øst"), ("soren@firma.dk", "Søren", "Ærø")]
    data = optout("import-optouts", path, "--confirm", "2", "--json", check=True).json()
    assert (data["new"], data["contacts_unsubscribed"], data["invalid"]) == (2, 2, 1)


def test_xlsx_sheet_end_to_end(optout: Optout, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Intro"
    first.append(["Nothing here"])
    sheet = workbook.create_sheet("Afmeldinger")
    sheet.append(["Navn", "Email"])
    for row in [["A", "a@x.dk"], ["B", None], ["C", "bad"], ["D", "A@X.DK"], ["E", "e@x.dk"]]:
        sheet.append(row)
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    errors = tmp_path / "errors.csv"
    data = optout(
        "import-optouts",
        path,
        "--sheet",
        "Afmeldinger",
        "--confirm",
        "2",
        "--json",
        "--errors-file",
        errors,
        check=True,
    ).json()
    assert {k: data[k] for k in ("rows", "valid", "blank", "invalid", "duplicates")} == {
        "rows": 5,
        "valid": 2,
        "blank": 1,
        "invalid": 1,
        "duplicates": 1,
    }
    assert [r[:2] for r in read_csv(errors)[1:]] == [["3", ""], ["4", "bad"], ["5", "A@X.DK"]]
    runs = optout("history", "--json", check=True).json()
    assert (runs[0]["sheet"], runs[0]["file_name"]) == ("Afmeldinger", "list.xlsx")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_an_import_rolls_back_and_records_a_cancel(
    optout: Optout, tmp_path: Path, db_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import time

    rows = 600_000
    path = emails_file(tmp_path / "big.csv", (f"person{n}@example.com" for n in range(rows)))
    optout("billable", check=True)
    script = Path(sys.executable).with_name("optout")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.cli"]
    process = subprocess.Popen(
        [*command, "--db", str(db_path), "import-optouts", str(path), "--confirm", str(rows)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HOME": str(tmp_path / "home")},
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if writing_optouts(db_path):
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.005)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "nothing was written" in stderr
    assert billable(optout) == {"billable_contacts": 0, "suppressed_addresses": 0}
    runs = optout("history", "--json", check=True).json()
    assert [(r["state"], r["file_name"], r["new"]) for r in runs] == [("cancelled", "big.csv", 0)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_sets_the_cancel_flag_and_a_second_one_stops_at_once() -> None:
    import os
    import signal

    from optout_desktop.cli import ctrl_c_cancels

    before = signal.getsignal(signal.SIGINT)
    with ctrl_c_cancels() as cancel:
        os.kill(os.getpid(), signal.SIGINT)
        assert cancel.is_set()  # the job stops at its next step, cleanly
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before
