"""Hashed addresses: MD5 and SHA-256 digests of trimmed, lower-cased addresses, and their keys."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from optout_desktop.core.texts import t

MD5, SHA256 = "md5", "sha256"
ALGORITHMS = (MD5, SHA256)
_BY_LENGTH = {32: MD5, 64: SHA256}
_HEX = re.compile(r"[0-9a-f]+", re.ASCII).fullmatch
# Around a digest in a cell: spaces, quotes, and the apostrophe Excel puts before text.
_AROUND = " \t\r\n\"'\u00a0\ufeff"
HASHED_SHARE = 0.5  # of a column's filled cells that must be digests, for a hashed list
NOT_A_DIGEST = t("This is not an MD5 or SHA-256 digest (32 or 64 hexadecimal characters).")


def digest(address: str, algorithm: str) -> str:
    """The lowercase hex digest of an address, trimmed and lower-cased, in UTF-8 (how
    suppression-list services and partners exchange lists)."""
    return hashlib.new(algorithm, address.strip().lower().encode("utf-8")).hexdigest()


def key(algorithm: str, hex_digest: str) -> str:
    """The suppression list's entry for a hashed address: `sha256:<hex>` or `md5:<hex>`.

    No address can be such an entry: a colon is not allowed in an unquoted local part, and
    the entry has no @-sign.
    """
    return f"{algorithm}:{hex_digest}"


def key_of(address: str, algorithm: str = SHA256) -> str:
    """The entry of an address hashed with `algorithm`."""
    return key(algorithm, digest(address, algorithm))


def keys_of(address: str, algorithms: Iterable[str] = ALGORITHMS) -> tuple[str, ...]:
    """An address's entries for each algorithm (to look it up among hashed opt-outs)."""
    return tuple(key_of(address, algorithm) for algorithm in algorithms)


def is_key(entry: str) -> bool:
    """True for a hashed address's entry (never an address, nor a whole domain)."""
    return entry.startswith(("md5:", "sha256:"))


def split_key(entry: str) -> tuple[str, str]:
    """(algorithm, hex digest) of a hashed entry."""
    algorithm, _, hex_digest = entry.partition(":")
    return algorithm, hex_digest


def digest_key(cell: str) -> str | None:
    """The entry of a cell that holds an MD5 or SHA-256 digest (32 or 64 hex characters, any
    case, perhaps written `sha256:<hex>`), else None."""
    text = cell.strip(_AROUND).lower()
    algorithm, colon, rest = text.partition(":")
    if colon:
        if algorithm not in ALGORITHMS:
            return None
        text = rest.strip()
    found = _BY_LENGTH.get(len(text))
    if found is None or _HEX(text) is None or (colon and found != algorithm):
        return None
    return key(found, text)


def looks_hashed(cells: Iterable[str]) -> bool:
    """True when most filled cells of a column are digests (a hashed list, not addresses)."""
    filled = [cell for cell in cells if cell.strip()]
    if not filled:
        return False
    digests = sum(1 for cell in filled if digest_key(cell) is not None)
    return digests >= HASHED_SHARE * len(filled)
