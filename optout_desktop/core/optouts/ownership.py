"""Claims: imports that also asked for an opt-out someone else made first, to inherit it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from optout_desktop.core.db.dialect import Connection, sql
from optout_desktop.core.db.models import ACCOUNT, database
from optout_desktop.core.optouts import raising, reasons
from optout_desktop.core.optouts.domains import Cover

# A claim names the reason its import gave (the opt-out shows the strongest: raising.py).
_COLUMNS = "INSERT INTO import_claim (suppression_id, import_run_id, email, reason)"
# A claim that is there already is left as it is (SQLite: after INSERT ... SELECT, only once
# the SELECT has a WHERE clause).
_IGNORE = "ON CONFLICT DO NOTHING"
# An import's claims live while it is completed; an undone one's are deleted with it.
_LIVE = "r.state = 'completed'"


@lru_cache(maxsize=8)
def _conflict_sql(rows: int, marker: str) -> str:
    return sql(
        f"{_COLUMNS} SELECT id, ?, '', ? FROM suppression WHERE email IN "
        f"({','.join(['?'] * rows)}) AND scope_id IN (?, ?) "
        f"AND import_run_id IS DISTINCT FROM ? {_IGNORE}",
        marker,
    )


def claim_existing(
    connection: Connection,
    addresses: Sequence[str],
    run_id: int,
    scope_id: int,
    reason: str = "import",
) -> None:
    """Claim, for `reason`, the opt-outs that already held some of these addresses (one
    statement, of at most rows_per_statement(1) addresses: five more values are bound)."""
    statement = _conflict_sql(len(addresses), connection.marker)
    connection.execute(statement, [run_id, reason, *addresses, ACCOUNT, scope_id, run_id])


def claim_incoming(
    connection: Connection,
    run_id: int,
    scope_id: int,
    reason: str | None = None,
    table: str = "incoming_address",
) -> None:
    """Claim the opt-outs that already held addresses of the incoming_address table (an
    import by StagingWriter: one statement for all of them, in the claims' order), or of
    another `table` of an import's entries, for `reason`, or for each row's own (the
    table's reason column) when it is None.

    No ON CONFLICT: the import is new, its addresses distinct, and its other claims (of
    domain opt-outs) name an address, so none of these can be there already.
    """
    said = "a.reason" if reason is None else "?"
    connection.execute(
        sql(
            f"{_COLUMNS} SELECT s.id, {int(run_id):d}, '', {said} FROM {table} AS a "
            "JOIN suppression AS s ON s.email = a.email "
            f"AND s.scope_id IN ({ACCOUNT:d}, {int(scope_id):d}) "
            f"WHERE s.import_run_id IS DISTINCT FROM {int(run_id):d} ORDER BY s.id",
            connection.marker,
        ),
        () if reason is None else (reason,),
    )


def claim_covered(
    connection: Connection,
    addresses: Sequence[str],
    cover: Cover,
    run_id: int,
    reason: str = "import",
) -> list[str]:
    """Claim, for `reason`, the domain opt-outs that cover some of these addresses; returns
    the others."""
    free: list[str] = []
    pairs: list[tuple[int, str]] = []
    for address in addresses:
        rows = cover.rows_covering(address)
        if rows:
            pairs.extend((row, address) for row in rows)
        else:
            free.append(address)
    per = connection.rows_per_statement(4)
    for start in range(0, len(pairs), per):
        batch = pairs[start : start + per]
        values = ",".join(["(?, ?, ?, ?)"] * len(batch))
        connection.execute(
            sql(f"{_COLUMNS} VALUES {values} {_IGNORE}", connection.marker),
            [cell for row, email in batch for cell in (row, run_id, email, reason)],
        )
    return free


def claim_account_cover(connection: Connection, run_id: int) -> None:
    """A business unit's import: claim the whole-account opt-outs that cover its rows."""
    connection.execute(
        sql(
            f"{_COLUMNS} SELECT account.id, ?, '', mine.reason FROM suppression AS mine "
            "JOIN suppression AS account ON account.email = mine.email AND account.scope_id = ? "
            f"WHERE mine.import_run_id = ? {_IGNORE}"
        ),
        (run_id, ACCOUNT, run_id),
    )


@dataclass(frozen=True)
class Withdrawal:
    """What withdrawing some opt-outs does: how many are lifted, how many pass on."""

    lift: int  # rows deleted: nobody else asked for them
    keep: int  # rows that pass to a later import that also lists them
    domains: int  # of the lifted, whole-domain opt-outs


def count_withdrawal(condition: str, params: Sequence[Any] = ()) -> Withdrawal:
    """Count, without changing anything, what withdrawing the rows `condition` selects does.

    `condition` is SQL on suppression's columns with ? placeholders (as are hand_over's).
    """
    row = database.obj.execute_sql(
        sql(
            "SELECT count(*), count(*) FILTER (WHERE claimed), count(*) FILTER (WHERE NOT "
            "claimed AND (substr(email, 1, 1) = '@' OR (substr(email, 1, 2) = '*.' "
            "AND email NOT LIKE '%@%'))) FROM ("
            "SELECT s.email, EXISTS (SELECT 1 FROM import_claim AS c JOIN import_run AS r "
            f"ON r.id = c.import_run_id WHERE c.suppression_id = s.id AND {_LIVE}) AS claimed "
            f"FROM suppression AS s WHERE {condition}) AS withdrawing"
        ),
        params,
    ).fetchone()
    total, keep, domains = int(row[0]), int(row[1]), int(row[2])
    return Withdrawal(total - keep, keep, domains)


def hand_over(condition: str, params: Sequence[Any] = ()) -> Withdrawal:
    """Withdraw the rows `condition` selects: each passes to the earliest import that still
    claims it (in that import's scope), the rest are lifted. Call inside a transaction.

    The temporary tables are emptied at the end, and a failure rolls them back with the rest.
    Unqualified, their names find them before any table of the database (SQLite searches the
    temp schema first, PostgreSQL its pg_temp).
    """
    db = database.obj
    counts = count_withdrawal(condition, params)
    for statement in (
        "CREATE TEMP TABLE IF NOT EXISTS withdrawn (id INTEGER PRIMARY KEY)",
        "CREATE TEMP TABLE IF NOT EXISTS kept "
        "(id INTEGER PRIMARY KEY, import_run_id INTEGER, created_at TEXT, reason TEXT)",
        "CREATE TEMP TABLE IF NOT EXISTS heir "
        "(email TEXT, scope_id INTEGER, import_run_id INTEGER, created_at TEXT, reason TEXT)",
    ):
        db.execute_sql(statement)
    db.execute_sql(
        sql(f"INSERT INTO withdrawn SELECT id FROM suppression WHERE {condition}"), params
    )
    # An address claimed by an import of its own scope passes to the earliest such import in
    # place (cheaper than deleting and inserting it: the address index is left alone).
    # (The earliest import's start is looked up after the grouping: a column beside min() in
    # a GROUP BY would be SQLite's alone.)
    db.execute_sql(
        "INSERT INTO kept SELECT m.id, m.import_run_id, started.started_at, asked.reason FROM ("
        "SELECT s.id AS id, min(c.import_run_id) AS import_run_id "
        "FROM withdrawn AS w JOIN suppression AS s ON s.id = w.id "
        "JOIN import_claim AS c ON c.suppression_id = s.id "
        f"JOIN import_run AS r ON r.id = c.import_run_id WHERE {_LIVE} "
        "AND r.scope_id = s.scope_id AND c.email = '' GROUP BY s.id) AS m "
        "JOIN import_run AS started ON started.id = m.import_run_id "
        "JOIN import_claim AS asked ON asked.suppression_id = m.id "
        "AND asked.import_run_id = m.import_run_id AND asked.email = ''"
    )
    # It takes the reason that import gave, then the strongest its other claims give.
    db.execute_sql(
        "UPDATE suppression SET import_run_id = k.import_run_id, created_at = k.created_at, "
        "reason = k.reason, note = '' FROM kept AS k WHERE suppression.id = k.id"
    )
    db.execute_sql("DELETE FROM raised_reason WHERE suppression_id IN (SELECT id FROM kept)")
    db.execute_sql(
        "DELETE FROM import_claim WHERE (suppression_id, import_run_id) IN "
        "(SELECT id, import_run_id FROM kept)"
    )
    db.execute_sql("DELETE FROM withdrawn WHERE id IN (SELECT id FROM kept)")
    db.execute_sql("DELETE FROM raised_reason WHERE suppression_id IN (SELECT id FROM withdrawn)")
    db.execute_sql(
        "INSERT INTO heir SELECT CASE c.email WHEN '' THEN s.email ELSE c.email END, "
        "r.scope_id, c.import_run_id, r.started_at, c.reason FROM import_claim AS c "
        "JOIN import_run AS r ON r.id = c.import_run_id JOIN suppression AS s "
        f"ON s.id = c.suppression_id WHERE s.id IN (SELECT id FROM withdrawn) AND {_LIVE}"
    )
    db.execute_sql("DELETE FROM import_claim WHERE suppression_id IN (SELECT id FROM withdrawn)")
    db.execute_sql("DELETE FROM suppression WHERE id IN (SELECT id FROM withdrawn)")
    # The earliest claimer of each address and scope gets the opt-out, with that import's
    # start; an opt-out that exists already stays.
    db.execute_sql(
        "INSERT INTO suppression (email, scope_id, reason, import_run_id, created_at, note) "
        "SELECT email, scope_id, reason, import_run_id, created_at, '' FROM ("
        "SELECT email, scope_id, reason, import_run_id, created_at, row_number() OVER ("
        "PARTITION BY email, scope_id ORDER BY import_run_id) AS n FROM heir) AS ranked "
        "WHERE n = 1 ON CONFLICT (email, scope_id) DO NOTHING"
    )
    # The other claimers now claim the opt-out that holds the address in their scope.
    db.execute_sql(
        f"{_COLUMNS} SELECT s.id, h.import_run_id, '', h.reason FROM heir AS h "
        "JOIN suppression AS s ON s.email = h.email AND s.scope_id = h.scope_id "
        f"WHERE s.import_run_id IS DISTINCT FROM h.import_run_id {_IGNORE}"
    )
    # Those it passed to, in place or anew, show the strongest reason still asked for: those
    # that another import claims for a stronger reason than the one they now have are raised.
    stronger = reasons.strength_sql("c.reason") + " > " + reasons.strength_sql("s.reason")
    raising.note(
        "SELECT s.id FROM kept AS k JOIN suppression AS s ON s.id = k.id "
        "JOIN import_claim AS c ON c.suppression_id = s.id AND c.email = '' "
        f"JOIN import_run AS r ON r.id = c.import_run_id WHERE {_LIVE} AND {stronger} "
        "UNION SELECT s.id FROM heir AS c JOIN suppression AS s "
        f"ON s.email = c.email AND s.scope_id = c.scope_id WHERE {stronger}"
    )
    raising.settle()
    for table in ("withdrawn", "kept", "heir"):
        db.execute_sql(f"DELETE FROM {table}")
    return counts
