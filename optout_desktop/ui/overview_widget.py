"""Two small charts of the suppression list, drawn with QPainter: by reason and by month."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from optout_desktop.core.optouts.overview import DOMAIN, MonthCount, Overview

from .language import number

_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter
_ALIGN_BOTTOM = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom


@dataclass
class _Hit:
    """Where a bar was drawn, and what its tooltip says."""

    rect: QRectF
    text: str


class OverviewWidget(QWidget):
    """Opt-outs by reason (horizontal bars) beside new opt-outs by month (vertical bars)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewWidget")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Opt-out overview"))
        self._overview: Overview | None = None
        self._hits: list[_Hit] = []

    # ---- what is shown ------------------------------------------------------------

    def show_overview(self, overview: Overview) -> None:
        """Draw these figures (and say them to screen readers)."""
        self._overview = overview
        self.setAccessibleDescription(self.description())
        self.updateGeometry()
        self.update()

    def overview(self) -> Overview | None:
        return self._overview

    def reason_label(self, reason: str) -> str:
        """A stored reason in words (a reason this version does not know is shown as it is)."""
        labels = {
            "import": self.tr("Imported"),
            "manual": self.tr("Added by hand"),
            "unsubscribed": self.tr("Unsubscribed"),
            "bounced": self.tr("Bounced"),
            "spam": self.tr("Spam reports"),
            DOMAIN: self.tr("Whole domains"),
        }
        return labels.get(reason, reason)

    def month_label(self, month: MonthCount, narrow: bool = False) -> str:
        """The month under its bar: "Nov" or "nov.", or "N" when the bars are narrow."""
        form = QLocale.FormatType.NarrowFormat if narrow else QLocale.FormatType.ShortFormat
        return QLocale().standaloneMonthName(month.month, form)

    def description(self) -> str:
        """The figures as text, for screen readers: the same numbers as the bars."""
        overview = self._overview
        if overview is None:
            return ""
        if overview.is_empty:
            return self.tr("No opt-outs yet")
        reasons = "; ".join(
            self._item(self.reason_label(reason), count) for reason, count in overview.by_reason
        )
        months = "; ".join(
            self._item(_month_and_year(month), month.count) for month in overview.by_month
        )
        return self.tr("Opt-outs by reason: {reasons}. New opt-outs by month: {months}.").format(
            reasons=reasons, months=months
        )

    def _item(self, name: str, count: int) -> str:
        return self.tr("{name}: {count}").format(name=name, count=number(count))

    # ---- size -----------------------------------------------------------------------

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _widths(self) -> tuple[float, float, float]:
        """The reason chart's least and wanted width, and the month chart's least width."""
        fm = self.fontMetrics()
        line = fm.height()
        overview = self._overview
        if overview is not None and overview.by_reason:
            label = max(fm.horizontalAdvance(self.reason_label(r)) for r, _ in overview.by_reason)
            count = max(fm.horizontalAdvance(number(n)) for _, n in overview.by_reason)
        else:
            label, count = 7 * line, fm.horizontalAdvance(number(1_048_576))
        months = len(overview.by_month) if overview is not None else 12
        narrow = max(fm.horizontalAdvance(c) for c in "MW") + line / 2
        least = min(label, 7 * line) + count + 4 * line  # an elided label, a short bar, a count
        return least, label + count + 8 * line, max(months * narrow, 8 * line)

    def _height(self) -> int:
        """Room for the taller chart: the reasons' rows, or the months' bars and labels."""
        line = self.fontMetrics().height()
        title = QFontMetrics(self._title_font()).height() + line // 2
        rows = len(self._overview.by_reason) if self._overview is not None else 5
        return title + max(int(max(rows, 1) * line * 1.3), 6 * line) + line

    def minimumSizeHint(self) -> QSize:
        reasons, _wanted, months = self._widths()
        line = self.fontMetrics().height()
        return QSize(int(reasons + months + 2.5 * line) + 1, self._height())

    def sizeHint(self) -> QSize:
        _least, reasons, months = self._widths()
        line = self.fontMetrics().height()
        return QSize(int(reasons + max(months, 24 * line) + 2.5 * line), self._height() + 3 * line)

    # ---- painting -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._hits = []
        overview = self._overview
        if overview is None:
            return
        painter = QPainter(self)
        try:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            line = self.fontMetrics().height()
            area = QRectF(self.rect()).adjusted(line / 2, line / 2, -line / 2, -line / 2)
            if overview.is_empty:
                self._draw_empty(painter, area, self.tr("No opt-outs yet"))
                return
            gap = 1.5 * line
            least, wanted, months = self._widths()
            split = max(min(max(wanted, area.width() * 0.4), area.width() - gap - months), least)
            left = QRectF(area.left(), area.top(), split, area.height())
            right = QRectF(
                left.right() + gap, area.top(), area.width() - split - gap, area.height()
            )
            self._draw_reasons(painter, left, overview)
            self._draw_months(painter, right, overview)
        finally:
            painter.end()

    def _draw_title(self, painter: QPainter, rect: QRectF, text: str) -> float:
        """Draw a chart's title at the top of its rect; returns where the chart goes below it."""
        font = self._title_font()
        metrics = QFontMetrics(font)
        painter.save()
        painter.setFont(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), metrics.height()), elided)
        painter.restore()
        return rect.top() + metrics.height() + self.fontMetrics().height() / 2

    def _draw_empty(self, painter: QPainter, rect: QRectF, text: str) -> None:
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, _ALIGN_CENTRE | Qt.TextFlag.TextWordWrap, text)
        painter.restore()

    def _draw_reasons(self, painter: QPainter, rect: QRectF, overview: Overview) -> None:
        fm = self.fontMetrics()
        line = fm.height()
        top = self._draw_title(painter, rect, self.tr("Opt-outs by reason"))
        rows = overview.by_reason
        row_height = min(line * 1.8, max(line * 1.2, (rect.bottom() - top) / max(len(rows), 1)))
        counts = [number(n) for _, n in rows]
        count_width = max(fm.horizontalAdvance(text) for text in counts)
        labels = [self.reason_label(reason) for reason, _ in rows]
        widest = max(fm.horizontalAdvance(text) for text in labels) + 2  # + rounding
        label_width = min(widest, rect.width() * 0.45)
        bar_left = rect.left() + label_width + line / 2
        bar_room = max(rect.right() - count_width - line / 2 - bar_left, 1.0)
        largest = max(n for _, n in rows)
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        for i, ((_reason, count), label, text) in enumerate(zip(rows, labels, counts, strict=True)):
            y = top + i * row_height
            text_rect = QRectF(rect.left(), y, label_width, row_height)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width))
            painter.drawText(text_rect, _ALIGN_LEFT, elided)
            length = max(bar_room * count / largest, 2.0)
            thickness = row_height * 0.6
            bar = QRectF(bar_left, y + (row_height - thickness) / 2, length, thickness)
            painter.fillRect(bar, colour)
            painter.drawText(
                QRectF(bar.right() + line / 3, y, count_width + line, row_height), _ALIGN_LEFT, text
            )
            hit = QRectF(rect.left(), y, rect.width(), row_height)
            self._hits.append(_Hit(hit, self._item(label, count)))

    def _draw_months(self, painter: QPainter, rect: QRectF, overview: Overview) -> None:
        fm = self.fontMetrics()
        line = fm.height()
        top = self._draw_title(painter, rect, self.tr("New opt-outs by month"))
        months = overview.by_month
        column = rect.width() / len(months)
        narrow = any(fm.horizontalAdvance(self.month_label(m)) > column - 3 for m in months)
        base = rect.bottom() - 2 * line  # month names and years go below the bars
        bar_top = top + line  # a line for the counts above the tallest bar
        largest = max(m.count for m in months)
        texts = [number(m.count) for m in months]
        font, every = self._count_font(texts, column)
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        thickness = max(min(column * 0.7, column - 2, 2.5 * line), 1.0)
        for i, (month, text) in enumerate(zip(months, texts, strict=True)):
            x = rect.left() + i * column
            height = (base - bar_top) * month.count / largest if largest else 0.0
            if month.count:
                height = max(height, 2.0)
                bar = QRectF(x + (column - thickness) / 2, base - height, thickness, height)
                painter.fillRect(bar, colour)
            if month.count and (every or month.count == largest):
                painter.save()
                painter.setFont(font)
                width = QFontMetrics(font).horizontalAdvance(text) + 2
                left = min(max(x + column / 2 - width / 2, rect.left()), rect.right() - width)
                painter.drawText(
                    QRectF(left, base - height - line, width, line), _ALIGN_BOTTOM, text
                )
                painter.restore()
            painter.drawText(
                QRectF(x, base, column, line), _ALIGN_CENTRE, self.month_label(month, narrow)
            )
            self._hits.append(
                _Hit(
                    QRectF(x, top, column, rect.bottom() - top),
                    self._item(_month_and_year(month), month.count),
                )
            )
        self._draw_years(painter, rect, base + line, column, months)
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(rect.left(), base), QPointF(rect.right(), base))
        painter.restore()
        if not largest:
            self._draw_empty(
                painter,
                QRectF(rect.left(), bar_top, rect.width(), base - bar_top),
                self.tr("No new opt-outs in these months"),
            )

    def _count_font(self, texts: list[str], column: float) -> tuple[QFont, bool]:
        """The font for the counts above the month bars, and whether every count fits in its
        column (in the text's font, else a size smaller); if not, only the largest is shown."""
        font = QFont(self.font())
        for _ in range(2):
            metrics = QFontMetrics(font)
            if all(metrics.horizontalAdvance(text) <= column - 3 for text in texts):
                return font, True
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 0.85)
            else:
                font.setPixelSize(max(int(font.pixelSize() * 0.85), 1))
        return QFont(self.font()), False

    def _draw_years(
        self,
        painter: QPainter,
        rect: QRectF,
        y: float,
        column: float,
        months: tuple[MonthCount, ...],
    ) -> None:
        """The year under the first month and under each January (where there is room), and
        a tick on the axis where a year begins."""
        fm = self.fontMetrics()
        starts = [i for i, month in enumerate(months) if i == 0 or month.month == 1]
        painter.save()
        for n, i in enumerate(starts):
            x = rect.left() + i * column
            if i:
                painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
                painter.drawLine(QPointF(x, y - fm.height()), QPointF(x, y + fm.height()))
            text = str(months[i].year)  # not QLocale().toString(): a year has no "2.026"
            end = rect.left() + (starts[n + 1] if n + 1 < len(starts) else len(months)) * column
            width = fm.horizontalAdvance(text)
            left = x + max((column - width) / 2, 0.0)
            if left + width + fm.height() / 2 <= end:
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QRectF(left, y, width + 1, fm.height()), _ALIGN_LEFT, text)
        painter.restore()

    # ---- tooltips -------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = next((h for h in self._hits if h.rect.contains(QPointF(event.pos()))), None)
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), hit.text, self)
            return True
        return super().event(event)


def _month_and_year(month: MonthCount) -> str:
    """ "November 2026" or "november 2026", in the interface language."""
    return QLocale().toString(QDate(month.year, month.month, 1), "MMMM yyyy")
