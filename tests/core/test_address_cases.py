"""email-validator's own syntax test cases: each cell gets the library's verdict from triage."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from email_validator import EmailNotValidError, validate_email

from optout_desktop.core.reading.addresses import BLANK, check, fast_accepts, triage

# Every address tried by tests/test_syntax.py of email-validator, with the test that tries it
# (the file names the commit). Taken out of that file with Python's ast module: the first item
# of each parametrize case, and the literal addresses its other tests pass to validate_email.
_DATA = json.loads((Path(__file__).parent / "email_validator_cases.json").read_text("utf-8"))
CASES: list[str] = [address for address, _test in _DATA["cases"]]


def _library_form(cell: str) -> str | None:
    """email-validator's verdict with the options our code uses: the address, or None."""
    try:
        return validate_email(cell, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


# --- Where the product differs from email-validator on purpose ------------------------------
# The library checks what someone types into a form; we read cells people paste from mail
# programs and spreadsheets (README, "Files it reads"). Three kinds of wrapping around ONE
# address are taken off before validating, so these library-refused cells are the address
# inside them; what that address is, the library itself says once the wrapping is off.


def _display_name(cell: str) -> str | None:
    # `Name <address>` from a mail program or an address book. The library refuses a display
    # name by default, and an unquoted one with dots or commas always ("Hansen, Jens <...>").
    return _library_form(cell[cell.index("<") + 1 : cell.rindex(">")])


def _spaces(cell: str) -> str | None:
    # Spaces and line breaks around a cell are how it was typed or exported, not the address.
    return _library_form(cell.strip(" \r\n"))


def _comment(cell: str) -> str | None:
    # A well-formed (comment) beside an address is a note about it: `jens@firma.dk (Jens)`.
    return _library_form(cell.replace("(comment)", ""))


LONG_LOCAL = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklm"
LONG_DOMAIN = ".".join(
    [
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghik",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghik",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk",
        "abcdefghijklmnopqrstuvwxyzabcdefghijk",
        "abcdefghijklmnopqrstu",
    ]
)
ON_PURPOSE: dict[str, Callable[[str], str | None]] = {
    "MyName <me@example.org>": _display_name,
    "My Name <me@example.org>": _display_name,
    '"s\u0323\u0307" <s\u0323\u0307@nfc.tld>': _display_name,
    "<me@example.com>": _display_name,
    "DisplayName <me@example.com>": _display_name,
    "Display Name <me@example.com>": _display_name,
    '"Display Name" <me@example.com>': _display_name,
    "Display.Name <me@example.com>": _display_name,
    '"Display.Name" <me@example.com>': _display_name,
    "(comment)test@iana.org": _comment,
    f"(comment){LONG_LOCAL}@iana.org": _comment,
    f"(comment)test@{LONG_DOMAIN}": _comment,
    **dict.fromkeys(
        [
            "my@example.com\n",
            "\nmy@example.com",
            "test@iana.org\n",
            "test@iana.org\r",
            "\rtest@iana.org",
            "\ntest@iana.org",
            " test@iana.org",
            "test@iana.org ",
            *(
                before + "test@iana.org"
                for before in ["\r\n ", "\r\n \r\n ", "\r\n", "\r\n \r\n", " \r\n", " \r\n "]
            ),
            *(before + "test@iana.org" for before in [" \r\n \r\n", " \r\n\r\n", " \r\n\r\n "]),
            *(
                "test@iana.org" + after
                for after in ["\r\n ", "\r\n \r\n ", "\r\n", "\r\n \r\n", " \r\n", " \r\n "]
            ),
            *("test@iana.org" + after for after in [" \r\n \r\n", " \r\n\r\n", " \r\n\r\n "]),
        ],
        _spaces,
    ),
}


def test_the_cases_are_email_validators_and_cover_both_verdicts() -> None:
    assert "github.com/JoshData/python-email-validator/" in _DATA["source"]
    assert len(CASES) == len(set(CASES)) > 250
    accepted = [cell for cell in CASES if _library_form(cell) is not None]
    assert 30 < len(accepted) < len(CASES) - 200
    # The cells that were accepted by mistake are among them, and the documented differences
    # are all real cases (a typo there would silently exempt nothing).
    assert {"<me@example.com> !", "(comment\\)test@iana.org", "test@iana.org(comment\\)"} < set(
        CASES
    )
    assert set(ON_PURPOSE) <= set(CASES)


@pytest.mark.parametrize("cell", CASES)
def test_triage_gives_email_validators_verdict(cell: str) -> None:
    library = _library_form(cell)
    address, reason = triage(cell)
    assert check(cell).address == address
    unwrap = ON_PURPOSE.get(cell)
    if unwrap is None:
        assert address == library, (cell, reason)
    else:
        assert library is None
        expected = unwrap(cell)
        assert expected is not None and address == expected
    if address is None:
        assert reason and reason != BLANK and "\n" not in reason
    if fast_accepts(cell.lower()):
        assert library == cell.lower()


# Wrapping a valid address the ways people's cells do never changes which address it is.
_WRAPPINGS: list[Callable[[str], str]] = [
    lambda a: f"  {a}\t",
    lambda a: f"\u00a0{a}\u200b",
    lambda a: f"\ufeff{a};",
    lambda a: f"{a},",
    lambda a: f"'{a}'",
    lambda a: f'"{a}"',
    lambda a: f"\u201c{a}\u201d",
    lambda a: f"<{a}>",
    lambda a: f"({a})",
    lambda a: f"[{a}]",
    lambda a: f"Jens Hansen <{a}>",
    lambda a: f'"Hansen, Jens" <{a}> ;',
    lambda a: f"Jens Hansen ({a})",
    lambda a: f"{a} (Jens Hansen)",
    lambda a: f"Jens <mailto:{quote(a, safe='@')}>",
]


@pytest.mark.parametrize("cell", [cell for cell in CASES if _library_form(cell) is not None])
def test_wrapping_a_valid_case_keeps_its_address(cell: str) -> None:
    expected = _library_form(cell)
    for wrap in _WRAPPINGS:
        assert triage(wrap(cell)) == (expected, None), wrap(cell)
    if cell.isascii():
        assert triage(cell.upper()) == (expected, None)


# ...and text after the wrapping, or a bracket that never closes, makes any case invalid (but
# a case that is itself `Name <address>`: text before it is part of the free-text name).
_BROKEN_WRAPPINGS: list[Callable[[str], str]] = [
    lambda a: f"<{a}> !",
    lambda a: f"Jens <{a}> Hansen",
    lambda a: f"<{a}> (Jens)",
    lambda a: f"<{a}>>",
    lambda a: f"({a}) !",
    lambda a: f"Jens ({a}) Hansen",
    lambda a: f"(Jens\\){a}",
    lambda a: f"{a}(Jens\\)",
    lambda a: f"{a} (Jens",
    lambda a: f"({a}",
    lambda a: f"{a} (Jens\r)",
    lambda a: f"(Jens(Hansen)){a}",
]


@pytest.mark.parametrize("cell", [cell for cell in CASES if "<" not in cell])
def test_broken_wrapping_around_any_case_is_refused(cell: str) -> None:
    for wrap in _BROKEN_WRAPPINGS:
        address, reason = triage(wrap(cell))
        assert address is None, wrap(cell)
        assert reason and reason != BLANK
