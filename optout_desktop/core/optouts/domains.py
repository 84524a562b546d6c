"""Whole-domain opt-outs: `@firma.dk` (one domain) and `*.firma.dk` (with its subdomains)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import peewee as pw

from optout_desktop.core.db import dialect
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ACCOUNT, Contact, ImportRun, Suppression, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.optouts import by_hand, changes  # (by_hand: a module, for the cycle)
from optout_desktop.core.reading.domain_keys import EXACT, WILDCARD, parse_domain
from optout_desktop.core.rules.business_units import scope_name

_BATCH = 400  # addresses per IN (...) list, well within SQLite's limit on parameters


def domain_rows() -> Any:  # a peewee expression
    """Rows that are whole-domain opt-outs (two range scans of the address index)."""
    email = Suppression.email
    exact = (email >= EXACT) & (email < "A")  # "A" follows "@" in code-point order
    wildcard = (email >= WILDCARD) & (email < "*/") & pw.Expression(email, "NOT LIKE", "%@%")
    return exact | wildcard


@lru_cache(maxsize=65_536)
def _wildcards(domain: str) -> tuple[str, ...]:
    """`*.a.firma.dk`, `*.firma.dk` for `a.firma.dk`: never a bare top-level domain."""
    labels = domain.split(".")
    return tuple(WILDCARD + ".".join(labels[i:]) for i in range(len(labels) - 1))


@lru_cache(maxsize=65_536)
def _address_keys(domain: str) -> tuple[str, ...]:
    return (EXACT + domain, *_wildcards(domain))


def keys_covering(entry: str) -> tuple[str, ...]:
    """The domain keys that would cover an address or a domain key (not the entry itself)."""
    if entry[:1] == EXACT:
        return _wildcards(entry[1:])
    if entry[:2] == WILDCARD and "@" not in entry:
        return _wildcards(entry[2:])[1:]
    return _address_keys(entry.rpartition("@")[2])


class Cover:
    """Whole-domain opt-outs held in memory, to test many entries against them quickly."""

    def __init__(self, rows: Iterable[tuple[str, int]]) -> None:
        self.rows: dict[str, list[int]] = {}
        for key, row_id in rows:
            self.rows.setdefault(key, []).append(row_id)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def rows_covering(self, entry: str) -> list[int]:
        """The ids of the domain opt-outs that cover an entry."""
        rows = self.rows
        return [row for key in keys_covering(entry) if key in rows for row in rows[key]]

    def covers(self, entry: str) -> bool:
        rows = self.rows
        return any(key in rows for key in keys_covering(entry))


def _scopes(scope_id: int) -> list[int]:
    return sorted({ACCOUNT, scope_id})


def load_cover(scope_id: int, exclude_run: int | None = None) -> Cover:
    """The domain opt-outs that apply in a scope (leaving out one import's own, if given)."""
    query = Suppression.select(Suppression.email, Suppression.id).where(
        domain_rows() & Suppression.scope_id.in_(_scopes(scope_id))
    )
    if exclude_run is not None:
        query = query.where(
            Suppression.import_run.is_null() | (Suppression.import_run != exclude_run)
        )
    return Cover((str(key), int(row_id)) for key, row_id in query.tuples().iterator())


# What covered_predicate looks up for an entry {e}: "#" and the entry for a domain key (the
# keys_covering of an entry is not its own), "@" and the domain for an address.
_LOOKUP = (
    "CASE WHEN substr({e}, 1, 1) = '@' OR (substr({e}, 1, 2) = '*.' AND {find}({e}, '@') = 0) "
    "THEN '#' || {e} ELSE '@' || substr({e}, {find}({e}, '@') + 1) END"
)
# The lookups of a table's entries that a domain opt-out covers. Each distinct lookup is
# cut at its "@" and at each "." after it (the tails t); a tail "@d" finds the opt-outs @d
# and *.d, a tail ".d" finds *.d, never a bare top-level domain, never the entry itself.
_COVERED = (
    "WITH RECURSIVE entry(v) AS (SELECT DISTINCT {lookup} FROM {table}), "
    "tail(v, t) AS (SELECT v, CASE WHEN substr(v, 1, 1) = '#' THEN substr(v, 2) ELSE v END "
    "FROM entry UNION ALL SELECT v, substr(t, 1 + {find}(substr(t, 2), '.')) FROM tail "
    "WHERE {find}(substr(t, 2), '.') > 0) "
    "SELECT tail.v FROM tail JOIN suppression AS k ON k.email IN ("
    "CASE WHEN substr(t, 1, 1) = '@' THEN t END, "
    "CASE WHEN substr(t, 1, 1) IN ('@', '.') AND {find}(substr(t, 2), '.') > 0 "
    "THEN '*.' || substr(t, 2) END) "
    "AND k.scope_id IN (?, ?) AND k.email <> substr(tail.v, 2)"
)


def covered_predicate(email: pw.Field, scope_id: int) -> Any | None:
    """SQL that is true when a domain opt-out in the scope covers `email`; None if none can.

    The same test as Cover.covers, in SQL: the distinct domains of `email`'s table are
    looked up once (a scan of the table), then each row's domain in that short list. An
    entry with two "@" is judged by its first, where Cover takes its last (no valid entry
    has two).
    """
    scopes = _scopes(scope_id)
    if not Suppression.select().where(domain_rows() & Suppression.scope_id.in_(scopes)).exists():
        return None
    find = dialect.find_function()
    column = f'"{email.column_name}"'
    covered = _COVERED.format(
        lookup=_LOOKUP.format(e=column, find=find),
        table=f'"{email.model._meta.table_name}"',
        find=find,
    )
    parts: list[Any] = []
    for text in _LOOKUP.format(e="{e}", find=find).split("{e}"):
        parts += [pw.SQL(text), email]
    lookup = pw.NodeList(parts[:-1], glue="")
    scope_params = [scopes[0], scopes[-1]]
    return pw.NodeList(
        (lookup, pw.SQL("IN"), pw.SQL(f"({dialect.sql(covered)})", scope_params)), parens=True
    )


def _emails_covered(field: pw.Field, keys: Sequence[str], where: Any = None) -> set[str]:
    """The addresses in a table's column that one of these domain keys covers (one scan
    per batch of keys)."""
    cover = Cover((key, 0) for key in keys)
    found: set[str] = set()
    for start in range(0, len(keys), _BATCH // 2):
        condition = None
        for key in keys[start : start + _BATCH // 2]:
            domain = key[1:] if key[:1] == EXACT else key[2:]
            part = field.endswith("@" + domain)
            if key[:1] != EXACT:
                part = part | field.endswith("." + domain)
            condition = part if condition is None else condition | part
        if where is not None:
            condition = condition & where
        query = field.model.select(field).where(condition).tuples()
        found.update(email for (email,) in query.iterator() if cover.covers(email))
    return found


def contacts_covered(keys: Sequence[str]) -> set[str]:
    """Contacts whose address one of these domain keys covers (one scan per batch of keys)."""
    return _emails_covered(Contact.email, keys)


def count_contacts_newly_covered(
    keys: Sequence[str], scope_id: int, listed: set[str], exclude_run: int | None = None
) -> int:
    """Contacts that these new domain keys suppress and nothing suppressed before.

    Contacts listed by address (`listed`) are counted with the addresses; `exclude_run` is
    the import that wrote the keys, whose own rows do not count as "before".
    """
    candidates = sorted(contacts_covered(keys) - listed)
    if not candidates:
        return 0
    before = load_cover(scope_id, exclude_run)
    exact: set[str] = set()
    for start in range(0, len(candidates), _BATCH):
        batch = candidates[start : start + _BATCH]
        query = Suppression.select(Suppression.email).where(
            Suppression.email.in_(batch) & Suppression.scope_id.in_(_scopes(scope_id))
        )
        exact.update(str(row.email) for row in query)
    return sum(1 for email in candidates if email not in exact and not before.covers(email))


@dataclass
class DomainEntry:
    """What adding a domain by hand did."""

    domain: str
    business_unit: str
    outcome: str  # "added" or "unchanged"
    contacts: int  # contacts at the domain (they stay contacts, and billable)
    unsubscribed: int = 0  # of them, those nothing suppressed before in this scope
    history_id: int | None = None  # the history entry that records it (none when unchanged)

    def as_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "business_unit": self.business_unit,
            "outcome": self.outcome,
            "contacts": self.contacts,
            "unsubscribed": self.unsubscribed,
            "history_id": self.history_id,
        }


def _rows(keys: Sequence[str]) -> Any:
    return (
        Suppression.select(Suppression, ImportRun)
        .join(ImportRun, join_type=pw.JOIN.LEFT_OUTER)
        .where(Suppression.email.in_(list(keys)))
        .order_by(Suppression.created_at, Suppression.id)
    )


def _described(row: Suppression) -> dict[str, Any]:
    return {
        "domain": row.email,
        "subdomains": row.email.startswith(WILDCARD),
        "scope_id": int(row.scope_id),
        "business_unit": scope_name(row.scope_id),
        "reason": row.reason,
        "since": row.created_at,
        "import_id": row.import_run_id,
        "file_name": row.import_run.file_name if row.import_run else None,
    }


@dataclass
class DomainLookup:
    """One domain looked up in a scope: is it opted out (by which entries), where else, and
    what opting it out would touch."""

    domain: str  # the key: "@firma.dk" or "*.firma.dk"
    scope_id: int
    business_unit: str
    blocks: list[dict[str, Any]]  # the domain opt-outs that apply here (itself or wider)
    elsewhere: list[str]  # business units (not this scope) with an opt-out of it of their own
    contacts: int  # contacts at the domain
    unsubscribed: int  # contacts that opting it out here would suppress, nothing before
    listed: int  # addresses at the domain that are opted out here already

    @property
    def blocked(self) -> bool:
        return bool(self.blocks)

    def as_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "business_unit": self.business_unit,
            "blocked": self.blocked,
            "blocks": self.blocks,
            "elsewhere": self.elsewhere,
            "contacts": self.contacts,
            "unsubscribed": self.unsubscribed,
            "listed": self.listed,
        }


def look_up_domain(raw: str, scope_id: int = ACCOUNT) -> DomainLookup:
    """Whether a domain is opted out in a scope and by what, and what opting it out by hand
    would touch there; it writes nothing."""
    key = parse_domain(raw)
    keys = [key, *keys_covering(key)]
    scopes = _scopes(scope_id)
    with plain_errors():
        rows = [_described(row) for row in _rows(keys)]
        contacts = len(contacts_covered([key]))
        unsubscribed = count_contacts_newly_covered([key], scope_id, set())
        listed = len(
            _emails_covered(
                Suppression.email, [key], Suppression.scope_id.in_(scopes) & ~domain_rows()
            )
        )
    applying = [row for row in rows if row["scope_id"] in scopes]
    others = sorted({row["business_unit"] for row in rows if row["scope_id"] not in scopes})
    return DomainLookup(
        key, scope_id, scope_name(scope_id), applying, others, contacts, unsubscribed, listed
    )


def elsewhere(entry: str, scope_id: int = ACCOUNT) -> list[str]:
    """The business units, other than this scope, whose own opt-outs hold an address or a
    domain key (itself, or a whole domain that covers it): what a look-up in this scope does
    not count, and should still mention."""
    keys = [entry, *keys_covering(entry)]
    with plain_errors():
        query = (
            Suppression.select(Suppression.scope_id)
            .where(Suppression.email.in_(keys) & Suppression.scope_id.not_in(_scopes(scope_id)))
            .distinct()
        )
        return sorted({scope_name(int(row.scope_id)) for row in query})


def add_domain(raw: str, scope_id: int = ACCOUNT, note: str = "") -> DomainEntry:
    """Opt out a whole domain by hand (reason "manual"), kept in the history (kind "domain",
    with the contacts it suppressed) in the same transaction."""
    key = parse_domain(raw)
    history_id = None
    with plain_errors(), write_transaction():
        exists = (
            Suppression.select()
            .where((Suppression.email == key) & (Suppression.scope_id == scope_id))
            .exists()
        )
        unsubscribed = 0
        if not exists:
            unsubscribed = count_contacts_newly_covered([key], scope_id, set())
            Suppression.create(
                email=key, scope_id=scope_id, reason=by_hand.MANUAL, created_at=now(), note=note
            )
            history_id = changes.record(
                changes.DOMAIN,
                key,
                scope_id,
                new=1,
                domains=1,
                contacts=unsubscribed,
                column=by_hand.MANUAL,
            ).id
    return DomainEntry(
        key,
        scope_name(scope_id),
        "unchanged" if exists else "added",
        len(contacts_covered([key])),
        unsubscribed,
        None if history_id is None else int(history_id),
    )


def list_domains(scope_id: int | None = None) -> list[dict[str, Any]]:
    """Every whole-domain opt-out (or those that apply in a scope), by domain."""
    query = (
        Suppression.select(Suppression, ImportRun)
        .join(ImportRun, join_type=pw.JOIN.LEFT_OUTER)
        .where(domain_rows())
        .order_by(Suppression.email, Suppression.scope_id)
    )
    if scope_id is not None:
        query = query.where(Suppression.scope_id.in_(_scopes(scope_id)))
    return [
        {
            "domain": row.email,
            "subdomains": row.email.startswith(WILDCARD),
            "business_unit": scope_name(row.scope_id),
            "reason": row.reason,
            "since": row.created_at,
            "import_id": row.import_run_id,
            "file_name": row.import_run.file_name if row.import_run else None,
        }
        for row in query
    ]
