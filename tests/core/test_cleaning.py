"""Cleaning a mailing list: every format copied back byte for byte, every reason and the scope,
refusals, counts that add up, the suppression list unchanged, and the history record."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db import opening, postgres
from optout_desktop.core.db.models import ACCOUNT, CleaningRun, Suppression
from optout_desktop.core.errors import Cancelled, OptOutError, SourceError
from optout_desktop.core.optouts import by_hand, cleaning, domains, history, imports, matching
from optout_desktop.core.reading import raw_rows, verdict_process
from optout_desktop.core.reading.columns import guess_email_column
from optout_desktop.core.reading.sources import TableSource, open_source
from optout_desktop.core.rules import business_units
from tests.helpers import is_server, outside_rows, table_counts, write_rows

# The mailing list every format carries: (name, email cell, city), and each row's fate for the
# whole account and for the business unit "Brand B" (see `suppressions`).
ROWS = [
    ("Anna Ærø", "anna@kunde.dk", "Århus"),
    ("Konto", "ACCOUNT@firma.dk", "Odense"),
    ("Gone", "gone@firma.dk", "Køge"),
    ("Bounce", "bounce@firma.dk", "Vejle"),
    ("Spam", "Spam <spam@firma.dk>", "Ribe"),
    ("Unit", "unit@firma.dk", "Skive"),
    ("Comp", "x@competitor.dk", "Hald"),
    ("Rival", "y@sales.rival.dk", "Bogø"),
    ("Double", "double@firma.dk", "Sorø"),
    ("Kunde", "kunde@firma.dk", "Nyborg"),
    ("Ven", "ven@firma.dk", "Ærøskøbing"),
    ("Blank", "", "Tønder"),
    ("Bad", "not an address", "Løgstør"),
    ("Again", " Anna@Kunde.DK ", "Århus"),
    ("Last", "last@kunde.dk", "Ølstykke"),
]
ACCOUNT_FATES = [
    ("kept", None),
    ("suppressed", "account"),
    ("suppressed", "unsubscribed"),
    ("suppressed", "bounced"),
    ("suppressed", "spam"),
    ("kept", None),
    ("suppressed", "domain"),
    ("kept", None),
    ("suppressed", "account"),
    ("suppressed", "unsubscribed"),
    ("kept", None),
    ("blank", None),
    ("invalid", None),
    ("repeat", None),
    ("kept", None),
]
UNIT_FATES = [
    *ACCOUNT_FATES[:5],
    ("suppressed", "business_unit"),
    ("suppressed", "domain"),
    ("suppressed", "domain"),  # *.rival.dk is Brand B's
    ("suppressed", "bounced"),  # Brand B's bounce outranks the account's import
    *ACCOUNT_FATES[9:],
]


def suppressions(tmp_path: Path) -> int:
    """Every kind of opt-out, made the way the app makes them; returns Brand B's scope."""
    brand_b = business_units.add_unit("Brand B").id
    brand_c = business_units.add_unit("Brand C").id
    listed = write_rows(
        tmp_path / "optouts.csv", ["email"], [["account@firma.dk"], ["double@firma.dk"]]
    )
    imports.import_optouts(open_source(listed), "email", 2)
    by_hand.add_manual("gone@firma.dk", ACCOUNT, by_hand.UNSUBSCRIBED)
    Suppression.create(email="bounce@firma.dk", reason="bounced")
    Suppression.create(email="spam@firma.dk", reason="spam")
    Suppression.create(email="double@firma.dk", scope_id=brand_b, reason="bounced")
    by_hand.add_manual("unit@firma.dk", brand_b)
    by_hand.add_manual("anna@kunde.dk", brand_c)  # another unit's: never applies here
    domains.add_domain("@competitor.dk")
    domains.add_domain("*.rival.dk", brand_b)
    people = write_rows(
        tmp_path / "contacts.csv", ["email"], [["kunde@firma.dk"], ["ven@firma.dk"]]
    )
    contact_import.import_contacts(open_source(people), "email")
    by_hand.add_manual("kunde@firma.dk", ACCOUNT, by_hand.UNSUBSCRIBED)  # a contact who left
    return int(brand_b)


