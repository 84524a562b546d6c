"""Which column holds the email addresses: from headers in several languages and from cells."""

from __future__ import annotations

import pytest

from optout_desktop.core.reading.columns import fold, guess_email_column, header_score


def _guess(headers: list[str], rows: list[list[str]]) -> str | None:
    guess = guess_email_column(headers, rows)
    return None if guess is None else headers[guess.index]


def _rows(*columns: list[str]) -> list[list[str]]:
    """Rows from columns given one list per column."""
    return [list(row) for row in zip(*columns, strict=True)]


ADDRESSES = ["jens@firma.dk", "OLE@FIRMA.DK", "Bo Bek <bo@firma.dk>", "", "eva@firma.dk"]
NAMES = ["Jens Hansen", "Ole Olsen", "Bo Bek", "Kim", "Eva Madsen"]
CITIES = ["Aarhus", "Odense", "Brøndby", "Næstved", "Århus"]


@pytest.mark.parametrize(
    "header",
    [
        # English
        "Email",
        "email",
        "EMAIL",
        "E-mail",
        "Email Address",
        "E-mail address",
        "email_address",
        "EmailAddress",
        "Primary Email",
        "Emails",
        # Danish
        "E-mail",
        "E-mailadresse",
        "E-mail-adresse",
        "Emailadresse",
        "Mail",
        "Mailadresse",
        "Mail-adresse",
        "Kontakt e-mail",
        "Mejladresse",
        # German
        "E-Mail",
        "E-Mail-Adresse",
        "Mail-Adresse",
        # Norwegian, French, Spanish, Dutch, Italian
        "E-post",
        "E-postadresse",
        "Courriel",
        "Adresse e-mail",
        "Correo electrónico",
        "Mailadres",
        "Indirizzo email",
    ],
)
def test_email_headers_score_highest(header: str) -> None:
    assert header_score(header) == 3.0


@pytest.mark.parametrize(
    "header",
    [
        "Additional email addresses",
        "Secondary Email",
        "Other email",
        "CC",
        "Ekstra e-mail",
        "Work email",
    ],
)
def test_secondary_email_headers_score_low(header: str) -> None:
    assert 0 <= header_score(header) <= 0.5


@pytest.mark.parametrize(
    "header",
    [
        "Email Domain",
        "Email opt-out",
        "Email Status",
        "Email bounce",
        "Email Sent Date",
        "Last email sent",
        "Unsubscribed from all email",
        "Marketing emails opened",
        "Email samtykke",
        "Afmeldt e-mail",
    ],
)
def test_headers_about_email_but_not_addresses_score_low(header: str) -> None:
    assert header_score(header) < 0.5


@pytest.mark.parametrize("header", ["Navn", "Name", "By", "Column 1", "", "Adresse", "Telefon"])
def test_other_headers_score_nothing(header: str) -> None:
    assert header_score(header) == 0.0


def test_fold_ignores_case_punctuation_and_accents() -> None:
    assert fold("E-Mail-Adresse") == "emailadresse"
    assert fold(" e_mail  ADDRESS ") == "emailaddress"
    assert fold("Correo electrónico") == "correoelectronico"
    assert fold("Domæne") == "domæne"


@pytest.mark.parametrize(
    "headers",
    [
        ["Name", "Email", "City"],
        ["Navn", "E-mail", "By"],
        ["Navn", "E-mailadresse", "By"],
        ["Navn", "Mail", "By"],
        ["Name", "E-Mail-Adresse", "Ort"],
        ["Fornavn og efternavn", "e-mail", "Postnr. og by"],
    ],
)
def test_guess_by_header_in_several_languages(headers: list[str]) -> None:
    assert _guess(headers, _rows(NAMES, ADDRESSES, CITIES)) == headers[1]


def test_guess_by_header_even_before_any_rows() -> None:
    assert _guess(["Navn", "E-mailadresse"], []) == "E-mailadresse"


