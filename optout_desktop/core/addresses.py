"""One email address: clean what people paste into a cell, then validate it like email-validator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

# Whitespace people paste around addresses, including no-break and zero-width spaces.
_SPACES = " \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
_QUOTE_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "<": ">", "`": "`"}
_ANGLE = re.compile(r"<([^<>]*)>")

# A strict subset of what email-validator accepts, checked per address in well under a
# microsecond: lower-case dot-atom local part, LDH labels, an alphabetic TLD, no Punycode
# and no "ab--" labels. Anything else goes to email-validator itself; a property test
# proves every address this accepts is accepted, unchanged, by the library.
_ATEXT = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_SPECIAL_TLDS = "arpa|invalid|local|localhost|onion|test"
_FAST = re.compile(
    rf"(?=[^@]{{1,64}}@){_ATEXT}+(?:\.{_ATEXT}+)*@"
    rf"(?:(?!..--){_LABEL}\.)+(?!(?:{_SPECIAL_TLDS})$)[a-z]{{2,63}}",
    re.ASCII,
).fullmatch
ADDRESS_MAX = 254


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one cell turned out to be: an address, a blank, or invalid with a reason."""

    address: str | None
    reason: str | None = None

    @property
    def is_blank(self) -> bool:
        return self.address is None and self.reason == BLANK


BLANK = "blank"


def clean(raw: str) -> str:
    """Strip what surrounds an address in a cell: spaces, quotes, `Name <a@b>`, `mailto:`."""
    text = raw.strip(_SPACES)
    if "<" in text:
        found = _ANGLE.findall(text)
        if len(found) == 1:
            text = found[0].strip(_SPACES)
    for _ in range(3):
        if text[:7].lower() == "mailto:":
            text = text[7:].split("?", 1)[0].strip(_SPACES)
        if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
            text = text[1:-1].strip(_SPACES)
            continue
        break
    return text.rstrip(";,").strip(_SPACES)


def fast_accepts(candidate: str) -> bool:
    """True when the strict fast path alone can accept this (already lower-case) address."""
    return len(candidate) <= ADDRESS_MAX and _FAST(candidate) is not None


@lru_cache(maxsize=4096)
def _library_triage(candidate: str) -> tuple[str | None, str | None]:
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as error:
        return None, str(error)
    except Exception:  # noqa: BLE001 - the library must never crash an import
        return None, "The address could not be read."
    return result.normalized.lower(), None


def triage(raw: str | None) -> tuple[str | None, str | None]:
    """Clean and validate one cell: (address, None), (None, BLANK) or (None, reason).

    The address comes back lower-case with its domain in Unicode, so Unicode and
    Punycode spellings of one internationalised domain are one address.
    """
    if raw is None:
        return None, BLANK
    lowered = raw.lower()
    if len(lowered) <= ADDRESS_MAX and _FAST(lowered) is not None:
        return lowered, None
    candidate = clean(lowered)
    if not candidate:
        return None, BLANK
    if len(candidate) <= ADDRESS_MAX and _FAST(candidate) is not None:
        return candidate, None
    if "@" not in candidate:
        return None, "This is not an email address: it has no @-sign."
    if candidate.count("@") > 1 and any(sep in candidate for sep in ",; "):
        return None, "The cell holds more than one address."
    if len(candidate) > 1000:
        return None, "The cell is far too long to be an email address."
    return _library_triage(candidate)


def check(raw: str | None) -> Verdict:
    """Clean and validate one cell, as a Verdict."""
    address, reason = triage(raw)
    return Verdict(address, reason)


def normalize(raw: str) -> str | None:
    """The canonical form of an address, or None when the cell is blank or not an address."""
    return check(raw).address


def is_valid(raw: str) -> bool:
    """True when the cell holds exactly one valid address."""
    return check(raw).address is not None
