"""The interface language: Danish or English, from the settings or else the computer's locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTimeZone,
    QTranslator,
)

LANGUAGES = {"da": "Dansk", "en": "English"}
SETTING = "language"
_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed last (the window's, whatever chose it)


def chosen_language(settings: QSettings) -> str:
    """The language the user chose, else Danish on a Danish computer, else English."""
    chosen = str(settings.value(SETTING, "") or "")
    if chosen in LANGUAGES:
        return chosen
    return "da" if QLocale.system().language() == QLocale.Language.Danish else "en"


def install(app: QCoreApplication, language: str) -> bool:
    """Load our translation and Qt's own (buttons of standard dialogs); True when loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[:] = [language]
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if language == "da" else QLocale.Language.English,
            QLocale.Country.Denmark if language == "da" else QLocale.Country.UnitedKingdom,
        )
    )
    ours = Path(__file__).resolve().parent.parent / "resources" / "translations"
    if language == "en":  # English needs only its plural forms ("1 contact", "2 contacts")
        translator = QTranslator(app)
        if translator.load("optout_en", str(ours)):
            app.installTranslator(translator)
            _installed.append(translator)
        return True
    candidates = [
        (ours, f"optout_{language}"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
    ]
    loaded = False
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded = loaded or name.startswith("optout_")
    return loaded


def local_time(moment: object) -> str:
    """A stored moment (a datetime, or ISO text in UTC) in the computer's time zone, as the
    interface language writes dates: 27.11.2026 14.05 in Danish."""
    text = moment.isoformat() if hasattr(moment, "isoformat") else str(moment)
    when = QDateTime.fromString(text.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not when.isValid():
        return text
    if when.timeSpec() == Qt.TimeSpec.LocalTime and "+" not in text[10:]:
        when.setTimeZone(QTimeZone.utc())  # stored without a zone: the store keeps UTC
    if (
        QLocale().language() == QLocale.Language.C
    ):  # no language set (LANG=C): ISO, not "27 11 2026"
        return when.toLocalTime().toString("yyyy-MM-dd HH:mm")
    return QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat)


def number(value: int) -> str:
    """A count as the interface language writes it: 1,027,280 or 1.027.280."""
    return QLocale().toString(int(value))


def current() -> str:
    """The language the window speaks: the one installed last, else the computer's."""
    if _current:
        return _current[0]
    return "da" if QLocale().language() == QLocale.Language.Danish else "en"


def list_separator() -> str:
    """The separator Excel expects in a CSV on this computer: ";" where a comma is the
    decimal point (Danish settings), else ",". The window's language counts too, so a
    Danish window offers what Danish Excel opens."""
    commas = {QLocale.system().decimalPoint(), QLocale().decimalPoint()}
    return ";" if "," in commas else ","


def excel_date_format() -> str:
    """How a workbook's date cells show the date and time, in the window's language
    (Excel's notation): 05-12-2026 14:49 in Danish, 2026-12-05 14:49 in English."""
    return "dd-mm-yyyy hh:mm" if current() == "da" else "yyyy-mm-dd hh:mm"
