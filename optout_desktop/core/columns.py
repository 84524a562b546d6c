"""Guess which column holds the email addresses, from its header and from its cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .addresses import triage

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
)


@dataclass(frozen=True, slots=True)
class ColumnGuess:
    """The chosen column and why: header score and the share of cells that are addresses."""

    index: int
    header_score: float
    address_share: float


def fold(header: str) -> str:
    """A header reduced to lower-case letters and digits, for comparing names."""
    return re.sub(r"[^a-z0-9æøåäöüé]", "", header.casefold())


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
    for index, header in enumerate(headers):
        cells = [row[index] for row in rows if index < len(row)]
        guess = ColumnGuess(index, header_score(header), address_share(cells))
        if guess.address_share < 0.2 and guess.header_score < 2.0:
            continue
        if best is None or _rank(guess) > _rank(best):
            best = guess
    return best


def _rank(guess: ColumnGuess) -> tuple[bool, float]:
    # Mostly-address columns first; among those, the better header, then more addresses.
    return guess.address_share >= 0.5, guess.header_score + guess.address_share
