"""The engine's English messages shown in the interface language, template by template."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLocale

from optout_desktop.core.texts import Templates, Translation

from .core_messages import TEMPLATES
from .language import number

CONTEXT = "core"


@lru_cache(maxsize=1)
def _templates() -> Templates:
    return Templates(TEMPLATES)


def template_of(message: str) -> tuple[str, dict[str, str]] | None:
    """The template the engine filled to make this message, and the values it filled in."""
    return _templates().template_of(message)


def translated(message: str) -> str:
    """The message in the interface language; a message the engine did not template stays."""
    return _templates().translate(message, _in_language, number)


def _in_language(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def translation() -> Translation:
    """The engine's messages in the interface language as it is now, for work that runs in
    a helper process (a Translation needs no Qt)."""
    templates = {template: _in_language(template) for template in TEMPLATES}
    return Translation(templates, QLocale().groupSeparator())


def message_of(error: BaseException) -> str:
    """What to show for an engine error: its message, translated."""
    return translated(str(error))
