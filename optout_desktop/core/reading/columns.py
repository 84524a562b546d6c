"""Guess which column holds the email addresses, from its header and from its cells."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.reading.digests import looks_hashed

# Header names, folded to lower-case letters and digits only, by how sure they make us.
_EXACT = {
    "email",
    "emailaddress",
    "emailadresse",
    "emailadresser",
    "mail",
    "mailadresse",
    "emailadr",
    "epost",
    "epostadresse",
    "mejl",
    "mejladresse",
    "courriel",
    "correo",
    "correoelectronico",
    "emailid",
    "emailaddr",
    "primaryemail",
    "contactemail",
    "kontaktemail",
    "emails",
    "adresseemail",
    "indirizzoemail",
    "mailadres",
}
_SECONDARY = (
    "additional",
    "secondary",
    "other",
    "alternative",
    "alternate",
    "ekstra",
    "yderligere",
    "cc",
    "bcc",
    "weitere",
    "andre",
    "anden",
    "work",
    "old",
    "gammel",
)
_RELATED = (
    "optin",
    "optout",
    "status",
    "consent",
    "samtykke",
    "verified",
    "bounce",
    "domain",
    "domæne",
    "sent",
    "date",
    "dato",
    "type",
    "format",
    "count",
    "antal",
    "unsub",
    "subscri",
    "afmeld",
    "tilmeld",
    "abmeld",
    "opened",
    "click",
    "campaign",
    "kampagne",
    "merge",
    "preference",
    "permission",
)


@dataclass(frozen=True, slots=True)
class ColumnGuess:
    """The chosen column and why: header score and the share of cells that are addresses."""

    index: int
    header_score: float
    address_share: float


def fold(header: str) -> str:
    """A header reduced to lower-case letters and digits without accents, for comparing names."""
    bare = unicodedata.normalize("NFKD", header.casefold())
    return re.sub(r"[^a-z0-9æø]", "", bare)


def header_score(header: str) -> float:
    """3 for 'Email', 'E-mailadresse' and the like; less for a secondary or related column."""
    folded = fold(header)
    if folded in _EXACT:
        return 3.0
    if "mail" not in folded and "epost" not in folded and "courriel" not in folded:
        return 0.0
    if any(word in folded for word in _RELATED):
        return 0.25
    if any(word in folded for word in _SECONDARY):
        return 0.5
    return 2.0


def address_share(cells: list[str]) -> float:
    """The share of non-blank cells that are valid addresses."""
    filled = [cell for cell in cells if cell.strip()]
    if not filled:
        return 0.0
    return sum(1 for cell in filled if triage(cell)[0]) / len(filled)


def guess_email_column(headers: list[str], rows: list[list[str]]) -> ColumnGuess | None:
    """The most likely email column, or None when no column looks like one."""
    best: ColumnGuess | None = None
    best_rank: tuple[bool, float, float, float] | None = None
    for index, header in enumerate(headers):
        cells = [row[index] if index < len(row) else "" for row in rows]
        guess = ColumnGuess(index, header_score(header), address_share(cells))
        if guess.address_share < 0.2 and guess.header_score < 2.0:
            continue
        rank = _rank(guess, cells)
        if best_rank is None or rank > best_rank:
            best, best_rank = guess, rank
    return best


def _rank(guess: ColumnGuess, cells: list[str]) -> tuple[bool, float, float, float]:
    # Mostly-address columns first; among those, an email header ('Email', not 'Additional
    # email'), then the column with addresses in the most rows, then the better header.
    filled = sum(1 for cell in cells if cell.strip())
    coverage = guess.address_share * filled / len(cells) if cells else 0.0
    email_header = guess.header_score if guess.header_score >= 2.0 else 0.0
    return guess.address_share >= 0.5, email_header, coverage, guess.header_score


def guess_digest_column(headers: list[str], rows: list[list[str]]) -> int | None:
    """The first column whose filled cells are mostly MD5 or SHA-256 digests (a hashed
    list), or None."""
    for index in range(len(headers)):
        if looks_hashed(row[index] if index < len(row) else "" for row in rows):
            return index
    return None


def guess_import_column(headers: list[str], rows: list[list[str]]) -> int | None:
    """The column an opt-out import reads: the email column, else a column of digests."""
    guess = guess_email_column(headers, rows)
    return guess.index if guess is not None else guess_digest_column(headers, rows)
