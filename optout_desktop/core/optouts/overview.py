"""The suppression list at a glance: opt-outs by reason, and new opt-outs month by month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import Suppression, database
from optout_desktop.core.optouts.by_hand import STRENGTH
from optout_desktop.core.optouts.domains import domain_rows
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.optouts.reasons import PARTNER

DOMAIN = "domain"  # not a stored reason: whole-domain opt-outs (@firma.dk), whatever their reason
# The reasons the suppression table stores: import, bounced, spam, ..., and a partner's list.
REASONS = (*STRENGTH, PARTNER)
MAX_MONTHS = 120


@dataclass(frozen=True)
class MonthCount:
    """New opt-outs in one calendar month of the computer's local time."""

    year: int
    month: int  # 1 to 12
    count: int


@dataclass(frozen=True)
class Overview:
    """Opt-outs by reason (largest first, none that are 0; a tie in the order of REASONS, then
    DOMAIN, then any other reason) and new opt-outs by month (oldest first, all of them)."""

    by_reason: tuple[tuple[str, int], ...]
    by_month: tuple[MonthCount, ...]

    @property
    def total(self) -> int:
        """Every opt-out on the list (an address suppressed in two scopes counts twice)."""
        return sum(count for _, count in self.by_reason)

    @property
    def is_empty(self) -> bool:
        return self.total == 0


def suppression_overview(
    limit_months: int = 12, *, scope_id: int | None = None, today: dt.date | None = None
) -> Overview:
    """Count the opt-outs by reason and the new ones in each of the last `limit_months`
    calendar months up to this one (local time), in the database (two scans of the table;
    only the counts come back to Python).

    A whole-domain opt-out counts under DOMAIN, not its stored reason. `scope_id` limits
    the counts to the opt-outs that apply in a business unit (the account's and its own).
    """
    if not 1 <= limit_months <= MAX_MONTHS:
        raise ValueError(f"limit_months must be 1 to {MAX_MONTHS}, not {limit_months}")
    months = month_list(today or dt.date.today(), limit_months)
    with plain_errors(), database.obj.atomic():  # one snapshot for both counts
        reasons = reason_counts(scope_id)
        per_month = month_counts(months, scope_id)
    ordered = sorted(reasons.items(), key=lambda item: (-item[1], _rank(item[0])))
    return Overview(
        tuple((reason, count) for reason, count in ordered if count),
        tuple(MonthCount(y, m, n) for (y, m), n in zip(months, per_month, strict=True)),
    )


def _rank(reason: str) -> tuple[int, str]:
    order = (*REASONS, DOMAIN)
    return (order.index(reason) if reason in order else len(order), reason)


def _count(condition: Any = None) -> Any:  # a peewee expression
    """count(*), or count(*) FILTER (WHERE condition): counted in the same scan."""
    counted = pw.fn.COUNT(pw.SQL("*"))
    return counted if condition is None else counted.filter(condition)


def _within(scope_id: int | None, condition: Any = None) -> Any:  # a peewee expression
    """The condition, limited to the opt-outs that apply in a scope when one is given."""
    scoped = None if scope_id is None else in_scope(scope_id)
    if condition is None or scoped is None:
        return scoped if condition is None else condition
    return condition & scoped


def _rows(query: pw.Query) -> list[tuple[Any, ...]]:
    """A small query's rows as the database gives them."""
    return list(database.obj.execute_sql(*query.sql()).fetchall())


def reason_counts(scope_id: int | None = None) -> dict[str, int]:
    """Opt-outs per stored reason, with whole-domain opt-outs under DOMAIN instead.

    SQLite has no hash aggregation: a GROUP BY reason sorts every row (0.3 s a million), so
    the known reasons are counted side by side in one scan; any other reason, and the
    domains (a range of the address index), are grouped on their own few rows.
    """
    known = Suppression.select(_count(), *(_count(Suppression.reason == r) for r in REASONS))
    if scope_id is not None:
        known = known.where(in_scope(scope_id))
    [(total, *each)] = _rows(known)
    counts = dict(zip(REASONS, map(int, each), strict=True))
    if total > sum(counts.values()):
        counts.update(_grouped(~Suppression.reason.in_(REASONS), scope_id))
    for reason, count in _grouped(domain_rows(), scope_id).items():
        counts[reason] = counts.get(reason, 0) - count
        counts[DOMAIN] = counts.get(DOMAIN, 0) + count
    return counts


def _grouped(condition: Any, scope_id: int | None) -> dict[str, int]:
    query = (
        Suppression.select(Suppression.reason, _count())
        .where(_within(scope_id, condition))
        .group_by(Suppression.reason)
    )
    return {str(reason): int(count) for reason, count in _rows(query)}


def month_list(today: dt.date, count: int) -> list[tuple[int, int]]:
    """(year, month) of the `count` calendar months up to and including today's, oldest first."""
    last = today.year * 12 + today.month - 1
    return [(n // 12, n % 12 + 1) for n in range(last - count + 1, last + 1)]


def month_start(year: int, month: int) -> str:
    """Local midnight on the first of a month (month 13 is next January) as stored UTC text."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    start = dt.datetime(year, month, 1).astimezone(dt.UTC)  # local time, summer time and all
    return start.strftime("%Y-%m-%dT%H:%M:%SZ")


def month_counts(months: list[tuple[int, int]], scope_id: int | None = None) -> list[int]:
    """New opt-outs in each (year, month): one scan of those months' rows.

    Timestamps are stored as UTC text, which sorts in time order, so a month is the range
    between two local midnights written as UTC text. Each row's month is found by halving
    (four comparisons for twelve months), then the months are counted side by side: a
    GROUP BY would sort every row, twice as slow. The OFFSET 0 (SQLite: LIMIT -1 OFFSET 0)
    keeps the database from copying the month test into each count (neither merges a
    limited subquery into an aggregate).
    """
    starts = [month_start(year, month) for year, month in months]
    starts.append(month_start(months[-1][0], months[-1][1] + 1))
    created = Suppression.created_at
    window = (created >= starts[0]) & (created < starts[-1])
    month = _month_index(created, starts, 0, len(months)).alias("month")
    rows = Suppression.select(month).where(_within(scope_id, window)).offset(0)
    query = rows.select_from(*(_count(rows.c.month == i) for i in range(len(months))))
    [counts] = _rows(query)
    return [int(n) for n in counts]


def _month_index(created: Any, starts: list[str], low: int, high: int) -> Any:
    """SQL for which of months low..high-1 a timestamp falls in, by halving the range."""
    if high - low == 1:
        return pw.Value(low)
    middle = (low + high) // 2
    return pw.Case(
        None,
        [(created < starts[middle], _month_index(created, starts, low, middle))],
        _month_index(created, starts, middle, high),
    )