def test_mailchimp_headers() -> None:
    headers = [
        "Email Address",
        "First Name",
        "Last Name",
        "Address",
        "Phone Number",
        "MEMBER_RATING",
        "OPTIN_TIME",
        "OPTIN_IP",
        "CONFIRM_TIME",
        "CONFIRM_IP",
        "LATITUDE",
        "LONGITUDE",
        "GMTOFF",
        "DSTOFF",
        "TIMEZONE",
        "CC",
        "REGION",
        "LAST_CHANGED",
        "LEID",
        "EUID",
        "NOTES",
        "TAGS",
    ]
    row = ["jens@firma.dk", "Jens", "Hansen", "Vej 1", "", "2", "2020-01-01 10:00:00"]
    rows = [row + [""] * (len(headers) - len(row))]
    assert _guess(headers, rows) == "Email Address"


def test_hubspot_email_beats_additional_email_addresses() -> None:
    headers = [
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Additional email addresses",
        "Email Domain",
        "Unsubscribed from all email",
        "Marketing contact status",
    ]
    rows = [
        [
            "101",
            "Jens",
            "Hansen",
            "jens@firma.dk",
            "jens@privat.dk",
            "firma.dk",
            "true",
            "Marketing",
        ],
        ["102", "Ole", "Olsen", "ole@firma.dk", "ole@privat.dk", "firma.dk", "true", "Marketing"],
        ["103", "Bo", "Bek", "bo@firma.dk", "", "firma.dk", "false", "Non-marketing"],
    ]
    assert _guess(headers, rows) == "Email"
    # Even when the main column comes after the additional one.
    swapped = [headers[4], headers[3]]
    assert _guess(swapped, [[r[4], r[3]] for r in rows]) == "Email"


def test_sendgrid_headers() -> None:
    headers = ["email", "created", "reason", "status"]
    rows = [["jens@firma.dk", "1672531200", "550 user unknown", "5.1.1"]]
    assert _guess(headers, rows) == "email"


def test_content_decides_when_headers_mean_nothing() -> None:
    headers = ["Column 1", "Column 2", "Column 3"]
    assert _guess(headers, _rows(NAMES, CITIES, ADDRESSES)) == "Column 3"
    assert _guess(headers, _rows(ADDRESSES, NAMES, CITIES)) == "Column 1"


def test_content_beats_a_secondary_header() -> None:
    headers = ["Kontaktperson", "Ekstra e-mail", "Felt 3"]
    sparse = ["", "", "x@privat.dk", "", ""]
    assert _guess(headers, _rows(NAMES, sparse, ADDRESSES)) == "Felt 3"


def test_the_column_with_more_addresses_wins_among_unnamed_ones() -> None:
    mostly = ["a@firma.dk", "b@firma.dk", "c@firma.dk", "ikke en adresse", "d@firma.dk"]
    some = ["x@firma.dk", "Jens", "Ole", "Bo", "Eva"]
    assert _guess(["A", "B"], _rows(some, mostly)) == "B"


def test_an_email_header_whose_cells_are_not_addresses_loses_to_real_addresses() -> None:
    headers = ["Email", "Kontakt"]
    rows = _rows(["ja", "nej", "ja", "ja", "nej"], ADDRESSES)
    assert _guess(headers, rows) == "Kontakt"


def test_none_when_nothing_looks_like_email() -> None:
    assert _guess(["Navn", "By"], _rows(NAMES, CITIES)) is None
    assert _guess(["Column 1", "Column 2"], _rows(NAMES, CITIES)) is None
    assert _guess([], []) is None
    assert _guess(["Navn"], []) is None
    almost = ["jens(at)firma.dk", "ole at firma dk", "bo@", "@firma.dk", "x"]
    assert _guess(["Kontakt", "Navn"], _rows(almost, NAMES)) is None


def test_a_few_addresses_in_a_notes_column_are_not_enough() -> None:
    notes = ["ring igen", "skrev fra bo@firma.dk", "", "kunde", "ok", "ny", "gammel", "x@y.dk"]
    assert _guess(["Noter"], [[n] for n in notes]) is None


def test_guess_reports_why() -> None:
    guess = guess_email_column(["Navn", "E-mail"], _rows(NAMES, ADDRESSES))
    assert guess is not None
    assert guess.index == 1
    assert guess.header_score == 3.0
    assert guess.address_share == 1.0


def test_short_rows_do_not_break_the_guess() -> None:
    rows = [["Jens"], ["Ole", "ole@firma.dk"], [], ["Bo", "bo@firma.dk", "extra"]]
    assert _guess(["Navn", "Email", "X"], rows) == "Email"
