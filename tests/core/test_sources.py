"""Files people bring, generated here: encodings, delimiters, workbooks, and hostile files."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from optout_desktop.core.errors import SourceError
from optout_desktop.core.reading.columns import guess_email_column
from optout_desktop.core.reading.sources import TableSource, open_source

# --- helpers --------------------------------------------------------------------------------


def write(folder: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def cells(
    source: TableSource, column: str | int = 0, chunk_rows: int = 50_000
) -> list[tuple[int, str]]:
    """Every cell of one column with its spreadsheet row number, read through the stream."""
    index = source.column_index(column)
    found: list[tuple[int, str]] = []
    for chunk in source.stream_column(index, chunk_rows=chunk_rows):
        found.extend((chunk.first_row + n, value) for n, value in enumerate(chunk.values))
    return found


def refused(path: Path, sheet: str | None = None) -> str:
    """The plain message a refused file gets: one line, no traceback, naming the file."""
    with pytest.raises(SourceError) as info:
        open_source(path, sheet=sheet)
    message = str(info.value)
    assert message.strip() == message and message
    assert "\n" not in message and "\r" not in message
    assert "Traceback" not in message
    assert path.name in message
    return message


def workbook(path: Path, sheets: dict[str, dict[str, object]]) -> Path:
    """An XLSX file, written by openpyxl: {sheet: {cell reference: value}}."""
    book = Workbook()
    book.remove(book.active)
    for name, values in sheets.items():
        sheet = book.create_sheet(name)
        for reference, value in values.items():
            sheet[reference] = value
    book.save(path)
    return path


def rows_sheet(rows: list[list[object]], top: int = 1, left: str = "A") -> dict[str, object]:
    """Cells for a block of rows whose top-left cell is at `left``top`."""
    first = ord(left) - ord("A")
    values: dict[str, object] = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                values[f"{chr(ord('A') + first + c)}{top + r}"] = value
    return values


# --- encodings ------------------------------------------------------------------------------

DANISH = (
    "E-mailadresse;Navn;By\r\n"
    "jens@firma.dk;Jens Ærø;Århus\r\n"
    "søren@blåbær.dk;Søren Øster;Brøndby\r\n"
    "åse@firma.dk;Åse Bæk;Næstved\r\n"
)


def test_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.csv", "email,name\njens@firma.dk,Jens Ærø\nole@firma.dk,Ole\n")
    source = open_source(path)
    assert source.kind == "csv"
    assert source.encoding == "utf-8"
    assert source.delimiter == ","
    assert source.headers == ["email", "name"]
    assert source.has_header
    assert source.preview == [["jens@firma.dk", "Jens Ærø"], ["ole@firma.dk", "Ole"]]
    assert cells(source) == [(2, "jens@firma.dk"), (3, "ole@firma.dk")]
    assert source.describe() == "plain.csv, UTF-8, comma, first row is the header"


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path, "bom.csv", codecs.BOM_UTF8 + "Email;Navn\njens@firma.dk;Søren\n".encode()
    )
    source = open_source(path)
    assert source.encoding == "utf-8-sig"
    assert source.headers == ["Email", "Navn"]  # no BOM glued to the first header
    assert source.column_index("email") == 0
    assert source.preview == [["jens@firma.dk", "Søren"]]
    assert "UTF-8 with BOM" in source.describe()


def test_danish_excel_windows_1252_semicolons_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "dansk.csv", DANISH, "cp1252")
    source = open_source(path)
    assert source.encoding == "cp1252"
    assert source.delimiter == ";"
    assert source.headers == ["E-mailadresse", "Navn", "By"]
    assert source.preview[0] == ["jens@firma.dk", "Jens Ærø", "Århus"]
    assert source.preview[1] == ["søren@blåbær.dk", "Søren Øster", "Brøndby"]
    assert cells(source, "E-mailadresse") == [
        (2, "jens@firma.dk"),
        (3, "søren@blåbær.dk"),
        (4, "åse@firma.dk"),
    ]
    assert source.describe() == "dansk.csv, Windows-1252, semicolon, first row is the header"


@pytest.mark.parametrize("encoding", ["cp1252", "iso8859_15", "latin_1"])
@pytest.mark.parametrize(
    "names",
    [
        ["Søren Østergård", "Åse Ærø"],
        ["Jürgen Müller", "François Dupont"],
        ["Straße", "Grüße"],
        ["Bæk"],
        ["Hans-Jørgen Frølich", "O'Brien"],
    ],
)
def test_western_legacy_encodings_decode_names_right(
    tmp_path: Path, encoding: str, names: list[str]
) -> None:
    text = "Navn;E-mail\r\n" + "".join(f"{n};u{i}@firma.dk\r\n" for i, n in enumerate(names))
    source = open_source(write(tmp_path, "legacy.csv", text, encoding))
    assert [row[0] for row in source.preview] == names


def test_windows_1252_punctuation(tmp_path: Path) -> None:
    names = ["O’Brien – “Bo”", "Søren…", "Jens • Ærø", "Pris 5 €"]
    text = "Navn;E-mail\r\n" + "".join(f"{n};u{i}@firma.dk\r\n" for i, n in enumerate(names))
    source = open_source(write(tmp_path, "punctuation.csv", text, "cp1252"))
    assert source.encoding == "cp1252"
    assert [row[0] for row in source.preview] == names


def test_utf8_letters_after_a_megabyte_of_ascii(tmp_path: Path) -> None:
    ascii_rows = "".join(f"user{i}@firma.dk,User {i}\n" for i in range(60_000))
    text = "email,name\n" + ascii_rows + "søren@blåbær.dk,Søren\n"
    source = open_source(write(tmp_path, "late-utf8.csv", text))
    assert source.encoding == "utf-8"
    assert cells(source)[-1] == (60_002, "søren@blåbær.dk")


def test_iso_8859_15_with_euro_sign(tmp_path: Path) -> None:
    text = "Navn;E-mail;Beløb\nSøren Ærø;soren@firma.dk;100 €\nÅse Øster;ase@firma.dk;5 €\n"
    source = open_source(write(tmp_path, "latin9.csv", text, "iso8859_15"))
    assert source.encoding == "iso8859_15"
    assert source.preview == [
        ["Søren Ærø", "soren@firma.dk", "100 €"],
        ["Åse Øster", "ase@firma.dk", "5 €"],
    ]
    assert "ISO-8859-15" in source.describe()


def test_dos_and_mac_code_pages_are_recognised(tmp_path: Path) -> None:
    text = (
        "Navn;E-mail\nSøren Østergård;s@firma.dk\nÅse Ærø Bæk;a@firma.dk\n"
        "Jürgen Müller;j@firma.de\n"
    )
    for encoding in ["cp850", "mac_roman"]:
        source = open_source(write(tmp_path, f"{encoding}.csv", text, encoding))
        assert source.preview[0][0] == "Søren Østergård", encoding
        assert source.preview[2][0] == "Jürgen Müller", encoding


def test_legacy_letters_after_a_megabyte_of_ascii(tmp_path: Path) -> None:
    ascii_rows = "".join(f"user{i}@firma.dk;User {i}\r\n" for i in range(60_000))
    assert len(ascii_rows) > 1 << 20
    text = "E-mail;Navn\r\n" + ascii_rows + "søren@firma.dk;Søren Ærø\r\n"
    source = open_source(write(tmp_path, "late.csv", text, "cp1252"))
    assert source.encoding == "cp1252"
    assert cells(source)[-1] == (60_002, "søren@firma.dk")


def test_utf16_le_with_bom_tab_delimited_unicode_text(tmp_path: Path) -> None:
    text = "E-mail\tNavn\tBy\r\njens@firma.dk\tJens Ærø\tÅrhus\r\nole@firma.dk\tOle\tOdense\r\n"
    path = write(tmp_path, "unicode.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    source = open_source(path)
    assert source.encoding == "utf-16"
    assert source.delimiter == "\t"
    assert source.headers == ["E-mail", "Navn", "By"]
    assert source.preview[0] == ["jens@firma.dk", "Jens Ærø", "Århus"]
    assert cells(source) == [(2, "jens@firma.dk"), (3, "ole@firma.dk")]
    assert source.describe() == "unicode.txt, UTF-16, tab, first row is the header"


def test_utf16_big_endian_and_without_bom(tmp_path: Path) -> None:
    text = "E-mail\tNavn\r\njens@firma.dk\tSøren\r\n"
    for name, data in [
        ("be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("le-no-bom.txt", text.encode("utf-16-le")),
        ("be-no-bom.txt", text.encode("utf-16-be")),
    ]:
        source = open_source(write(tmp_path, name, data))
        assert source.headers == ["E-mail", "Navn"], name
        assert source.preview == [["jens@firma.dk", "Søren"]], name


def test_utf32_with_bom_is_read(tmp_path: Path) -> None:
    text = "E-mail\tNavn\r\njens@firma.dk\tSøren\r\n"
    source = open_source(write(tmp_path, "utf32.txt", text.encode("utf-32")))
    assert source.encoding == "utf-32"
    assert source.preview == [["jens@firma.dk", "Søren"]]
    assert cells(source) == [(2, "jens@firma.dk")]


def test_utf32_without_bom_is_refused_plainly(tmp_path: Path) -> None:
    text = "E-mail\tNavn\r\njens@firma.dk\tSøren\r\n"
    message = refused(write(tmp_path, "utf32.txt", text.encode("utf-32-le")))
    assert "not" in message


def test_stray_invalid_utf8_byte_does_not_garble_the_rest(tmp_path: Path) -> None:
    names = ["Søren Ærø", "Åse Bæk", "Jørgen Øster", "Ærtebjerg", "Bo Bø"]
    text = "email,navn\n" + "".join(f"u{i}@firma.dk,{n}\n" for i, n in enumerate(names))
    data = text.encode("utf-8") + b"x@firma.dk,Bo \xff\n"
    source = open_source(write(tmp_path, "stray.csv", data))
    assert source.encoding == "utf-8"
    assert [row[1] for row in source.preview] == [*names, "Bo \ufffd"]


# --- delimiters, quoting, line ends ---------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "name"),
    [(",", "comma"), (";", "semicolon"), ("\t", "tab"), ("|", "vertical bar")],
)
def test_delimiters_are_found(tmp_path: Path, delimiter: str, name: str) -> None:
    rows = [["Email", "Name", "City"], ["jens@firma.dk", "Hansen, Jens", "Aarhus"]]
    rows += [[f"u{i}@firma.dk", f"User; {i}", "Odense"] for i in range(5)]
    text = "".join(
        delimiter.join(f'"{c}"' if ("," in c or ";" in c) and delimiter in ",;" else c for c in r)
        + "\n"
        for r in rows
    )
    source = open_source(write(tmp_path, "d.csv", text))
    assert source.delimiter == delimiter
    assert source.headers == ["Email", "Name", "City"]
    assert source.preview[0] == ["jens@firma.dk", "Hansen, Jens", "Aarhus"]
    assert name in source.describe()


def test_pipe_delimited(tmp_path: Path) -> None:
    text = "email|name|note\njens@firma.dk|Jens, Hansen|a; b\nole@firma.dk|Ole|\n"
    source = open_source(write(tmp_path, "pipe.txt", text))
    assert source.delimiter == "|"
    assert source.preview == [
        ["jens@firma.dk", "Jens, Hansen", "a; b"],
        ["ole@firma.dk", "Ole", ""],
    ]


def test_quoted_fields_with_delimiters_and_line_breaks_keep_row_numbers(tmp_path: Path) -> None:
    text = (
        "Navn;E-mail;Note\r\n"
        '"Hansen; Jens";jens@firma.dk;"two\r\nlines"\r\n'
        '"Ole ""Bo"" Olsen";ole@firma.dk;"three\nlines\nhere"\r\n'
        "Bo;bo@firma.dk;plain\r\n"
        '"Eva\r\n\r\nMadsen";eva@firma.dk;"a;b"\r\n'
        "Kim;kim@firma.dk;end\r\n"
    )
    source = open_source(write(tmp_path, "quoted.csv", text))
    assert source.delimiter == ";"
    assert source.preview[0] == ["Hansen; Jens", "jens@firma.dk", "two\r\nlines"]
    assert source.preview[1] == ['Ole "Bo" Olsen', "ole@firma.dk", "three\nlines\nhere"]
    assert cells(source, "E-mail") == [
        (2, "jens@firma.dk"),
        (3, "ole@firma.dk"),
        (4, "bo@firma.dk"),
        (5, "eva@firma.dk"),
        (6, "kim@firma.dk"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(tmp_path: Path, newline: str) -> None:
    text = newline.join(["email,name", "a@firma.dk,A", "b@firma.dk,B", ""])
    source = open_source(write(tmp_path, "lines.csv", text))
    assert source.headers == ["email", "name"]
    assert cells(source) == [(2, "a@firma.dk"), (3, "b@firma.dk")]


def test_mixed_line_ends(tmp_path: Path) -> None:
    source = open_source(
        write(tmp_path, "mixed.csv", "email\r\na@firma.dk\nb@firma.dk\r\nc@firma.dk")
    )
    assert cells(source) == [(2, "a@firma.dk"), (3, "b@firma.dk"), (4, "c@firma.dk")]


def test_leading_blank_lines_count_as_rows(tmp_path: Path) -> None:
    source = open_source(
        write(tmp_path, "lead.csv", "\n\r\n\nemail,name\na@firma.dk,A\nb@firma.dk,B\n")
    )
    assert source.headers == ["email", "name"]
    assert source.first_data_row == 5
    assert cells(source) == [(5, "a@firma.dk"), (6, "b@firma.dk")]


def test_many_leading_blank_lines(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "lead.csv", "\n" * 250 + "email\na@firma.dk\n"))
    assert source.headers == ["email"]
    assert cells(source) == [(252, "a@firma.dk")]


def test_blank_lines_among_data_keep_row_numbers(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "gaps.csv", "email\na@firma.dk\n\n\nb@firma.dk\n"))
    assert cells(source) == [(2, "a@firma.dk"), (3, ""), (4, ""), (5, "b@firma.dk")]


def test_no_header_row_first_row_is_data(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "bare.csv", "jens@firma.dk\nole@firma.dk\nbo@firma.dk\n"))
    assert not source.has_header
    assert source.headers == ["Column 1"]
    assert source.first_data_row == 1
    assert cells(source) == [(1, "jens@firma.dk"), (2, "ole@firma.dk"), (3, "bo@firma.dk")]
    assert "no header row" in source.describe()


def test_no_header_row_with_names(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "bare.csv", "Jens;JENS@FIRMA.DK\nOle;ole@firma.dk\n"))
    assert not source.has_header
    assert source.headers == ["Column 1", "Column 2"]
    assert cells(source, 1) == [(1, "JENS@FIRMA.DK"), (2, "ole@firma.dk")]


def test_single_address_file(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "one.csv", "jens@firma.dk"))
    assert not source.has_header
    assert cells(source) == [(1, "jens@firma.dk")]


def test_ragged_rows(tmp_path: Path) -> None:
    text = "email,name\na@firma.dk\nb@firma.dk,B,extra,more\n,\nc@firma.dk,C\n"
    source = open_source(write(tmp_path, "ragged.csv", text))
    assert source.headers == ["email", "name", "Column 3", "Column 4"]
    assert all(len(row) == 4 for row in source.preview)
    assert source.preview[0] == ["a@firma.dk", "", "", ""]
    assert cells(source) == [(2, "a@firma.dk"), (3, "b@firma.dk"), (4, ""), (5, "c@firma.dk")]
    assert cells(source, "Column 4") == [(2, ""), (3, "more"), (4, ""), (5, "")]
    assert cells(source, "name") == [(2, ""), (3, "B"), (4, ""), (5, "C")]


def test_duplicate_and_empty_header_names_are_made_unique(tmp_path: Path) -> None:
    text = "Email,,Email,Name, ,name,Column 2\na@firma.dk,1,b@firma.dk,x,y,z,w\n"
    source = open_source(write(tmp_path, "dup.csv", text))
    headers = source.headers
    assert headers[:4] == ["Email", "Column 2", "Email (2)", "Name"]
    assert len({h.casefold() for h in headers}) == len(headers)
    for position, header in enumerate(headers):
        assert source.column_index(header) == position
    assert cells(source, "Email (2)") == [(2, "b@firma.dk")]


def test_column_index_by_name_number_and_index(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "c.csv", "Name,E-mail\nJens,jens@firma.dk\n"))
    assert source.column_index("e-mail") == 1
    assert source.column_index(" E-MAIL ") == 1
    assert source.column_index("2") == 1
    assert source.column_index(1) == 1
    with pytest.raises(SourceError, match="“Name”, “E-mail”"):
        source.column_index("Mail")
    with pytest.raises(SourceError):
        source.column_index("3")
    with pytest.raises(SourceError):
        source.column_index(5)
    with pytest.raises(SourceError):
        source.column_index("B")  # letters are for spreadsheets


def test_extra_columns_are_carried_along(tmp_path: Path) -> None:
    text = "First,Last,Email\nJens , Hansen,jens@firma.dk\nOle\n"
    source = open_source(write(tmp_path, "x.csv", text))
    chunks = list(source.stream_column(2, extra=(0, 1, 7, -1)))
    assert chunks[0].values == ["jens@firma.dk", ""]
    assert chunks[0].extras == [("Jens", "Hansen", "", ""), ("Ole", "", "", "")]


# --- exports of mailing services ------------------------------------------------------------

MAILCHIMP = (
    '"Email Address","First Name","Last Name",Address,"Phone Number",MEMBER_RATING,'
    "OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,"
    "REGION,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER,"
    "LEID,EUID,NOTES,TAGS\n"
    'jens@firma.dk,Jens,Hansen,"Vej 1, 8000 Aarhus",,2,"2020-01-01 10:00:00",,'
    '"2020-01-01 10:00:00",1.2.3.4,,,,,,DK,,"2023-05-01 09:00:00","Nyhedsbrev maj",abc,'
    'NORMAL,,1,x,,"kunde"\n'
    'ole@firma.dk,Ole,Olsen,,,1,"2021-01-01 10:00:00",,,,,,,,,DK,,"2023-06-01 09:00:00",'
    '"Nyhedsbrev juni",def,NORMAL,,2,y,,\n'
)
HUBSPOT = (
    '"Record ID","First Name","Last Name","Email","Additional email addresses","Phone Number",'
    '"Contact owner","Lifecycle Stage","Marketing contact status","Create Date",'
    '"Email Domain","Unsubscribed from all email"\n'
    '101,Jens,Hansen,jens@firma.dk,jens.privat@gmail.com,,,"Lead","Marketing contact",'
    "2023-01-01 10:00,firma.dk,true\n"
    '102,Ole,Olsen,ole@firma.dk,"ole@privat.dk;o@work.dk",,,"Customer","Non-marketing contact",'
    "2023-01-02 10:00,firma.dk,true\n"
    '103,Bo,Bek,bo@firma.dk,,,,"Lead","Marketing contact",2023-01-03 10:00,firma.dk,true\n'
)
SENDGRID = "email,created\njens@firma.dk,1672531200\nole@firma.dk,1672617600\n"
SENDGRID_BOUNCES = (
    "email,created,reason,status\njens@firma.dk,1672531200,550 5.1.1 user unknown,5.1.1\n"
)


def test_mailchimp_export(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "members_export.csv", MAILCHIMP))
    assert source.headers[:3] == ["Email Address", "First Name", "Last Name"]
    guess = guess_email_column(source.headers, source.preview)
    assert guess is not None and source.headers[guess.index] == "Email Address"
    assert cells(source, guess.index) == [(2, "jens@firma.dk"), (3, "ole@firma.dk")]


def test_hubspot_export_guesses_email_not_additional(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "hubspot-crm-exports-all-contacts.csv", HUBSPOT))
    assert source.has_header
    guess = guess_email_column(source.headers, source.preview)
    assert guess is not None and source.headers[guess.index] == "Email"
    assert cells(source, "Email") == [(2, "jens@firma.dk"), (3, "ole@firma.dk"), (4, "bo@firma.dk")]


@pytest.mark.parametrize("text", [SENDGRID, SENDGRID_BOUNCES])
def test_sendgrid_suppression_export(tmp_path: Path, text: str) -> None:
    source = open_source(write(tmp_path, "suppressions.csv", text))
    assert source.headers[:2] == ["email", "created"]
    guess = guess_email_column(source.headers, source.preview)
    assert guess is not None and guess.index == 0
    assert cells(source)[0] == (2, "jens@firma.dk")


# --- spreadsheets ---------------------------------------------------------------------------


def test_xlsx_first_sheet_by_default(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "book.xlsx",
        {
            "Kontakter": rows_sheet(
                [["Navn", "E-mail"], ["Jens Ærø", "jens@firma.dk"], ["Ole", "OLE@FIRMA.DK"]]
            ),
            "Afmeldte": rows_sheet([["Email"], ["a@firma.dk"]]),
        },
    )
    source = open_source(path)
    assert source.kind == "spreadsheet"
    assert source.sheet == "Kontakter"
    assert source.sheets == ["Kontakter", "Afmeldte"]
    assert source.headers == ["Navn", "E-mail"]
    assert cells(source, "E-mail") == [(2, "jens@firma.dk"), (3, "OLE@FIRMA.DK")]
    assert cells(source, "B") == [(2, "jens@firma.dk"), (3, "OLE@FIRMA.DK")]
    assert source.describe() == "book.xlsx, sheet “Kontakter”, first row is the header"


def test_xlsx_sheet_by_name_and_number(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "book.xlsx",
        {
            "Kontakter": rows_sheet([["Navn", "E-mail"], ["Jens", "jens@firma.dk"]]),
            "Afmeldte": rows_sheet([["Email"], ["a@firma.dk"], ["b@firma.dk"]]),
            "3": rows_sheet([["Mail"], ["three@firma.dk"]]),
        },
    )
    for wanted in ["Afmeldte", "afmeldte", "AFMELDTE", "2"]:
        source = open_source(path, sheet=wanted)
        assert source.sheet == "Afmeldte", wanted
        assert cells(source) == [(2, "a@firma.dk"), (3, "b@firma.dk")]
    assert open_source(path, sheet="1").sheet == "Kontakter"
    assert open_source(path, sheet="3").sheet == "3"  # a sheet's name beats its number


@pytest.mark.parametrize("wanted", ["Nope", "0", "4", "", "-1"])
def test_xlsx_unknown_sheet_lists_the_sheets(tmp_path: Path, wanted: str) -> None:
    path = workbook(
        tmp_path / "book.xlsx",
        {
            "Kontakter": rows_sheet([["Email"], ["a@firma.dk"]]),
            "Afmeldte": rows_sheet([["Email"], ["b@firma.dk"]]),
            "Tom": {},
        },
    )
    message = refused(path, sheet=wanted)
    assert "“Kontakter”, “Afmeldte”, “Tom”" in message


def test_xlsx_empty_sheet_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "book.xlsx", {"Tom": {}, "Data": rows_sheet([["Email"], ["a@b.dk"]])}
    )
    assert "empty" in refused(path)
    assert "empty" in refused(path, sheet="Tom")
    assert cells(open_source(path, sheet="Data")) == [(2, "a@b.dk")]


def test_xlsx_header_only_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "book.xlsx", {"Ark1": rows_sheet([["Email", "Navn"]])})
    assert "no rows" in refused(path)


def test_xlsx_numbers_dates_and_empty_cells_are_text(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "types.xlsx",
        {
            "Ark1": rows_sheet(
                [
                    ["Email", "Antal", "Beløb", "Oprettet", "Dato", "Tid", "Aktiv", "Tom"],
                    [
                        "jens@firma.dk",
                        42,
                        3.5,
                        dt.datetime(2024, 1, 2, 3, 4, 5),
                        dt.date(2024, 1, 2),
                        dt.time(10, 30),
                        True,
                        None,
                    ],
                    [None, 7, -0.25, None, None, None, False, None],
                    ["ole@firma.dk", None, None, None, None, None, None, None],
                ]
            )
        },
    )
    source = open_source(path)
    assert source.headers == ["Email", "Antal", "Beløb", "Oprettet", "Dato", "Tid", "Aktiv", "Tom"]
    first, second, third = source.preview
    assert first[:3] == ["jens@firma.dk", "42", "3.5"]
    assert first[3].startswith("2024-01-02")
    assert first[4].startswith("2024-01-02")
    assert first[5].startswith("10:30")
    assert first[6:] == ["TRUE", ""]
    assert second == ["", "7", "-0.25", "", "", "", "FALSE", ""]
    assert third == ["ole@firma.dk", "", "", "", "", "", "", ""]
    assert cells(source) == [(2, "jens@firma.dk"), (3, ""), (4, "ole@firma.dk")]


def test_xlsx_data_starting_at_row_3_keeps_excel_row_numbers(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "offset.xlsx",
        {
            "Ark1": rows_sheet(
                [
                    ["Navn", "Email"],
                    ["Jens", "jens@firma.dk"],
                    [None, None],
                    ["Ole", "ole@firma.dk"],
                ],
                top=3,
            )
        },
    )
    source = open_source(path)
    assert source.headers == ["Navn", "Email"]
    assert source.first_data_row == 4
    assert cells(source, "Email") == [(4, "jens@firma.dk"), (5, ""), (6, "ole@firma.dk")]
    assert cells(source, "B") == cells(source, "Email")


def test_xlsx_data_starting_at_c5_keeps_excel_rows_and_letters(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "offset.xlsx",
        {
            "Ark1": rows_sheet(
                [["Email", "Navn"], ["a@firma.dk", "A"], ["b@firma.dk", "B"]], top=5, left="C"
            )
        },
    )
    source = open_source(path)
    assert source.headers == ["Email", "Navn"]
    assert cells(source, "Email") == [(6, "a@firma.dk"), (7, "b@firma.dk")]
    assert cells(source, "C") == cells(source, "Email")
    assert cells(source, "D") == [(6, "A"), (7, "B")]
    with pytest.raises(SourceError):
        source.column_index("A")


def test_xlsx_without_header_starting_lower_down(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bare.xlsx", {"Ark1": rows_sheet([["a@firma.dk"], ["b@firma.dk"]], top=4)}
    )
    source = open_source(path)
    assert not source.has_header
    assert cells(source) == [(4, "a@firma.dk"), (5, "b@firma.dk")]


def test_xlsx_data_far_down(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "far.xlsx", {"Ark1": rows_sheet([["Email"], ["a@firma.dk"]], top=300)}
    )
    source = open_source(path)
    assert source.headers == ["Email"]
    assert cells(source) == [(301, "a@firma.dk")]


def test_xlsx_with_another_extension_is_still_a_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "book.xlsx", {"Ark1": rows_sheet([["Email"], ["a@firma.dk"]])})
    renamed = path.rename(tmp_path / "export.csv")
    source = open_source(renamed)
    assert source.kind == "spreadsheet"
    assert cells(source) == [(2, "a@firma.dk")]


def test_xlsx_streams_in_chunks(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Email"]] + [[f"u{i}@firma.dk"] for i in range(2_500)]
    path = workbook(tmp_path / "many.xlsx", {"Ark1": rows_sheet(rows)})
    source = open_source(path)
    chunks = list(source.stream_column(0, chunk_rows=1_000))
    assert [c.first_row for c in chunks] == [2, 1_002, 2_002]
    assert [len(c.values) for c in chunks] == [1_000, 1_000, 500]
    assert chunks[-1].values[-1] == "u2499@firma.dk"
    assert chunks[-1].fraction_done == 1.0


# --- streaming ------------------------------------------------------------------------------


def test_stream_300k_rows_in_chunks(tmp_path: Path) -> None:
    count = 300_000
    body = "".join(f"Name {i};user{i}@firma.dk\r\n" for i in range(count))
    path = write(tmp_path, "big.csv", "Navn;E-mail\r\n" + body)
    source = open_source(path)
    assert len(source.preview) == 200
    index = source.column_index("E-mail")
    chunks = list(source.stream_column(index))
    assert len(chunks) >= 6
    assert all(len(c.values) <= 50_000 for c in chunks)
    expected_first = 2
    for chunk in chunks:
        assert chunk.first_row == expected_first
        assert 0.0 <= chunk.fraction_done <= 1.0
        expected_first += len(chunk.values)
    fractions = [c.fraction_done for c in chunks]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    values = [v for c in chunks for v in c.values]
    assert len(values) == count
    assert values[0] == "user0@firma.dk"
    assert values[123_456] == "user123456@firma.dk"
    assert values[-1] == f"user{count - 1}@firma.dk"


def test_stream_can_be_read_twice(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "twice.csv", "email\na@firma.dk\nb@firma.dk\n"))
    assert cells(source) == cells(source) == [(2, "a@firma.dk"), (3, "b@firma.dk")]


def test_stream_of_small_chunks(tmp_path: Path) -> None:
    body = "".join(f"u{i}@firma.dk\n" for i in range(10))
    source = open_source(write(tmp_path, "small.csv", "email\n" + body))
    chunks = list(source.stream_column(0, chunk_rows=3))
    assert [c.first_row for c in chunks][:4] == [2, 5, 8, 11]
    assert [v for c in chunks for v in c.values] == [f"u{i}@firma.dk" for i in range(10)]


# --- files that are not tables --------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4


def _zip_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.csv", b"", "empty"),
        ("spaces.csv", b"  \r\n\t\n   \n", "empty"),
        ("nuls.csv", b"\x00" * 100, "empty"),
        ("bom-only.csv", codecs.BOM_UTF8 + b"\r\n  \n", "no rows"),
        ("commas.csv", b",,,\n;;\n,\n", "no rows"),
        ("header.csv", b"Email,Navn\r\n", "no rows"),
        ("header-blank.csv", b"Email;Navn\r\n;\r\n\r\n", "no rows"),
        ("photo.csv", PNG, "PNG"),
        ("photo.jpg.csv", JPEG, "JPEG"),
        ("doc.csv", b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        ("archive.csv", _zip_bytes({"readme.txt": "hello", "data.bin": "x" * 100}), "ZIP"),
        (
            "word.docx",
            _zip_bytes({"[Content_Types].xml": "<x/>", "word/document.xml": "<w/>"}),
            "ZIP",
        ),
        ("gz.csv", b"\x1f\x8b\x08\x00" + bytes(200), "compressed"),
        (
            "nul-scattered.csv",
            b"email\n" + b"\x00".join(b"u%d@firma.dk\n" % i for i in range(200)),
            "binary",
        ),
    ],
)
def test_not_a_table_is_refused_plainly(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    message = refused(write(tmp_path, name, data))
    assert words in message


def test_random_binary_is_refused(tmp_path: Path) -> None:
    generator = random.Random(20240101)
    for n in range(5):
        data = bytes(generator.randrange(256) for _ in range(4096))
        refused(write(tmp_path, f"random{n}.csv", b"\x01\x02" + data))


def test_a_few_nul_bytes_are_tolerated(tmp_path: Path) -> None:
    body = "".join(f"u{i}@firma.dk\n" for i in range(300)).encode()
    source = open_source(write(tmp_path, "padded.csv", b"email\n" + body + b"\x00" * 3))
    assert cells(source)[:2] == [(2, "u0@firma.dk"), (3, "u1@firma.dk")]


def test_unbalanced_quote_near_the_top_is_refused(tmp_path: Path) -> None:
    data = b'email,name\njens@firma.dk,"Jens\n' + b"x" * 1_100_000 + b"\n"
    message = refused(write(tmp_path, "quote.csv", data))
    assert "quotation mark" in message


def test_unbalanced_quote_further_down_is_refused_while_streaming(tmp_path: Path) -> None:
    head = "".join(f"u{i}@firma.dk,U\n" for i in range(1_000)).encode()
    tail = b'bad@firma.dk,"never closed\n' + (b"y" * 1000 + b"\n") * 1_100
    path = write(tmp_path, "late-quote.csv", b"email,name\n" + head + tail)
    source = open_source(path)
    with pytest.raises(SourceError) as info:
        cells(source)
    message = str(info.value)
    assert "\n" not in message and path.name in message


def test_one_huge_line_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, "huge.csv", b"," + b"a" * ((1 << 20) + 10) + b"\n"))


def test_unclosed_quote_at_the_end_is_one_cell(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "end.csv", 'email\na@firma.dk\n"b@firma.dk\nc@firma.dk\n'))
    assert cells(source)[0] == (2, "a@firma.dk")
    assert cells(source)[1][0] == 3


def test_folder_and_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "export.csv"
    folder.mkdir()
    assert "folder" in refused(folder)
    assert "does not exist" in refused(tmp_path / "gone.csv")


def test_corrupt_xlsx_is_refused(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", {"Ark1": rows_sheet([["Email"], ["a@firma.dk"]])})
    data = good.read_bytes()
    for cut in [30, 100, len(data) // 2, len(data) - 22]:
        message = refused(write(tmp_path, "broken.xlsx", data[:cut]))
        assert "ZIP archive, not a table" not in message
        assert "Excel" in message


def test_xlsx_needing_an_unknown_zip_version_is_refused(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", {"Ark1": rows_sheet([["Email"], ["a@firma.dk"]])})
    data = bytearray(good.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 0xFF  # "version needed to extract": zipfile raises NotImplementedError
    message = refused(write(tmp_path, "future.xlsx", bytes(data)))
    assert "Excel" in message


def test_fake_xlsx_is_refused(tmp_path: Path) -> None:
    fake = _zip_bytes({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "not xml at all"})
    refused(write(tmp_path, "fake.xlsx", fake))
    refused(write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)))


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs a user that file permissions apply to")
    path = write(tmp_path, "locked.csv", "email\na@b.dk\n")
    path.chmod(0)
    try:
        assert "could not be opened" in refused(path)
    finally:
        path.chmod(0o644)


# --- fuzzing: whatever the bytes, a TableSource or a SourceError ----------------------------


def _open_and_stream(path: Path) -> None:
    try:
        source = open_source(path)
    except SourceError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(source, TableSource)
    assert source.headers and len(source.headers) == len(set(source.headers))
    try:
        for chunk in source.stream_column(0, chunk_rows=100):
            assert all(isinstance(value, str) for value in chunk.values)
    except SourceError:
        pass


_PREFIXES = st.sampled_from(
    [
        b"",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        codecs.BOM_UTF32_LE,
        b"PK\x03\x04",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"email\n",
        b"Email;Navn\r\n",
        b'"',
        b"\x89PNG",
    ]
)
_TEXTY = st.lists(
    st.sampled_from(
        [
            b"a@b.dk",
            b"x",
            b",",
            b";",
            b"\t",
            b"|",
            b'"',
            b"\n",
            b"\r\n",
            b"\r",
            b" ",
            b"\x00",
            b"\xe6",
            b"\xc3\xa6",
            b"\xff",
        ]
    ),
    max_size=60,
).map(b"".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.tuples(_PREFIXES, st.one_of(st.binary(max_size=600), _TEXTY)).map(b"".join))
def test_fuzz_any_bytes_give_a_table_or_a_source_error(tmp_path: Path, data: bytes) -> None:
    _open_and_stream(write(tmp_path, "fuzz.csv", data))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_fuzz_damaged_workbooks_give_a_table_or_a_source_error(
    tmp_path: Path, data: st.DataObject
) -> None:
    good = tmp_path / "good.xlsx"
    if not good.exists():
        workbook(
            good,
            {"Ark1": rows_sheet([["Email", "Navn"], ["a@firma.dk", "A"], ["b@firma.dk", "B"]])},
        )
    original = good.read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 20))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(4, len(damaged)))
    _open_and_stream(write(tmp_path, "fuzz.xlsx", bytes(damaged[:cut])))
