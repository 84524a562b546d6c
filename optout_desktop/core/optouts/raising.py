"""Stronger reasons kept: an import raises an opt-out's reason; its undo brings the reason back.

An opt-out has its own reason (the one its owner gave: an import, or a person by hand) and
imports that also list the address claim it, each with the reason it gave. The opt-out shows
the strongest of these (reasons.strength; an equal one does not replace it), and when an
opt-out is raised above its own reason the raised_reason table keeps its own reason and what
it was raised to. Undoing an import takes its claims away, and the opt-outs it had raised go
back to the strongest reason still asked for. A reason set by hand since (by_hand only ever
strengthens) is not one an import raised to, and stays.

Each function works on the rows of the temporary table `reasoned`, set-based, in the
caller's write transaction.
"""

from __future__ import annotations

from functools import lru_cache

from optout_desktop.core.db.dialect import sql
from optout_desktop.core.db.models import database
from optout_desktop.core.optouts.reasons import strength_sql as s

NO_RUN = -1  # an import id no import has


def _prepare() -> None:
    database.obj.execute_sql("CREATE TEMP TABLE IF NOT EXISTS reasoned (id INTEGER PRIMARY KEY)")
    database.obj.execute_sql(
        "CREATE TEMP TABLE IF NOT EXISTS settled (id INTEGER PRIMARY KEY, own TEXT, best TEXT)"
    )


def _run(text: str, params: tuple[object, ...] = ()) -> int:
    """Run a statement written with ? placeholders; gives the rows it changed."""
    cursor = database.obj.execute_sql(sql(text), params)
    return max(int(cursor.rowcount or 0), 0)


@lru_cache(maxsize=4)
def _best_claims(among: str, live: str) -> str:
    """The strongest claim of each opt-out whose id the SELECT `among` gives, of the claims
    `live` (a condition on the claim c and its import r) keeps, the earliest of equal ones:
    a set of (suppression_id, reason), one row each (a window, not a query per opt-out)."""
    return (
        "(SELECT suppression_id, reason FROM (SELECT c.suppression_id, c.reason, "
        f"row_number() OVER (PARTITION BY c.suppression_id ORDER BY {s('c.reason')} DESC, "
        "c.import_run_id) AS n FROM import_claim AS c "
        "JOIN import_run AS r ON r.id = c.import_run_id WHERE c.email = '' "
        f"AND c.suppression_id IN ({among}) AND {live}) AS ranked WHERE n = 1)"
    )


_OWN = "CASE WHEN k.raised_to = x.reason THEN k.own ELSE x.reason END"  # (x, its k)
_LIVE = "(r.state = 'completed' OR c.import_run_id = ?)"


def raise_claimed(run_id: int) -> int:
    """After an import claimed opt-outs, raise those it gave a stronger reason than they
    have; returns how many were raised. (Each showed the strongest reason asked for before,
    so the new one is the import's own: two statements, however many.)"""
    stronger = f"c.import_run_id = ? AND c.email = '' AND {s('c.reason')} > {s('x.reason')}"
    _run(
        f"INSERT INTO raised_reason (suppression_id, own, raised_to) SELECT x.id, {_OWN}, "
        "c.reason "
        "FROM import_claim AS c JOIN suppression AS x ON x.id = c.suppression_id "
        f"LEFT JOIN raised_reason AS k ON k.suppression_id = x.id WHERE {stronger} "
        "ON CONFLICT (suppression_id) DO UPDATE SET own = excluded.own, "
        "raised_to = excluded.raised_to",
        (int(run_id),),
    )
    return _run(
        "UPDATE suppression SET reason = c.reason FROM import_claim AS c "
        f"WHERE c.suppression_id = suppression.id AND {stronger.replace('x.', 'suppression.')}",
        (int(run_id),),
    )


def capture(run_id: int) -> None:
    """Before an import's claims are taken away: note the opt-outs whose reason it raised
    (and which still show that reason), to settle() once they are gone."""
    _prepare()
    _run(
        "INSERT INTO reasoned (id) SELECT x.id FROM import_claim AS c "
        "JOIN suppression AS x ON x.id = c.suppression_id "
        "JOIN raised_reason AS k ON k.suppression_id = x.id "
        "WHERE c.import_run_id = ? AND c.email = '' AND c.reason = x.reason "
        "AND k.raised_to = x.reason",
        (int(run_id),),
    )


def note(ids_sql: str, params: tuple[object, ...] = ()) -> None:
    """Note opt-outs to settle(): those whose ids the SELECT `ids_sql` gives."""
    _prepare()
    _run(f"INSERT INTO reasoned (id) SELECT DISTINCT id FROM ({ids_sql}) AS noted", params)


def settle(running: int = NO_RUN) -> int:
    """Give each noted opt-out the strongest of its own reason and its live claims' reasons
    (the import `running` counts as live); returns how many changed reason."""
    _prepare()
    best = _best_claims("SELECT id FROM reasoned", _LIVE)
    _run(
        "INSERT INTO settled (id, own, best) SELECT id, own, CASE WHEN best IS NOT NULL AND "
        f"{s('best')} > {s('own')} THEN best ELSE own END FROM (SELECT x.id AS id, "
        f"{_OWN} AS own, b.reason AS best FROM reasoned AS n "
        "JOIN suppression AS x ON x.id = n.id "
        "LEFT JOIN raised_reason AS k ON k.suppression_id = x.id "
        f"LEFT JOIN {best} AS b ON b.suppression_id = x.id) AS found",
        (int(running),),
    )
    _run("DELETE FROM raised_reason WHERE suppression_id IN (SELECT id FROM settled)")
    _run(
        "INSERT INTO raised_reason (suppression_id, own, raised_to) "
        "SELECT id, own, best FROM settled WHERE best <> own"
    )
    changed = _run(
        "UPDATE suppression SET reason = r.best FROM settled AS r "
        "WHERE suppression.id = r.id AND suppression.reason <> r.best"
    )
    _run("DELETE FROM reasoned")
    _run("DELETE FROM settled")
    return changed


def count_restored(run_id: int) -> int:
    """How many opt-outs undoing an import would give back a weaker reason (reads only)."""
    mine = "c.import_run_id = ? AND c.email = '' AND c.reason = x.reason AND k.raised_to = x.reason"
    raised = (
        "SELECT x.id FROM import_claim AS c JOIN suppression AS x ON x.id = c.suppression_id "
        f"JOIN raised_reason AS k ON k.suppression_id = x.id WHERE {mine}"
    )
    others = _best_claims(raised, "r.state = 'completed' AND c.import_run_id <> ?")
    row = database.obj.execute_sql(
        sql(
            "SELECT count(*) FROM (SELECT x.reason AS now, k.own AS own, b.reason AS best "
            "FROM import_claim AS c JOIN suppression AS x ON x.id = c.suppression_id "
            "JOIN raised_reason AS k ON k.suppression_id = x.id "
            f"LEFT JOIN {others} AS b ON b.suppression_id = x.id WHERE {mine}) AS restoring "
            f"WHERE CASE WHEN best IS NOT NULL AND {s('best')} > {s('own')} THEN best "
            "ELSE own END <> now"
        ),
        (int(run_id), int(run_id), int(run_id)),
    ).fetchone()
    return int(row[0])
