"""Exports: every suppressed address, in CSV (UTF-8 with BOM) and XLSX, safe to open in Excel."""

from __future__ import annotations

import csv
import io
import sqlite3
import stat
import sys
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import dialect, models, writes
from optout_desktop.core.db.models import ImportRun, Suppression
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import exports, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units
from tests.helpers import is_server, outside_rows

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def emails_file(path: Path, emails: Iterable[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email"])
        writer.writerows([email] for email in emails)
    return path


def optout(path: Path, emails: Iterable[str], scope_id: int = models.ACCOUNT) -> ImportRun:
    plan = imports.plan_optouts(open_source(emails_file(path, emails)), "Email", scope_id)
    return imports.run_optouts(plan, plan.counts.valid)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def read_xlsx(path: Path) -> list[list[str]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def listed(db: Any, tmp_path: Path) -> dict[str, Any]:
    """A list with a whole-account import, a brand's import, a contact and a manual opt-out."""
    brand = business_units.add_unit('=HYPERLINK("http://evil","x")')
    other = business_units.add_unit("Other")
    contact_import.import_contacts(
        open_source(emails_file(tmp_path / "c.csv", ["kim@firma.dk"])), "Email"
    )
    account = optout(tmp_path / "=cmd|'-C calc'!A0.csv", ["kim@firma.dk", "-dash@x.dk", "b@x.dk"])
    branded = optout(tmp_path / "brand.csv", ["b@x.dk", "+plus@x.dk"], brand.id)
    elsewhere = optout(tmp_path / "other.csv", ["o@x.dk"], other.id)
    Suppression.create(email="m@x.dk", reason="manual")
    contact_import.delete_unsubscribed_contacts(1)  # kim stays suppressed without a contact
    return {"brand": brand, "other": other, "runs": (account, branded, elsewhere)}


def expected_rows(scope_ids: set[int] | None = None) -> list[list[str]]:
    """The rows the export should hold, built straight from the table."""
    rows = []
    for s in Suppression.select().order_by(Suppression.email, Suppression.scope_id):
        if scope_ids is not None and s.scope_id not in scope_ids:
            continue
        scope = business_units.scope_name(s.scope_id)
        source = (
            f"Import #{s.import_run_id}: {s.import_run.file_name}"
            if s.import_run_id
            else "Added by hand"
        )
        rows.append([s.email, scope, s.reason, source, s.created_at])
    return rows


def neutral(row: list[str]) -> list[str]:
    return [row[0], *("'" + c if c.startswith(FORMULA_START) else c for c in row[1:])]


def test_csv_export_lists_every_suppressed_address(listed: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    count = exports.export_suppressions(out)
    rows = read_csv(out)
    assert rows[0] == ["Email", "Scope", "Reason", "Source", "Date"]
    body = rows[1:]
    assert count == len(body) == Suppression.select().count() == 6
    assert body == [neutral(r) for r in expected_rows()]
    emails = [r[0] for r in body]
    assert emails == sorted(emails)
    assert "kim@firma.dk" in emails  # the deleted contact's opt-out is exported
    # The brand's import found b@x.dk already suppressed for the whole account.
    assert [r[1] for r in body if r[0] == "b@x.dk"] == ["Whole account"]
    assert {"-dash@x.dk", "+plus@x.dk", "m@x.dk"} <= set(emails)  # addresses never altered
    account_run = listed["runs"][0]
    kim = next(r for r in body if r[0] == "kim@firma.dk")
    assert kim[1:4] == [
        "Whole account",
        "import",
        f"Import #{account_run.id}: =cmd|'-C calc'!A0.csv",
    ]
    manual = next(r for r in body if r[0] == "m@x.dk")
    assert manual[1:4] == ["Whole account", "manual", "Added by hand"]


def test_no_cell_but_the_address_can_run_as_a_formula(
    listed: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "export.csv"
    exports.export_suppressions(out)
    body = read_csv(out)[1:]
    for row in body:
        assert not any(cell.startswith(FORMULA_START) for cell in row[1:]), row
    plus = next(r for r in body if r[0] == "+plus@x.dk")
    assert plus[1] == "'" + listed["brand"].name


def test_xlsx_export_holds_the_same_rows(listed: dict[str, Any], tmp_path: Path) -> None:
    exports.export_suppressions(tmp_path / "export.csv")
    count = exports.export_suppressions(tmp_path / "export.xlsx")
    assert count == 6
    assert read_xlsx(tmp_path / "export.xlsx") == read_csv(tmp_path / "export.csv")


def test_xlsx_cells_are_text_not_formulas(listed: dict[str, Any], tmp_path: Path) -> None:
    import openpyxl

    exports.export_suppressions(tmp_path / "export.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "export.xlsx")
    cells = [cell for row in workbook.worksheets[0].iter_rows() for cell in row]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_export_for_a_business_unit_follows_the_unit(
    listed: dict[str, Any], tmp_path: Path
) -> None:
    brand = listed["brand"]
    out = tmp_path / "brand.csv"
    count = exports.export_suppressions(out, brand.id)
    body = read_csv(out)[1:]
    assert body == [neutral(r) for r in expected_rows({models.ACCOUNT, brand.id})]
    assert count == 5
    assert "o@x.dk" not in {r[0] for r in body}  # another brand's opt-out does not apply
    business_units.rename_unit(brand.name, "Renamed")
    exports.export_suppressions(out, brand.id)
    assert {r[1] for r in read_csv(out)[1:]} == {"Whole account", "Renamed"}


def test_an_empty_list_exports_only_the_header(db: Any, tmp_path: Path) -> None:
    assert exports.export_suppressions(tmp_path / "e.csv") == 0
    assert read_csv(tmp_path / "e.csv") == [exports.HEADERS]
    assert exports.export_suppressions(tmp_path / "e.xlsx") == 0
    assert read_xlsx(tmp_path / "e.xlsx") == [exports.HEADERS]


@posix_only
@pytest.mark.parametrize("name", ["export.csv", "export.xlsx"])
def test_exports_are_private_even_over_an_existing_file(
    listed: dict[str, Any], tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    exports.export_suppressions(out)
    assert _mode(out) == 0o600
    out.chmod(0o644)
    exports.export_suppressions(out)
    assert _mode(out) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_refuses_other_file_types_and_missing_folders(db: Any, tmp_path: Path) -> None:
    with pytest.raises(OptOutError, match=r"\.csv or \.xlsx"):
        exports.export_suppressions(tmp_path / "list.txt")
    with pytest.raises(OptOutError, match="could not be written"):
        exports.export_suppressions(tmp_path / "missing" / "list.csv")
    assert list(tmp_path.glob("**/*.partial")) == []


def test_errors_file_lists_each_refused_row(db: Any, tmp_path: Path) -> None:
    run = optout(tmp_path / "f.csv", ["a@x.dk", "", "=1+1", "A@X.DK", "nope@", "b@x.dk"])
    out = tmp_path / "errors.csv"
    assert exports.export_refused_rows(run.id, out) == 4
    rows = read_csv(out)
    assert rows[0] == ["Row", "Value", "Reason"]
    assert [r[:2] for r in rows[1:]] == [["3", ""], ["4", "'=1+1"], ["5", "A@X.DK"], ["6", "nope@"]]
    assert all(r[2] for r in rows[1:])
    assert "row 2" in rows[3][2]


@posix_only
def test_errors_file_is_private_even_over_an_existing_file(db: Any, tmp_path: Path) -> None:
    run = optout(tmp_path / "f.csv", ["a@x.dk", "bad"])
    out = tmp_path / "errors.csv"
    out.write_text("old\n")
    out.chmod(0o644)
    exports.export_refused_rows(run.id, out)
    assert _mode(out) == 0o600
    assert read_csv(out)[1][:2] == ["3", "bad"]


def test_errors_file_of_an_unknown_import_is_refused(db: Any, tmp_path: Path) -> None:
    with pytest.raises(OptOutError, match="no import #99"):
        exports.export_refused_rows(99, tmp_path / "e.csv")
    assert not (tmp_path / "e.csv").exists()


# ---- large lists: read a batch at a time, one moment of the list, nothing left open --------


def fill(count: int) -> list[str]:
    """`count` hand-made opt-outs, written in a few statements; their addresses in order."""
    emails = [f"p{n:06d}@x.dk" for n in range(count)]
    with models.database.obj.atomic():
        for start in range(0, count, 1_000):
            Suppression.insert_many(
                [{"email": e, "reason": "manual"} for e in emails[start : start + 1_000]]
            ).execute()
    return emails


def open_cursors(db: Any) -> int:
    """Server-side cursors open on the core's connection (none on SQLite)."""
    if not dialect.is_server():
        return 0
    return int(db.execute_sql("SELECT count(*) FROM pg_cursors").fetchone()[0])


def test_a_large_list_is_read_from_the_database_a_batch_at_a_time(db: Any) -> None:
    """On PostgreSQL the rows wait on the server in a cursor and come a batch at a time, so
    exporting a million rows keeps the program's memory flat (psycopg's ordinary cursor
    would load the whole result first); on SQLite the cursor steps through the file."""
    emails = fill(25_000)
    query = Suppression.select(Suppression.email).order_by(Suppression.email)
    rows = exports.raw_rows(query, batch=1_000)
    assert next(rows) == (emails[0],)
    assert open_cursors(db) == (1 if dialect.is_server() else 0)
    assert [email for (email,) in rows] == emails[1:]
    assert open_cursors(db) == 0 and not db.in_transaction()


def test_an_export_stopped_early_leaves_nothing_open(db: Any, tmp_path: Path) -> None:
    emails = fill(3_000)
    rows = exports.raw_rows(Suppression.select(Suppression.email), batch=100)
    assert len([next(rows) for _ in range(150)]) == 150
    rows.close()
    assert open_cursors(db) == 0 and not db.in_transaction()
    Suppression.create(email="after@x.dk", reason="manual")  # the list is writable as before
    assert exports.export_suppressions(tmp_path / "all.csv") == len(emails) + 1


def test_an_export_inside_a_transaction_reads_in_it_and_leaves_it_open(db: Any) -> None:
    fill(50)
    with writes.write_transaction():
        Suppression.create(email="new@x.dk", reason="manual")  # not committed yet
        rows = list(exports.raw_rows(Suppression.select(Suppression.email), batch=7))
        assert ("new@x.dk",) in rows and len(rows) == 51
        assert db.in_transaction()
        Suppression.create(email="newer@x.dk", reason="manual")
    assert Suppression.select().count() == 52


def test_an_export_is_one_moment_of_the_list_while_another_program_writes(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    emails = fill(5_000)
    rows = exports.raw_rows(
        Suppression.select(Suppression.email).order_by(Suppression.email), batch=500
    )
    assert next(rows) == (emails[0],)
    if is_server(db_path):
        import psycopg

        with psycopg.connect(str(db_path)) as other:
            other.execute(
                "INSERT INTO suppression (email, scope_id, reason, created_at, note) "
                "VALUES ('zz@x.dk', 0, 'manual', '2025-01-01T00:00:00Z', '')"
            )
    else:
        with closing(sqlite3.connect(db_path, timeout=10)) as other, other:
            other.execute(
                "INSERT INTO suppression (email, scope_id, reason, created_at, note) "
                "VALUES ('zz@x.dk', 0, 'manual', '2025-01-01T00:00:00Z', '')"
            )
    assert [email for (email,) in rows] == emails[1:]  # the row written meanwhile is not in it
    assert outside_rows(db_path, "SELECT count(*) FROM suppression") == [(5_001,)]
    out = tmp_path / "later.csv"
    assert exports.export_suppressions(out) == 5_001
    assert read_csv(out)[-1][0] == "zz@x.dk"


def test_the_errors_file_of_a_large_import_is_read_a_batch_at_a_time(
    db: Any, tmp_path: Path
) -> None:
    bad = [f"nope{n}@" for n in range(12_000)]
    run = optout(tmp_path / "bad.csv", ["ok@x.dk", *bad])
    out = tmp_path / "errors.csv"
    assert exports.export_refused_rows(run.id, out) == len(bad)
    rows = read_csv(out)
    assert [r[:2] for r in rows[1:]] == [[str(n + 3), v] for n, v in enumerate(bad)]
    assert open_cursors(db) == 0 and not db.in_transaction()


def test_too_many_rows_for_excel_are_refused_and_leave_nothing_open(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(30)
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 20)
    with pytest.raises(OptOutError, match="More than 20 suppressions.*\\.csv instead"):
        exports.export_suppressions(tmp_path / "big.xlsx")
    assert not list(tmp_path.glob("*big*")) and not list(tmp_path.glob(".*"))
    assert open_cursors(db) == 0 and not db.in_transaction()
    assert exports.export_suppressions(tmp_path / "big.csv") == 30


# ---- for people: the window's language, local dates, and what the count means ------------


DANISH = {
    "Business unit": "Forretningsenhed",
    "Why": "Hvorfor",
    "Source": "Kilde",
    "Opted out": "Afmeldt",
    "Suppression list": "Spærreliste",
    "Whole account": "Hele kontoen",
    "Added by hand": "Tilføjet manuelt",
    "Opt-out import": "Import af fravalg",
    "{reason} (the whole domain)": "{reason} (hele domænet)",
}


def to_danish(message: str) -> str:
    """A stand-in for the window's translation: the templates above, filled as t() filled."""
    if message.startswith("Import #"):
        return message.replace("Import #", "Import nr. ")
    if message.endswith(" (the whole domain)"):
        return to_danish(message.removesuffix(" (the whole domain)")) + " (hele domænet)"
    return DANISH.get(message, message)


@pytest.fixture
def for_people(db: Any, tmp_path: Path) -> dict[str, Any]:
    """Two addresses (one also for a business unit) and a whole domain, by hand and imported."""
    from optout_desktop.core.optouts import by_hand, domains

    unit = business_units.add_unit("Butik")
    run = optout(tmp_path / "liste.csv", ["jens@firma.dk"])
    by_hand.add_manual("jens@firma.dk", unit.id)
    by_hand.add_manual("åse@blåbær.dk", models.ACCOUNT)
    domains.add_domain("@konkurrent.dk")
    return {"unit": unit, "run": run}


def test_a_workbook_for_people_speaks_their_language_with_real_dates(
    for_people: dict[str, Any], tmp_path: Path
) -> None:
    import datetime as dt

    import openpyxl

    out = tmp_path / "liste.xlsx"
    people = exports.ForPeople(to_danish, "dd-mm-yyyy hh:mm")
    done = exports.export_list(out, people=people)
    assert (done.rows, done.addresses, done.domains) == (4, 2, 1)  # jens twice: two scopes
    workbook = openpyxl.load_workbook(out)
    sheet = workbook.worksheets[0]
    assert sheet.title == "Spærreliste"
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Email", "Forretningsenhed", "Hvorfor", "Kilde", "Afmeldt"]
    by_address = {(r[0], r[1]): r for r in rows[1:]}
    jens = by_address[("jens@firma.dk", "Hele kontoen")]
    assert jens[2:4] == ["Import af fravalg", f"Import nr. {for_people['run'].id}: liste.csv"]
    assert by_address[("jens@firma.dk", "Butik")][2:4] == ["Tilføjet manuelt", None]
    assert by_address[("åse@blåbær.dk", "Hele kontoen")][0] == "åse@blåbær.dk"  # as stored
    assert by_address[("@konkurrent.dk", "Hele kontoen")][2] == "Tilføjet manuelt (hele domænet)"
    stored = Suppression.get(Suppression.email == "åse@blåbær.dk").created_at
    utc = dt.datetime.strptime(stored, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    date = by_address[("åse@blåbær.dk", "Hele kontoen")][4]
    assert isinstance(date, dt.datetime)  # a date cell, not text
    assert date == utc.astimezone().replace(tzinfo=None)  # in this computer's time
    assert sheet["E2"].number_format == "dd-mm-yyyy hh:mm"
    assert sheet.column_dimensions["A"].width > 20 and sheet.freeze_panes == "A2"
    workbook.close()


def test_a_csv_for_excel_in_danish_settings_is_separated_by_semicolons(
    for_people: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "liste.csv"
    exports.export_list(out, people=exports.ForPeople(to_danish), delimiter=";")
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == "Email;Forretningsenhed;Hvorfor;Kilde;Afmeldt"
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert ["'@konkurrent.dk", "Hele kontoen", "Tilføjet manuelt (hele domænet)", ""] == rows[1][:4]
    assert all(len(row) == 5 for row in rows)
    assert all(not row[4][:1].isalpha() and "T" not in row[4] for row in rows[1:])  # local time


def test_the_export_for_tools_stays_as_the_command_line_writes_it(
    for_people: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "tools.csv"
    done = exports.export_list(out)
    assert (done.rows, done.addresses, done.domains) == (4, 2, 1)
    rows = read_csv(out)
    assert rows[0] == exports.HEADERS
    expected = [neutral(row) for row in expected_rows()]
    assert rows[1:] == [[exports.neutralise(r[0]), *r[1:]] for r in expected]  # '@konkurrent.dk


def test_the_errors_file_can_be_separated_by_semicolons(db: Any, tmp_path: Path) -> None:
    run = optout(tmp_path / "f.csv", ["ok@x.dk", "not an address", "a;b"])
    out = tmp_path / "errors.csv"
    assert exports.export_refused_rows(run.id, out, delimiter=";") == 2
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "Row;Value;Reason" and lines[2].startswith('4;"a;b";')
