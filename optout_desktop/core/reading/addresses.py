"""One email address: clean what people paste into a cell, then validate it like email-validator."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from email_validator import EmailNotValidError, validate_email

from optout_desktop.core.texts import t

# Whitespace people paste around addresses: every Unicode space, line and paragraph
# separator, and the invisible marks that come along (zero-width, BOM, direction marks),
# and the NUL bytes some exporters pad cells with.
_SPACES = "".join(
    chr(code)
    for first, last in (
        (0x00, 0x00),
        (0x09, 0x0D),
        (0x1C, 0x20),
        (0x85, 0x85),
        (0xA0, 0xA0),
        (0xAD, 0xAD),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200F),
        (0x2028, 0x202F),
        (0x205F, 0x206F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    )
    for code in range(first, last + 1)
)
_TRAILING = _SPACES + ";,"
_QUOTE_PAIRS = {
    '"': '"',
    "'": "'",
    "\u201c": "\u201d",
    "\u2018": "\u2019",
    "\u00ab": "\u00bb",
    "<": ">",
    "`": "`",
    "(": ")",
    "[": "]",
}
# `Name <address>`: the name may hold quoted text ("a<b"), and nothing may follow the `>`.
_NAME_ADDRESS = re.compile(r'((?:"[^"]*"|[^<>])*+)<([^<>]*)>').fullmatch
# A (comment) beside an address: no brackets inside, no backslash (in a comment it escapes
# the next character, so `(note\)` never closes) and no control characters.
_COMMENT = re.compile(r"\(([^()\\\x00-\x1f\x7f-\x9f]*)\)")
_SEPARATOR = re.compile(r"[\s,;]")

# A strict subset of what email-validator accepts, checked per address in well under a
# microsecond: lower-case dot-atom local part (not starting with Excel's text-prefix
# apostrophe), LDH labels, an alphabetic TLD, no Punycode and no "ab--" labels. Anything
# else goes to email-validator itself; a property test proves every address this accepts
# is accepted, unchanged, by the library.
_ATEXT = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_SPECIAL_TLDS = "arpa|invalid|local|localhost|onion|test"
_FAST = re.compile(
    rf"(?=[^@]{{1,64}}@)(?!'){_ATEXT}+(?:\.{_ATEXT}+)*@"
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


BLANK = t("blank")  # the reason of a blank cell (compared with ==, and shown as it is)


def clean(raw: str) -> str:
    """Strip what surrounds an address in a cell: spaces, quotes, `Name <a@b>`, `mailto:`.

    A cell whose wrapping does not close, or that has text after it, is left as it is, so
    the validation refuses it with its reason.
    """
    text = raw.strip(_SPACES)
    for _ in range(6):
        text = text.strip(_SPACES).rstrip(_TRAILING)
        if text[:7].lower() == "mailto:":
            text = text[7:].split("?", 1)[0]
            if "%" in text:
                text = unquote(text)
            continue
        inner = _unwrapped(text)
        if inner is not None:
            text = inner
            continue
        if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
            text = text[1:-1]
            continue
        break
    if text[:1] == "'" and "'" not in text[1:]:
        text = text[1:]  # the apostrophe Excel puts before text it must not reformat
    return text.strip(_SPACES)


def _unwrapped(text: str) -> str | None:
    """The address of `Name <a@b>`, `Name (a@b)` or `a@b (comment)`; None for other text."""
    if "<" in text:
        found = _NAME_ADDRESS(text)
        return None if found is None else found[2]
    if "(" not in text and ")" not in text:
        return None
    parts = _COMMENT.split(text)
    outside, comments = parts[0::2], parts[1::2]
    if not comments or any("(" in part or ")" in part for part in outside):
        return None  # a bracket that never closes, or closes twice
    address = " ".join(outside)  # a comment inside an address leaves a space that fails it
    with_at = [comment for comment in comments if "@" in comment]
    if "@" in address:
        return None if with_at else address  # `a@b.dk (c@d.dk)` is two addresses
    if with_at == comments[-1:] and not outside[-1].strip(_TRAILING):
        return with_at[0]  # `Jens Hansen (jens@firma.dk)`, and nothing after it
    return None


def fast_accepts(candidate: str) -> bool:
    """True when the strict fast path alone can accept this (already lower-case) address."""
    return len(candidate) <= ADDRESS_MAX and _FAST(candidate) is not None


@lru_cache(maxsize=4096)
def _library_triage(candidate: str) -> tuple[str | None, str | None]:
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as error:
        return None, library_reason(str(error))
    except Exception:  # noqa: BLE001 - the library must never crash an import
        return None, t("The address could not be read.")
    return result.normalized.lower(), None


# email-validator explains a refusal in its own technical English; each of its messages is
# told in one of these plain reasons instead, found by the words in it (checked in order).
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in (
        (r"anything after the email address", t("There is text after the address.")),
        (r"display name|angle bracket", t("It has angle brackets (< >) in the wrong place.")),
        (r"[Qq]uot", t("It has quotation marks that an email address cannot have.")),
        (
            r"bracket|IPv[46]|address literal",
            t("The part after the @-sign must be a domain name, not an IP address."),
        ),
        (r"at-sign|must have an @-sign", t("It has no @-sign.")),
        (r"something before the @-sign", t("There is nothing before the @-sign.")),
        (r"something after the @-sign", t("There is nothing after the @-sign.")),
        (r"too long before the @-sign", t("The part before the @-sign is too long.")),
        (
            r"too long after the @-sign|periods cannot be separated",
            t("The part after the @-sign is too long."),
        ),
        (r"too long", t("It is too long.")),
        (r"two periods in a row", t("It has two dots in a row.")),
        (r"two dashes|became invalid", t("The part after the @-sign is not a valid domain.")),
        (
            r"should have a period|top-level domain",
            t("The part after the @-sign does not end in a domain ending such as .dk or .com."),
        ),
        (
            r"special-use or reserved",
            t("The part after the @-sign is a reserved name that cannot receive email."),
        ),
        (r"period|hyphen", t("It has a dot or a hyphen in the wrong place.")),
        (r"character", t("It has characters an email address cannot have.")),
        (r"after the @-sign", t("The part after the @-sign is not a valid domain.")),
    )
)
# "...invalid characters before the @-sign: SPACE, '>'." (the library's list of characters),
# unless the characters are not the trouble (inside quotes, brackets or a display name).
_LISTED = re.compile(r"characters[^:(]*: (.+?)\.?$")
_NOT_LISTED = re.compile(r"[Qq]uot|bracket|display name")
_CODEPOINT = re.compile(r"Codepoint U\+(0?[0-9A-Fa-f]{4}|10[0-9A-Fa-f]{4})\b")


def library_reason(message: str) -> str:
    """Our plain reason for one of email-validator's messages: what is wrong, in plain words,
    without its terms (IDNA, UTS-46, ...). The characters it names stay in the reason."""
    message = message.removeprefix("After Unicode normalization: ")
    if _NOT_LISTED.search(message):
        return _plain_reason(message)
    listed = _LISTED.search(message)
    codepoint = _CODEPOINT.search(message)
    if listed is None and codepoint is not None:  # a character of the domain IDNA refused
        character = chr(int(codepoint.group(1), 16))
        return t(
            "The part after the @-sign has characters an email address cannot have: {characters}.",
            characters=_shown(character),
        )
    if listed is not None:
        characters = listed.group(1)
        if "before the @-sign" in message:
            return t(
                "The part before the @-sign has characters an email address cannot have: "
                "{characters}.",
                characters=characters,
            )
        if "after the @-sign" in message:
            return t(
                "The part after the @-sign has characters an email address cannot have: "
                "{characters}.",
                characters=characters,
            )
        return t(
            "It has characters an email address cannot have: {characters}.", characters=characters
        )
    return _plain_reason(message)


def _plain_reason(message: str) -> str:
    for pattern, reason in _REASONS:
        if pattern.search(message):
            return reason
    return t("This is not a valid email address.")


def _shown(character: str) -> str:
    """A character as email-validator lists it: quoted when visible, else by its name."""
    if unicodedata.category(character)[0] in "LNPS":
        return repr(character)
    return unicodedata.name(character, f"U+{ord(character):04X}")


# A local part of plain characters and precomposed Latin letters (æ, ø, å, é, ł, ...), which
# email-validator accepts as they are; its domain is then checked once per distinct domain.
_LATIN_LOCAL = re.compile(
    r"(?!')[a-z0-9!#$%&'*+/=?^_`{|}~\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f-]+"
    r"(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f-]+)*"
).fullmatch


@lru_cache(maxsize=65_536)
def _domain_triage(domain: str) -> tuple[str, str, int] | None:
    """A domain's Unicode and ASCII forms when email-validator accepts it, else None.

    The third item is the longest of the domain's spellings in UTF-8 bytes.
    """
    try:
        result = validate_email("a@" + domain, check_deliverability=False)
    except Exception:  # noqa: BLE001 - any doubt goes to the whole-address check
        return None
    unicode_form, ascii_form = result.domain.lower(), result.ascii_domain.lower()
    longest = max(len(form.encode("utf-8")) for form in (domain, unicode_form, ascii_form))
    return unicode_form, ascii_form, longest


def _split_triage(candidate: str) -> tuple[str | None, str | None] | None:
    """The fast verdict for an address with Latin letters or an IDN domain, or None."""
    local, _, domain = candidate.rpartition("@")
    if not local or _LATIN_LOCAL(local) is None:
        return None
    forms = _domain_triage(domain)
    if forms is None:
        return None
    normalized = f"{local}@{forms[0]}"
    # The local part's letters take at most two UTF-8 bytes each (all are below U+0800).
    if 2 * len(local) + 1 + forms[2] > ADDRESS_MAX:
        for form in (candidate, normalized, f"{local}@{forms[1]}"):
            if len(form.encode("utf-8")) > ADDRESS_MAX:
                return None
    return normalized, None


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
    if "@" in lowered and len(lowered) <= 1000:
        quick = _split_triage(lowered)  # a clean address with æ/ø/å or an IDN domain
        if quick is not None:
            return quick
    candidate = clean(lowered)
    if not candidate:
        return None, BLANK
    if len(candidate) <= ADDRESS_MAX and _FAST(candidate) is not None:
        return candidate, None
    if "@" not in candidate:
        return None, t("This is not an email address: it has no @-sign.")
    if candidate.count("@") > 1 and _SEPARATOR.search(candidate):
        return None, t("The cell holds more than one address.")
    if len(candidate) > 1000:
        return None, t("The cell is far too long to be an email address.")
    return _split_triage(candidate) or _library_triage(candidate)


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
