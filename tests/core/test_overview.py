"""The overview: opt-outs by reason and by local month, counted in SQL, and its two charts."""

from __future__ import annotations

import csv
import datetime as dt
import sys
import time
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from optout_desktop.core.db import models
from optout_desktop.core.db.models import ImportRun, Suppression
from optout_desktop.core.optouts import by_hand, domains, imports
from optout_desktop.core.optouts.overview import DOMAIN, MonthCount, Overview, suppression_overview
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units
from optout_desktop.ui.overview_widget import OverviewWidget

DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="time.tzset is POSIX only")


def optout(path: Path, emails: Iterable[str], scope_id: int = models.ACCOUNT) -> ImportRun:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email"])
        writer.writerows([email] for email in emails)
    plan = imports.plan_optouts(open_source(path), "Email", scope_id)
    return imports.run_optouts(plan, plan.counts.valid)


def suppress_at(stamps: dict[str, int], reason: str = "manual") -> None:
    """`count` opt-outs created at each UTC timestamp."""
    rows = [
        {"email": f"n{n}.{stamp[:19].replace(':', '')}@x.dk", "reason": reason, "created_at": stamp}
        for stamp, count in stamps.items()
        for n in range(count)
    ]
    Suppression.insert_many(rows).execute()


@pytest.fixture
def local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's time zone is Copenhagen's (CET in winter, CEST in summer)."""
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def locale() -> Iterator[None]:
    """The default locale is put back after a test that changes it."""
    before = QLocale()
    QLocale.setDefault(ENGLISH)
    yield
    QLocale.setDefault(before)


# ---- the counts ----------------------------------------------------------------------


def test_counts_by_reason_with_whole_domains_on_their_own(db: Any, tmp_path: Path) -> None:
    optout(tmp_path / "a.csv", ["a@x.dk", "b@x.dk", "c@x.dk", "@competitor.dk"])
    by_hand.add_manual("d@x.dk", models.ACCOUNT)
    by_hand.add_manual("e@x.dk", models.ACCOUNT, reason=by_hand.UNSUBSCRIBED)
    by_hand.add_manual("a@x.dk", models.ACCOUNT, reason=by_hand.UNSUBSCRIBED)  # import -> unsub.
    domains.add_domain("*.firma.dk")
    Suppression.create(email="f@x.dk", reason="bounced")
    Suppression.create(email="g@x.dk", reason="bounced")
    Suppression.create(email="h@x.dk", reason="spam")
    Suppression.create(email="i@x.dk", reason="complaint")  # a reason from a later version

    overview = suppression_overview()

    assert overview.by_reason == (  # largest first; a tie in the order of REASONS
        ("import", 2),
        ("bounced", 2),
        ("unsubscribed", 2),
        (DOMAIN, 2),  # @competitor.dk (import) and *.firma.dk (by hand)
        ("spam", 1),
        ("manual", 1),
        ("complaint", 1),
    )
    assert overview.total == Suppression.select().count() == 11
    assert not overview.is_empty


def test_counts_in_a_business_unit_include_the_accounts(db: Any, tmp_path: Path) -> None:
    shop = business_units.add_unit("Shop").id
    other = business_units.add_unit("Other").id
    optout(tmp_path / "account.csv", ["a@x.dk", "b@x.dk"])
    optout(tmp_path / "shop.csv", ["c@x.dk", "@shop.dk"], scope_id=shop)
    by_hand.add_manual("d@x.dk", other)

    assert dict(suppression_overview(scope_id=shop).by_reason) == {"import": 3, DOMAIN: 1}
    assert dict(suppression_overview(scope_id=other).by_reason) == {"import": 2, "manual": 1}
    assert suppression_overview().total == 5


def test_months_oldest_first_with_empty_months_and_a_new_year(db: Any) -> None:
    suppress_at(
        {
            "2024-09-15T12:00:00Z": 7,  # before the window: not counted by month
            "2024-10-15T12:00:00Z": 3,
            "2024-12-10T12:00:00Z": 2,
            "2025-01-15T12:00:00Z": 4,
            "2025-03-14T12:00:00Z": 5,
            "2025-04-15T12:00:00Z": 9,  # after this month (a wrong clock): not counted
        }
    )
    overview = suppression_overview(6, today=dt.date(2025, 3, 20))
    assert overview.by_month == (
        MonthCount(2024, 10, 3),
        MonthCount(2024, 11, 0),
        MonthCount(2024, 12, 2),
        MonthCount(2025, 1, 4),
        MonthCount(2025, 2, 0),
        MonthCount(2025, 3, 5),
    )
    assert overview.total == 30  # every opt-out counts by reason, whenever it was made
    assert suppression_overview(1, today=dt.date(2025, 3, 1)).by_month == (MonthCount(2025, 3, 5),)


def test_twelve_months_by_default_ending_this_month(db: Any) -> None:
    today = dt.date.today()
    Suppression.create(email="now@x.dk", reason="manual")  # created now
    months = suppression_overview().by_month
    assert [m.count for m in months] == [0] * 11 + [1]
    assert (months[-1].year, months[-1].month) == (today.year, today.month)
    steps = [b.year * 12 + b.month - (a.year * 12 + a.month) for a, b in pairwise(months)]
    assert steps == [1] * 11  # twelve months in a row


@posix_only
def test_a_month_is_a_calendar_month_of_local_time(db: Any, local_time: None) -> None:
    suppress_at(
        {
            "2024-12-31T22:59:59Z": 1,  # 23:59:59 on 31 December in Copenhagen
            "2024-12-31T23:00:00Z": 2,  # midnight: 1 January in Copenhagen, 31 Dec in UTC
            "2025-01-31T22:59:59Z": 4,
            "2025-06-30T21:59:59Z": 8,  # summer time: 23:59:59 on 30 June
            "2025-06-30T22:00:00Z": 16,  # 1 July
        }
    )
    months = suppression_overview(8, today=dt.date(2025, 7, 5)).by_month
    assert [(m.month, m.count) for m in months] == [
        (12, 1),
        (1, 2 + 4),
        (2, 0),
        (3, 0),
        (4, 0),
        (5, 0),
        (6, 8),
        (7, 16),
    ]


def test_limits_are_checked(db: Any) -> None:
    with pytest.raises(ValueError):
        suppression_overview(0)
    with pytest.raises(ValueError):
        suppression_overview(121)


def test_an_empty_list(db: Any) -> None:
    overview = suppression_overview(3, today=dt.date(2025, 1, 10))
    assert overview.is_empty and overview.by_reason == ()
    assert overview.by_month == (
        MonthCount(2024, 11, 0),
        MonthCount(2024, 12, 0),
        MonthCount(2025, 1, 0),
    )


def test_the_counts_are_sql_not_python(db: Any) -> None:
    """Counting reads a handful of result rows, however many opt-outs there are."""
    suppress_at({"2025-01-15T12:00:00Z": 3000})
    fetched: list[int] = []
    execute = db.execute_sql

    def counting(sql: str, params: Any = None, *args: Any) -> Any:
        cursor = execute(sql, params, *args)
        rows = cursor.fetchall()
        fetched.append(len(rows))
        return iter_cursor(rows)

    db.execute_sql = counting
    try:
        overview = suppression_overview(today=dt.date(2025, 1, 20))
    finally:
        del db.execute_sql
    assert overview.total == overview.by_month[-1].count == 3000
    assert fetched and sum(fetched) <= 10


class iter_cursor:  # noqa: N801 - a stand-in for a cursor
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def fetchall(self) -> list[Any]:
        return self.rows

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)


# ---- the charts ------------------------------------------------------------------------


def colours(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    }


def sample() -> Overview:
    months = [(2024, 11, 1200), (2024, 12, 0), (2025, 1, 48_576), (2025, 2, 310)]
    return Overview(
        (("import", 1_048_576), ("manual", 1500), ("unsubscribed", 12), (DOMAIN, 3)),
        tuple(MonthCount(*month) for month in months),
    )


def shown(qtbot: QtBot, overview: Overview, size: tuple[int, int] = (700, 260)) -> Any:
    widget = OverviewWidget()
    qtbot.addWidget(widget)
    widget.show_overview(overview)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_charts_are_drawn_with_the_figures_for_screen_readers(
    qtbot: QtBot, locale: None
) -> None:
    widget = shown(qtbot, sample())
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() >= 700
    bar = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    assert bar in colours(image)  # the bars are there
    assert len(colours(image)) > 10  # and text: more than a background and one colour

    assert widget.accessibleName() == "Opt-out overview"
    text = widget.accessibleDescription()
    for figure in ("Imported: 1,048,576", "Added by hand: 1,500", "Whole domains: 3"):
        assert figure in text
    for figure in ("November 2024: 1,200", "December 2024: 0", "January 2025: 48,576"):
        assert figure in text
    assert widget.minimumSizeHint().width() <= 700


def test_danish_month_names_and_numbers(qtbot: QtBot, locale: None) -> None:
    QLocale.setDefault(DANISH)
    widget = shown(qtbot, sample())
    text = widget.accessibleDescription()
    assert "1.048.576" in text and "januar 2025: 48.576" in text
    assert widget.month_label(MonthCount(2025, 1, 0)) == "jan."
    assert not widget.grab().isNull()


def test_the_charts_repaint_at_any_size(qtbot: QtBot, locale: None) -> None:
    widget = shown(qtbot, sample())
    for size in ((300, 120), (1400, 500), (widget.minimumSizeHint().width(), 150)):
        widget.resize(*size)
        image = widget.grab().toImage()
        assert image.width() == size[0] and len(colours(image)) > 2


def test_the_empty_state(qtbot: QtBot, db: Any, locale: None) -> None:
    overview = suppression_overview(12)
    widget = shown(qtbot, overview)
    assert widget.accessibleDescription() == "No opt-outs yet"
    image = widget.grab().toImage()
    assert len(colours(image)) > 1  # the words are drawn
    bar = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    assert bar not in colours(image)


def test_no_new_opt_outs_in_the_months_shown(qtbot: QtBot, locale: None) -> None:
    quiet = Overview((("import", 5),), (MonthCount(2025, 1, 0), MonthCount(2025, 2, 0)))
    widget = shown(qtbot, quiet)
    assert "January 2025: 0" in widget.accessibleDescription()
    assert len(colours(widget.grab().toImage())) > 2


def test_dates_follow_the_language_and_are_iso_without_one(local_time: None, locale: None) -> None:
    """History dates: 27.11.2026 14.30 in Danish; with no language set (LANG=C), the ISO
    2026-11-27 14:30 rather than Qt's bare "27 11 2026"."""
    from optout_desktop.ui.language import local_time as shown_time

    QLocale.setDefault(DANISH)
    assert shown_time("2026-11-27T13:30:00Z") == "27.11.2026 14.30"
    QLocale.setDefault(QLocale.c())
    assert shown_time("2026-11-27T13:30:00Z") == "2026-11-27 14:30"