@dataclass(frozen=True)
class Format:
    """How a sending tool writes a list: characters, byte-order mark, separator, line ends."""

    name: str
    suffix: str
    encoding: str
    bom: bytes
    delimiter: str
    newline: str
    header: tuple[str, str, str]
    quote_all: bool = False
    final_newline: bool = True


FORMATS = [
    Format("danish-excel", ".csv", "cp1252", b"", ";", "\r\n", ("Navn", "E-mail", "By")),
    Format("utf8-bom", ".csv", "utf-8", codecs.BOM_UTF8, ",", "\n", ("Name", "Email", "City")),
    Format("utf8", ".csv", "utf-8", b"", ",", "\r\n", ("Name", "Email", "City")),
    Format("unicode-text", ".txt", "utf-16-le", codecs.BOM_UTF16_LE, "\t", "\r\n", ("N", "E", "C")),
    Format(
        "mailchimp",
        ".csv",
        "utf-8",
        b"",
        ",",
        "\n",
        ("First Name", "Email Address", "TAGS"),
        quote_all=True,
    ),
    Format(
        "hubspot",
        ".csv",
        "utf-8",
        codecs.BOM_UTF8,
        ",",
        "\r\n",
        ("First Name", "Email", "Company Name"),
    ),
    Format(
        "no-final-newline",
        ".csv",
        "utf-8",
        b"",
        ";",
        "\n",
        ("Navn", "Mail", "By"),
        final_newline=False,
    ),
]
QUOTED_CITY = {  # cells with the separator, quotes and line breaks inside (row: city)
    0: 'Vej "1", 2. sal\r\n8000 Århus C',
    3: "a;b\tc\nd",
    14: '""',
}


def record(cells: Sequence[str], form: Format) -> str:
    def cell(text: str) -> str:
        special = any(ch in text for ch in (form.delimiter, '"', "\r", "\n"))
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if form.quote_all or special else text

    return form.delimiter.join(map(cell, cells)) + form.newline


def list_file(path: Path, form: Format, quoted: bool = False) -> tuple[Path, list[bytes]]:
    """The mailing list in the format; returns the path and each record's bytes (header
    first, the byte-order mark apart)."""
    records = [record(form.header, form)]
    for number, (name, email, city) in enumerate(ROWS):
        if quoted and number in QUOTED_CITY:
            city = QUOTED_CITY[number]
        records.append(record((name, email, city), form))
    if not form.final_newline:
        records[-1] = records[-1].rstrip("\r\n")
    encoded = [text.encode(form.encoding) for text in records]
    path.write_bytes(form.bom + b"".join(encoded))
    return path, encoded


def fates(result: cleaning.Cleaning) -> list[tuple[str, str | None]]:
    found = []
    for index in range(result.counts.rows):
        fate = result.fate_at(index)
        found.append((fate.kind, fate.reason if fate.kind == cleaning.SUPPRESSED else None))
    return found


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def list_rows(target: Any) -> list[tuple[Any, ...]]:
    """The suppression list and the contacts as another program reads them."""
    return [
        *outside_rows(target, "SELECT email, scope_id, reason, created_at FROM suppression"),
        *outside_rows(target, "SELECT email, first_name, created_at FROM contact"),
    ]


# --- formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMATS, ids=[form.name for form in FORMATS])
@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted-cells"])
def test_each_format_keeps_its_bytes(
    brand_b: int, folder: Path, form: Format, quoted: bool
) -> None:
    """The cleaned file is the header and the kept rows, each the very bytes it was."""
    path, records = list_file(folder / f"list{form.suffix}", form, quoted)
    source = open_source(path)
    guess = guess_email_column(source.headers, source.preview)
    assert guess is not None and guess.index == 1
    done, saved, removed = cleaning.clean_file(source, 1, folder / f"clean{form.suffix}")
    kept = [records[0]] + [
        records[1 + n] for n, fate in enumerate(ACCOUNT_FATES) if fate[0] == "kept"
    ]
    assert saved.path.read_bytes() == form.bom + b"".join(kept)
    assert saved.rows == done.counts.kept == 5 and removed is None
    assert fates(done) == ACCOUNT_FATES
    again = open_source(saved.path)
    assert (again.encoding, again.delimiter, again.headers) == (
        source.encoding,
        source.delimiter,
        source.headers,
    )
    assert files_in(folder) == {path.name, saved.path.name}


