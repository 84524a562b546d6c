"""The key of a whole-domain opt-out: `@firma.dk` (one domain), `*.firma.dk` (with subdomains)."""

from __future__ import annotations

from functools import lru_cache

from email_validator import validate_email

from optout_desktop.core.errors import OptOutError
from optout_desktop.core.reading.addresses import clean
from optout_desktop.core.texts import t

EXACT = "@"
WILDCARD = "*."


def domain_key(raw: str) -> str | None:
    """The opt-out key of a cell that names a whole domain, else None.

    `@Firma.DK` gives `@firma.dk`; `*.firma.dk` (or `@*.firma.dk`) gives `*.firma.dk`. The
    domain is normalised as addresses are (lower case, Unicode), so an IDN written in
    Punycode and in Unicode is one domain.
    """
    text = clean(raw).lower()
    if text.startswith("@*."):
        prefix, rest = WILDCARD, text[3:]
    elif text.startswith(WILDCARD):
        prefix, rest = WILDCARD, text[2:]
    elif text.startswith(EXACT):
        prefix, rest = EXACT, text[1:]
    else:
        return None
    if not rest or "@" in rest:
        return None
    domain = _normal_domain(rest)
    return None if domain is None else prefix + domain


@lru_cache(maxsize=4096)
def _normal_domain(domain: str) -> str | None:
    try:
        result = validate_email("a@" + domain, check_deliverability=False)
    except Exception:  # noqa: BLE001 - anything the library refuses is not a domain
        return None
    return str(result.domain).lower()


def parse_domain(raw: str) -> str:
    """The key of a domain typed by hand; a plain message when it is not one."""
    key = domain_key(raw)
    if key is None:
        raise OptOutError(
            t(
                "“{entry}” is not a domain: write it as @firma.dk (that domain) or "
                "*.firma.dk (with its subdomains).",
                entry=raw.strip(),
            )
        )
    return key


def is_domain_key(entry: str) -> bool:
    """True for a stored whole-domain opt-out (`@d` or `*.d`), False for an address."""
    return entry[:1] == EXACT or (entry[:2] == WILDCARD and "@" not in entry)
