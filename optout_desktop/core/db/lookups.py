"""Many addresses looked up among the opt-outs in one statement, each database in its own way."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

from optout_desktop.core.db.dialect import Connection, sql
from optout_desktop.core.db.failures import DATABASE_ERRORS

# The batch goes in as one parameter (SQLite's json_each of a JSON array, PostgreSQL's unnest
# of an array) and the answer comes back as one row of two texts (the places of the
# suppressed addresses, and the rank of why for each): the database does the whole batch
# without Python's interpreter lock, so a thread can look up while another reads on.
IN_LIST = 2_000  # addresses per statement where SQLite has no JSON functions

# (With two scopes an address may have two opt-outs: each place once, with the lower rank.)
_SQLITE = (
    "SELECT group_concat(place), group_concat(rank) FROM ("
    "SELECT j.key AS place, {rank} AS rank FROM json_each(?) AS j "
    "JOIN suppression AS s ON s.email = j.value WHERE s.scope_id IN (?, ?){group})"
)
_SERVER = (
    "SELECT string_agg(place::text, ','), string_agg(rank::text, ',') FROM ("
    "SELECT j.n - 1 AS place, {rank} AS rank "
    "FROM unnest(%s::text[]) WITH ORDINALITY AS j(email, n) "
    'JOIN suppression AS s ON s.email = j.email COLLATE "C" '
    "WHERE s.scope_id IN (%s, %s){group}) AS m"
)


class RankedLookup:
    """Looks batches of addresses up among the opt-outs of two scopes (the same twice for the
    whole account alone). `rank` is an SQL expression over suppression's columns; an address
    with two opt-outs gets the lower rank.

    Uses `connection` (the caller's, in the caller's transaction) from whichever thread calls.
    """

    def __init__(self, connection: Connection, scopes: tuple[int, int], rank: str) -> None:
        self.connection = connection
        self.scopes = scopes
        self.rank = rank
        self.json = True

    def ranks(self, addresses: Sequence[str]) -> dict[int, int]:
        """The suppressed addresses of the batch: each one's place in it, and its rank."""
        if not addresses:
            return {}
        if self.connection.server:
            text = _server_sql(self.rank, self.scopes[0] != self.scopes[1])
            return _pairs(self.connection.execute(text, (list(addresses), *self.scopes)))
        if self.json:
            text = _sqlite_sql(self.rank, self.scopes[0] != self.scopes[1])
            batch = json.dumps(list(addresses), ensure_ascii=False)
            try:
                return _pairs(self.connection.execute(text, (batch, *self.scopes)))
            except DATABASE_ERRORS as error:
                if "json_each" not in str(error):
                    raise
                self.json = False  # an SQLite built without its JSON functions
        return self._in_lists(addresses)

    def _in_lists(self, addresses: Sequence[str]) -> dict[int, int]:
        place = dict(zip(addresses, range(len(addresses)), strict=True))
        per = self.connection.rows_per_statement(1, IN_LIST + 2) - 2
        found: dict[int, int] = {}
        for start in range(0, len(addresses), per):
            part = addresses[start : start + per]
            text = _in_list_sql(self.rank, len(part), self.connection.marker)
            for email, rank in self.connection.execute(text, (*part, *self.scopes)).fetchall():
                if found.get(place[email], rank + 1) > rank:
                    found[place[email]] = rank
        return found


def _pairs(cursor: object) -> dict[int, int]:
    """The two texts of places and ranks (in the same order) as {place: rank}."""
    places, ranks = cursor.fetchone()  # type: ignore[attr-defined]
    if not places:
        return {}
    return dict(zip(map(int, places.split(",")), map(int, ranks.split(",")), strict=True))


@lru_cache(maxsize=8)
def _sqlite_sql(rank: str, two_scopes: bool) -> str:
    if two_scopes:
        return _SQLITE.format(rank=f"MIN({rank})", group=" GROUP BY j.key")
    return _SQLITE.format(rank=rank, group="")


@lru_cache(maxsize=8)
def _server_sql(rank: str, two_scopes: bool) -> str:
    if two_scopes:
        return _SERVER.format(rank=f"MIN({rank})", group=" GROUP BY j.n")
    return _SERVER.format(rank=rank, group="")


@lru_cache(maxsize=8)
def _in_list_sql(rank: str, count: int, marker: str) -> str:
    marks = ", ".join(["?"] * count)
    return sql(
        f"SELECT email, {rank} FROM suppression WHERE email IN ({marks}) AND scope_id IN (?, ?)",
        marker,
    )