def test_the_same_list_in_a_workbook_gives_a_workbook(brand_b: int, folder: Path) -> None:
    path = folder / "list.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Kunder")
    sheet.write_row(0, 0, ["Navn", "E-mail", "By", "Telefon"])
    for number, row in enumerate(ROWS, start=1):
        sheet.write_row(number, 0, row)
        sheet.write_number(number, 3, 4512345600 + number)
    book.close()
    done, saved, _ = cleaning.clean_file(open_source(path), "E-mail", folder / "clean.xlsx")
    assert fates(done) == ACCOUNT_FATES
    workbook = openpyxl.load_workbook(saved.path)
    assert workbook.sheetnames == ["Kunder"]
    cells = [list(row) for row in workbook["Kunder"].iter_rows()]
    assert [[cell.value for cell in row] for row in cells] == [
        ["Navn", "E-mail", "By", "Telefon"],
        *(
            [*ROWS[n], str(4512345601 + n)]
            for n, fate in enumerate(ACCOUNT_FATES)
            if fate[0] == "kept"
        ),
    ]
    assert {cell.data_type for row in cells for cell in row} == {"s"}  # every cell text


def test_a_csv_file_can_be_saved_as_a_workbook_and_a_sheet_as_csv(
    brand_b: int, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0], quoted=True)
    done, saved, _ = cleaning.clean_file(open_source(path), "E-mail", folder / "clean.xlsx")
    sheet = openpyxl.load_workbook(saved.path)["list"]
    # (a carriage return is stored as _x000D_, which Excel reads back as one; openpyxl not)
    values = [[cell.value.replace("_x000D_", "\r") for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Navn", "E-mail", "By"]
    assert values[1] == [ROWS[0][0], ROWS[0][1], QUOTED_CITY[0]]
    assert len(values) == 1 + done.counts.kept
    back, _, _ = cleaning.clean_file(open_source(saved.path), "E-mail", folder / "again.csv")
    assert back.counts.kept == done.counts.kept
    text = (folder / "again.csv").read_bytes()
    assert text.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(text[3:].decode("utf-8"), newline="")))
    assert rows == values


# --- reasons, scope, counts -------------------------------------------------------------------


