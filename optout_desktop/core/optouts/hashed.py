"""Hashed opt-outs (a partner's digests, forgotten people): which rows they are, and by address."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from optout_desktop.core.db.models import Contact, Suppression
from optout_desktop.core.optouts import domains
from optout_desktop.core.optouts.import_table import batches, in_scope
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.reading.scanning import RefusedRow

# The note of an opt-out kept as the SHA-256 of a person who asked to be forgotten: no import
# owns it, so no undo lifts it, and an address with that digest is never written in plain.
FORGOTTEN = "forgotten"
# An address in a cell of text (a refused row, a note): what lies between separators.
_WORD = re.compile(r"[^\s,;<>()\[\]\"']+@[^\s,;<>()\[\]\"']+")
_BATCH = 400  # contacts looked up per statement


def hashed_rows(algorithm: str | None = None) -> Any:  # a peewee expression
    """Rows whose entry is a digest (`md5:<hex>`, `sha256:<hex>`): two range scans of the
    address index (";" follows ":"), or one for one algorithm."""
    email = Suppression.email
    ranges = [(email >= f"{name}:") & (email < f"{name};") for name in _names(algorithm)]
    return ranges[0] if len(ranges) == 1 else ranges[0] | ranges[1]


def _names(algorithm: str | None) -> tuple[str, ...]:
    return digests.ALGORITHMS if algorithm is None else (algorithm,)


def algorithms_in(scope_id: int | None = None) -> tuple[str, ...]:
    """The algorithms of the hashed opt-outs that apply in a scope (all scopes for None)."""
    found = []
    for algorithm in digests.ALGORITHMS:
        query = Suppression.select().where(hashed_rows(algorithm))
        if scope_id is not None:
            query = query.where(in_scope(scope_id))
        if query.exists():
            found.append(algorithm)
    return tuple(found)


class Forgotten:
    """The SHA-256 digests of the people who were forgotten: their addresses are never written
    in plain again (an import writes the digest instead; a contacts import leaves them out)."""

    def __init__(self, hex_digests: Iterable[str] = ()) -> None:
        self.digests = set(hex_digests)

    @classmethod
    def load(cls) -> Forgotten:
        query = Suppression.select(Suppression.email).where(
            hashed_rows(digests.SHA256) & (Suppression.note == FORGOTTEN)
        )
        return cls(digests.split_key(str(email))[1] for (email,) in query.tuples().iterator())

    def __bool__(self) -> bool:
        return bool(self.digests)

    def key_for(self, address: str) -> str | None:
        """The entry that stands for this address if its person was forgotten, else None."""
        hex_digest = digests.digest(address, digests.SHA256)
        return digests.key(digests.SHA256, hex_digest) if hex_digest in self.digests else None

    def entries(self, addresses: list[str]) -> list[str]:
        """The addresses, each forgotten person's as its digest's entry (the same list when
        nobody was forgotten)."""
        if not self.digests:
            return addresses
        key_for = self.key_for
        return [key_for(a) or a if a[:1] != "@" and "@" in a else a for a in addresses]

    def mentions(self, text: str) -> bool:
        """True when a text (a refused cell, a note) holds a forgotten person's address."""
        if not self.digests or "@" not in text:
            return False
        for word in _WORD.findall(text):
            address = triage(word)[0] or word.lower()
            if self.key_for(address) is not None:
                return True
        return False


def count_contacts(
    keys: set[str], scope_id: int, algorithms: Sequence[str], run_id: int | None = None
) -> int:
    """Contacts whose address a hashed list's entries (`keys`) name and that nothing
    suppressed in the scope before (`run_id`: the import that wrote the keys, whose own rows
    do not count as "before"). Every contact is hashed once per algorithm."""
    if not keys or not algorithms:
        return 0
    matched: list[str] = []
    for (email,) in Contact.select(Contact.email).tuples().iterator():
        if any(digests.key_of(email, algorithm) in keys for algorithm in algorithms):
            matched.append(str(email))
    before: set[str] = set()
    for batch in batches(matched, _BATCH // 4):
        own = {email: _keys(email) for email in batch}
        wanted = sorted({entry for entries in own.values() for entry in entries})
        query = Suppression.select(Suppression.email).where(
            Suppression.email.in_(wanted) & in_scope(scope_id)
        )
        if run_id is not None:
            query = query.where(
                Suppression.import_run.is_null() | (Suppression.import_run != run_id)
            )
        present = {str(row.email) for row in query}
        before.update(email for email, entries in own.items() if present.intersection(entries))
    return len(matched) - len(before)


def _keys(email: str) -> tuple[str, ...]:
    return (email, *domains.keys_covering(email), *digests.keys_of(email))


def redacted(refused: Sequence[RefusedRow], forgotten: Forgotten) -> Sequence[RefusedRow]:
    """The refused rows to keep with an import, each cell that holds a forgotten person's
    address left empty (its row number and why stay)."""
    if not forgotten:
        return refused
    return [
        replace(row, raw_value="") if forgotten.mentions(row.raw_value) else row for row in refused
    ]
