"""Which of many addresses the suppression list holds in a scope, and why: a query per batch."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from optout_desktop.core.db import dialect
from optout_desktop.core.db.lookups import RankedLookup
from optout_desktop.core.db.models import ACCOUNT, Suppression
from optout_desktop.core.optouts import domains, hashed
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.reading import digests

# Why an address is suppressed, most telling first: an address with several opt-outs is
# counted under the first of these that applies. The person's own unsubscribe, a spam report
# and a bounce say the most; then where the opt-out holds (the account, the business unit,
# the whole domain of the address).
REASONS = ("unsubscribed", "spam", "bounced", "account", "business_unit", "domain")
_OWN = {reason: rank for rank, reason in enumerate(REASONS[:3])}
_ACCOUNT, _UNIT, _DOMAIN = (REASONS.index(key) for key in ("account", "business_unit", "domain"))

# The rank of why one opt-out of an address suppresses it, as rank_of gives it, in SQL.
RANK_SQL = (
    "CASE "
    + " ".join(f"WHEN reason = '{reason}' THEN {rank:d}" for reason, rank in _OWN.items())
    + f" WHEN scope_id = {ACCOUNT:d} THEN {_ACCOUNT:d} ELSE {_UNIT:d} END"
)


def rank_of(reason: str, scope_id: int, whole_domain: bool) -> int:
    """The place in REASONS of why one opt-out suppresses an address."""
    if reason in _OWN:
        return _OWN[reason]
    if whole_domain:
        return _DOMAIN
    return _ACCOUNT if scope_id == ACCOUNT else _UNIT


class Matcher:
    """Looks batches of addresses up among the opt-outs that apply in a scope (the account's,
    the business unit's, and their whole-domain opt-outs: as eligibility.lookup does), one
    statement a batch, on a thread beside the caller: the database does a batch without
    Python's interpreter lock, so the caller reads on meanwhile. The whole-domain opt-outs
    are held in memory (they are few), each address tested against them as lookup does.
    Where the list holds hashed opt-outs (a partner's digests, forgotten people), each batch
    is looked up by its addresses' digests too, one statement per algorithm.

    It uses the caller's connection, inside the caller's transaction: the caller runs no
    other statement until close().
    """

    def __init__(self, scope_id: int) -> None:
        scopes = sorted({ACCOUNT, scope_id})
        query = Suppression.select(
            Suppression.email, Suppression.id, Suppression.scope_id, Suppression.reason
        ).where(domains.domain_rows() & in_scope(scope_id))
        self.domain_ranks: dict[int, int] = {}
        keys: list[tuple[str, int]] = []
        for key, row_id, scope, reason in query.tuples().iterator():
            keys.append((str(key), int(row_id)))
            self.domain_ranks[int(row_id)] = rank_of(str(reason), int(scope), True)
        self.cover = domains.Cover(keys)
        self.lookups = RankedLookup(dialect.connection(), (scopes[0], scopes[-1]), RANK_SQL)
        self.algorithms = hashed.algorithms_in(scope_id)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="optout-lookup")

    def submit(self, addresses: Sequence[str]) -> Future[dict[int, int]]:
        """Look a batch of distinct addresses up: the future gives each suppressed one's
        place in the batch, with the rank (in REASONS) of why."""
        return self._pool.submit(self.ranks, addresses)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def ranks(self, addresses: Sequence[str]) -> dict[int, int]:
        found = self.lookups.ranks(addresses)
        for algorithm in self.algorithms:
            keys = [digests.key_of(address, algorithm) for address in addresses]
            for position, rank in self.lookups.ranks(keys).items():
                if found.get(position, len(REASONS)) > rank:
                    found[position] = rank
        if self.cover:
            covering = self.cover.rows_covering
            for position, address in enumerate(addresses):
                rows = covering(address)
                if rows:
                    rank = min(self.domain_ranks[row] for row in rows)
                    if found.get(position, len(REASONS)) > rank:
                        found[position] = rank
        return found
