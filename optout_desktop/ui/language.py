"""The interface language: Danish or English, from the settings or else the computer's locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = {"da": "Dansk", "en": "English"}
SETTING = "language"
_installed: list[QTranslator] = []


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
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if language == "da" else QLocale.Language.English,
            QLocale.Country.Denmark if language == "da" else QLocale.Country.UnitedKingdom,
        )
    )
    if language == "en":
        return True
    ours = Path(__file__).resolve().parent.parent / "resources" / "translations"
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


def number(value: int) -> str:
    """A count as the interface language writes it: 1,027,280 or 1.027.280."""
    return QLocale().toString(int(value))