def test_every_reason_in_the_whole_account_and_in_a_business_unit(
    brand_b: int, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    source = open_source(path)
    account = cleaning.count_cleaning(source, "E-mail")
    unit = cleaning.count_cleaning(source, "E-mail", brand_b)
    assert fates(account) == ACCOUNT_FATES and fates(unit) == UNIT_FATES
    assert account.counts.as_dict() == {
        "rows": 15,
        "kept": 5,
        "suppressed": 7,
        "invalid": 1,
        "blank": 1,
        "duplicates": 1,
        "suppressed_by": {
            "unsubscribed": 2,
            "spam": 1,
            "bounced": 1,
            "account": 2,
            "business_unit": 0,
            "domain": 1,
        },
    }
    assert unit.counts.suppressed_by == {
        "unsubscribed": 2,
        "spam": 1,
        "bounced": 2,
        "account": 1,
        "business_unit": 1,
        "domain": 2,
    }
    assert (unit.counts.kept, unit.business_unit, account.business_unit) == (
        3,
        "Brand B",
        "Whole account",
    )
    for result in (account, unit):
        counts = result.counts
        assert sum(counts.suppressed_by.values()) == counts.suppressed
        total = counts.kept + counts.suppressed + counts.invalid + counts.blank
        assert total + counts.duplicates == counts.rows


def test_each_row_says_its_fate_for_a_preview(brand_b: int, folder: Path) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    result = cleaning.count_cleaning(open_source(path), "E-mail", brand_b)
    words = [cleaning.fate_text(result.fate(row)) for row in range(2, 17)]
    assert words[0] == "May be emailed."
    assert words[1] == "Suppressed: opted out for the whole account."
    assert words[2] == "Suppressed: the person unsubscribed."
    assert words[3] == "Suppressed: bounced."
    assert words[4] == "Suppressed: spam report."
    assert words[5] == "Suppressed: opted out for this business unit."
    assert words[6] == "Suppressed: the whole domain is opted out."
    assert words[11] == "The cell is blank."
    assert words[12].startswith("Invalid: ") and "@" in words[12]
    assert words[13] == "Repeats the address in row 2."
    assert result.fate(15) == cleaning.Fate(15, "repeat", first_row=2)
    assert list(result.left_out()) == [n for n, fate in enumerate(UNIT_FATES) if fate[0] != "kept"]
    assert cleaning.fate_text(result.fate(2), str.upper) == "MAY BE EMAILED."
    with pytest.raises(IndexError):
        result.fate(17)


def test_the_left_out_rows_with_their_row_numbers_and_reasons(brand_b: int, folder: Path) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0], quoted=True)
    rows = [*ROWS]
    path.write_bytes(path.read_bytes() + "Formula;=cmd|' /C calc'!A0;-2\r\n".encode("cp1252"))
    rows.append(("Formula", "=cmd|' /C calc'!A0", "-2"))
    result = cleaning.count_cleaning(open_source(path), "E-mail")
    written = cleaning.save_left_out(result, folder / "left.csv", lambda text: f"<{text}>")
    raw = (folder / "left.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    table = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert table[0] == ["<Row>", "<Reason>", "Navn", "E-mail", "By"]
    fates_now = [*ACCOUNT_FATES, ("invalid", None)]
    left = [n for n, fate in enumerate(fates_now) if fate[0] != "kept"]
    assert written == len(left) == len(table) - 1
    assert [int(line[0]) for line in table[1:]] == [2 + n for n in left]
    assert table[1][1] == "<Suppressed: opted out for the whole account.>"
    assert table[3][1] == "<Suppressed: bounced.>"  # row 5: the bounce, a city with ; inside
    assert table[3][4] == QUOTED_CITY[3]
    assert table[-1][2:] == ["Formula", "'=cmd|' /C calc'!A0", "'-2"]  # made inert


def test_the_suppression_list_is_not_changed_and_the_cleaning_is_recorded(
    brand_b: int, db_path: Any, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    before_rows, before_counts = list_rows(db_path), table_counts(db_path)
    result, saved, _ = cleaning.clean_file(
        open_source(path), "E-mail", folder / "clean.csv", brand_b, folder / "left.csv"
    )
    assert list_rows(db_path) == before_rows
    assert table_counts(db_path) == {**before_counts, "cleaning_run": 1}
    assert saved.history_id is not None and saved.history_note == ""
    run = CleaningRun.get_by_id(saved.history_id)
    assert (run.file_name, run.file_sha256, run.column, run.saved_as, run.user_name) == (
        "list.csv",
        hashlib.sha256(path.read_bytes()).hexdigest(),
        "E-mail",
        "clean.csv",
        user_name(),
    )
    assert (run.scope_id, run.rows, run.kept, run.suppressed, run.invalid) == (brand_b, 15, 3, 9, 1)
    assert (run.blank, run.duplicates, run.suppressed_domain, run.suppressed_bounced) == (
        1,
        1,
        2,
        2,
    )
    listed = history.history()[0]
    assert listed["kind"] == history.CLEANED and listed["id"] == saved.history_id
    assert listed["business_unit"] == "Brand B" and listed["file_sha256"] == result.checksum
    assert listed["kept"] == 3 and listed["suppressed_by"] == result.counts.suppressed_by
    assert listed["started_at"] == run.cleaned_at and not listed["undoable"]
    assert listed["user_name"] == user_name()
    assert "clean.csv" in listed["message"]
    # the imports are still listed, after it (it is the newest)
    kinds = [entry["kind"] for entry in history.history()][1:]
    assert [kind for kind in kinds if kind in ("contacts", "optouts")] == ["contacts", "optouts"]


# --- refusals ---------------------------------------------------------------------------------


def test_refusals_write_nothing(brand_b: int, folder: Path) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    (folder / "taken.csv").write_text("someone's file")
    (folder / "empty.csv").write_bytes(b"")
    no_addresses = write_rows(folder / "names.csv", ["Name", "Email"], [["A", "x"], ["B", ""]])
    before = files_in(folder)
    source = open_source(path)
    attempts: list[tuple[Any, str]] = [
        (lambda: cleaning.clean_file(source, 1, folder / "taken.csv"), "exists already"),
        (lambda: cleaning.clean_file(source, 1, path), "is the list being cleaned"),
        (lambda: cleaning.clean_file(source, 1, folder / "x" / ".." / "list.csv"), "is the list"),
        (lambda: cleaning.clean_file(source, 1, folder / "clean.ods"), ".csv, .txt or .xlsx"),
        (lambda: cleaning.clean_file(source, 1, folder / "no" / "c.csv"), "folder does not"),
        (
            lambda: cleaning.clean_file(source, 1, folder / "c.csv", ACCOUNT, folder / "c.csv"),
            "a file each",
        ),
        (
            lambda: cleaning.clean_file(source, 1, folder / "c.csv", ACCOUNT, folder / "l.xlsx"),
            "left-out rows as .csv",
        ),
        (lambda: cleaning.clean_file(source, "Phone", folder / "c.csv"), "no column"),
        (lambda: open_source(folder / "empty.csv"), "is empty"),
        (
            lambda: cleaning.clean_file(open_source(no_addresses), 1, folder / "c.csv"),
            "holds no valid email address",
        ),
        (
            lambda: cleaning.count_cleaning(open_source(no_addresses), "Email"),
            "holds no valid email address",
        ),
    ]
    for attempt, words in attempts:
        with pytest.raises(OptOutError) as caught:
            attempt()
        message = str(caught.value)
        assert words in message and "\n" not in message
        assert files_in(folder) == before, words
    assert (folder / "taken.csv").read_text() == "someone's file"


def test_a_cancel_or_a_changed_file_saves_nothing(
    brand_b: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(raw_rows, "BLOCK_BYTES", 64)  # many blocks
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    before = files_in(folder)
    stop = threading.Event()

    def progress(step: Any) -> None:
        if step.done >= 4:
            stop.set()

    with pytest.raises(Cancelled):
        cleaning.clean_file(open_source(path), 1, folder / "c.csv", progress=progress, cancel=stop)
    assert files_in(folder) == before
    result = cleaning.count_cleaning(open_source(path), 1)
    with path.open("ab") as handle:
        handle.write(b"Ny;ny@kunde.dk;Vejle\r\n")
    for save in (
        lambda: cleaning.save_cleaned(result, folder / "c.csv"),
        lambda: cleaning.save_left_out(result, folder / "l.csv"),
    ):
        with pytest.raises(SourceError, match="changed since it was read"):
            save()
        assert files_in(folder) == before
    assert CleaningRun.select().count() == 0


def test_counting_then_saving_as_the_window_does(brand_b: int, folder: Path) -> None:
    """Count first (a preview), then save the cleaned file, then the left-out rows: the same
    files as the command line's one reading."""
    path, records = list_file(folder / "list.csv", FORMATS[1], quoted=True)
    source = open_source(path)
    result = cleaning.count_cleaning(source, "Email", brand_b)
    assert CleaningRun.select().count() == 0  # counting records nothing
    saved = cleaning.save_cleaned(result, folder / "a.csv")
    cleaning.save_left_out(result, folder / "a-left.csv")
    cleaning.clean_file(source, "Email", folder / "b.csv", brand_b, folder / "b-left.csv")
    assert saved.path.read_bytes() == (folder / "b.csv").read_bytes()
    assert (folder / "a-left.csv").read_bytes() == (folder / "b-left.csv").read_bytes()
    kept = [records[0]] + [records[1 + n] for n, fate in enumerate(UNIT_FATES) if fate[0] == "kept"]
    assert saved.path.read_bytes() == codecs.BOM_UTF8 + b"".join(kept)
    assert [run.saved_as for run in CleaningRun.select().order_by(CleaningRun.id)] == [
        "a.csv",
        "b.csv",
    ]


def test_a_helper_process_gives_the_same_fates(
    brand_b: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file's cells are cleaned on a second core: small blocks and no size limit here,
    so the helper process works through many of them, repeats across blocks included."""
    monkeypatch.setattr(raw_rows, "BLOCK_BYTES", 256)
    path, _ = list_file(folder / "list.csv", FORMATS[6], quoted=True)
    with path.open("ab") as handle:
        handle.write(
            b"\n" + b"".join(b"N;anna@kunde.dk;X\nM;n%d@kunde.dk;Y\n" % n for n in range(300))
        )
    here, saved_here, _ = cleaning.clean_file(
        open_source(path), 1, folder / "here.csv", second_core=False
    )
    monkeypatch.setattr(cleaning, "PARALLEL_BYTES", 0)
    used_helper: list[bool] = []
    receive = verdict_process.Verdicts._receive

    def spy(self: verdict_process.Verdicts, block: bool) -> None:
        used_helper.append(True)
        receive(self, block)

    monkeypatch.setattr(verdict_process.Verdicts, "_receive", spy)
    may_hand_over = verdict_process.Verdicts._may_hand_over

    def patiently(self: verdict_process.Verdicts) -> bool:
        """Wait for the helper to start (after two blocks done here), so it surely takes over."""
        if self.here >= 2 and not self.ready_seen:
            self.ready_seen = self.outbox.get(timeout=60) == "ready"
        return may_hand_over(self)

    monkeypatch.setattr(verdict_process.Verdicts, "_may_hand_over", patiently)
    there, saved_there, _ = cleaning.clean_file(
        open_source(path), 1, folder / "there.csv", second_core=True
    )
    assert fates(there) == fates(here)
    assert there.repeats == here.repeats and there.counts == here.counts
    assert here.counts.duplicates == 301 and set(here.repeats.values()) == {2}
    assert used_helper, "the helper process was not used"
    assert saved_here.path.read_bytes() == saved_there.path.read_bytes()


# --- a database that cannot be written, or is busy ---------------------------------------------


def make_read_only(target: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """As test_faults does: SQLite's query_only (root ignores file modes); a server whose
    transactions are read-only, as for a login that may only read."""
    if is_server(target):
        import psycopg

        name = str(target).rsplit("/", 1)[-1]
        with psycopg.connect(str(target), autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    else:
        monkeypatch.setitem(opening.PRAGMAS, "query_only", 1)


def test_a_read_only_list_still_cleans_and_says_the_record_was_not_kept(
    brand_b: int, db: Any, db_path: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    db.close()
    make_read_only(db_path, monkeypatch)
    database = opening.open_database(db_path)
    try:
        result, saved, _ = cleaning.clean_file(open_source(path), 1, folder / "c.csv", brand_b)
        assert saved.path.exists() and saved.rows == 3 and result.counts.kept == 3
        assert saved.history_id is None
        assert "could not be kept in the history" in saved.history_note
        assert "read-only" in saved.history_note and "\n" not in saved.history_note
        assert CleaningRun.select().count() == 0
    finally:
        database.close()


@contextmanager
def another_programs_write(target: Any) -> Iterator[None]:
    """A colleague's import under way: it holds the write lock until it ends."""
    if is_server(target):
        import psycopg

        with psycopg.connect(str(target)) as other:
            other.execute("SELECT pg_advisory_xact_lock(%s)", (postgres.WRITE_LOCK_KEY,))
            yield
        return
    with closing(sqlite3.connect(target, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")


def test_cleaning_never_waits_for_a_colleagues_import(
    brand_b: int, db: Any, db_path: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading takes no write lock: with a colleague's write holding it (and a lock timeout
    that would otherwise give up), the list is counted and saved; only its record waits, and
    when it gives up the file stays saved and the result says so."""
    monkeypatch.setenv("OPTOUT_LOCK_TIMEOUT_MS", "300")
    db.close()
    opening.open_database(db_path)  # (SQLite's wait for the lock is set at the opening)
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    with another_programs_write(db_path):
        result = cleaning.count_cleaning(open_source(path), 1, brand_b)
        assert fates(result) == UNIT_FATES
        _, saved, _ = cleaning.clean_file(open_source(path), 1, folder / "c.csv", brand_b)
    assert saved.path.exists() and saved.history_id is None
    assert "another window or program" in saved.history_note
    _, saved, _ = cleaning.clean_file(open_source(path), 1, folder / "d.csv", brand_b)
    assert saved.history_id is not None  # the lock is free again: recorded


# --- the rows are cut as the csv module cuts them ----------------------------------------------

CELL_TEXT = st.text(alphabet='ab é,;"\r\n\t', max_size=60)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=CELL_TEXT, block=st.integers(1, 40), index=st.integers(0, 2))
def test_rows_are_cut_exactly_where_the_csv_module_cuts_them(
    tmp_path: Path, text: str, block: int, index: int
) -> None:
    """Any text, even malformed (a quote never closed, quotes inside a cell, lone carriage
    returns), in blocks of any size: the rows' bytes are the file, row for row as the csv
    module reads it, and each row's cell is the csv module's."""
    for encoding, bom in (("utf-8", b""), ("utf-16", codecs.BOM_UTF16_LE), ("cp1252", b"")):
        for delimiter in (";", ","):
            path = tmp_path / "any.csv"
            body = text.encode("utf-16-le" if encoding == "utf-16" else encoding)
            path.write_bytes(bom + body)
            with path.open(encoding=encoding, newline="") as handle:
                rows = list(csv.reader(handle, delimiter=delimiter, strict=False))
            source = TableSource(
                path, "csv", [], [], False, path.stat().st_size, encoding, delimiter
            )
            raw = raw_rows.RawRows(source, index, block)
            blocks = list(raw.blocks())
            records = [record for found in blocks for record in found.records]
            cells = [cell for found in blocks for cell in found.cells]
            assert raw.bom + b"".join(records) == bom + body
            assert len(records) == len(rows)
            assert cells == [row[index] if index < len(row) else "" for row in rows]
            assert raw.exact and raw.sha256 == hashlib.sha256(bom + body).hexdigest()
            assert raw.rows_of(records) == rows


def test_a_file_that_cannot_be_written_back_exactly_is_refused_as_csv(
    brand_b: int, folder: Path
) -> None:
    """UTF-16 with a lone byte at its end cannot be read exactly: its rows are not copied as
    CSV (a workbook still can be made)."""
    form = FORMATS[3]
    path, _ = list_file(folder / "list.txt", form)
    path.write_bytes(path.read_bytes() + b"\x00")
    source = open_source(path)
    before = files_in(folder)
    with pytest.raises(SourceError, match="save the cleaned list as .xlsx"):
        cleaning.clean_file(source, 1, folder / "c.txt")
    assert files_in(folder) == before
    _, saved, _ = cleaning.clean_file(source, 1, folder / "c.xlsx")
    assert saved.rows == 5


def test_an_existing_name_taken_while_cleaning_is_not_overwritten(
    brand_b: int, folder: Path
) -> None:
    path, _ = list_file(folder / "list.csv", FORMATS[0])
    target = folder / "c.csv"

    def meanwhile(step: Any) -> None:
        if not target.exists():
            target.write_text("a colleague's file")

    with pytest.raises(OptOutError, match="appeared while the list was being cleaned"):
        cleaning.clean_file(open_source(path), 1, target, progress=meanwhile)
    assert target.read_text() == "a colleague's file"
    assert not [name for name in files_in(folder) if name.endswith(".partial")]
    assert os.path.getsize(path) > 0


def test_the_look_up_without_json_functions_gives_the_same_answer(brand_b: int) -> None:
    """Where SQLite lacks its JSON functions, addresses are looked up by IN lists instead."""
    addresses = [f"n{n}@kunde.dk" for n in range(3000)] + [
        "account@firma.dk",
        "gone@firma.dk",
        "bounce@firma.dk",
        "spam@firma.dk",
        "unit@firma.dk",
        "double@firma.dk",
        "anna@kunde.dk",
    ]
    for scope in (ACCOUNT, brand_b):
        lookups = matching.Matcher(scope).lookups
        found = lookups.ranks(addresses)
        assert found == lookups._in_lists(addresses)
        by_reason = {matching.REASONS[rank] for rank in found.values()}
        assert len(found) == (5 if scope == ACCOUNT else 6) and "bounced" in by_reason
