"""The engine's English messages shown in the interface language, template by template."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from .core_messages import TEMPLATES
from .language import number

CONTEXT = "core"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})*")  # as t() writes counts; ids ("#1234") stay


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """Templates without values by their text; the others as patterns, most literal first."""
    exact: dict[str, str] = {}
    filled: list[tuple[int, re.Pattern[str], str]] = []
    for template in TEMPLATES:
        parts = _PLACEHOLDER.split(template)
        if len(parts) == 1:
            exact[template] = template
            continue
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        literal = sum(len(part) for part in parts[::2])
        filled.append((literal, re.compile(pattern, re.DOTALL), template))
    filled.sort(key=lambda entry: -entry[0])
    return exact, [(pattern, template) for _, pattern, template in filled]


def template_of(message: str) -> tuple[str, dict[str, str]] | None:
    """The template the engine filled to make this message, and the values it filled in."""
    exact, filled = _patterns()
    if message in exact:
        return message, {}
    for pattern, template in filled:
        found = pattern.fullmatch(message)
        if found:
            return template, found.groupdict()
    return None


def translated(message: str, depth: int = 0) -> str:
    """The message in the interface language; a message the engine did not template stays."""
    found = template_of(message) if depth <= 3 else None
    if found is None:
        return message
    template, values = found
    shown = {key: _value(text, depth) for key, text in values.items()}
    return QCoreApplication.translate(CONTEXT, template).format(**shown)


def _value(text: str, depth: int) -> str:
    if _WHOLE_NUMBER.fullmatch(text):
        return number(int(text.replace(",", "")))
    return translated(text, depth + 1)


def message_of(error: BaseException) -> str:
    """What to show for an engine error: its message, translated."""
    return translated(str(error))
