"""Messages for people: one template per message, so the window can show them translated."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def t(template: str, /, **values: object) -> str:
    """Fill a message template; whole numbers get thousands separators (1,048,576).

    The English text is what the engine and the command line show. The window finds the
    template again from the text (see ui/core_text.py) and shows its translation, so every
    message a person may read is written through this function with a literal template.
    """
    if not values:
        return template
    shown = {
        key: f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
        for key, value in values.items()
    }
    return template.format(**shown)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})*")  # as t() writes counts; ids ("#1234") stay


class Templates:
    """Finds the template a message was filled from (and the values filled in), among
    many: templates without values by their text, the others as patterns, most literal
    first."""

    def __init__(self, templates: Iterable[str]) -> None:
        self.exact: set[str] = set()
        filled: list[tuple[int, re.Pattern[str], str]] = []
        for template in templates:
            parts = _PLACEHOLDER.split(template)
            if len(parts) == 1:
                self.exact.add(template)
                continue
            pattern = "".join(
                re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
                for index, part in enumerate(parts)
            )
            literal = sum(len(part) for part in parts[::2])
            filled.append((literal, re.compile(pattern, re.DOTALL), template))
        filled.sort(key=lambda entry: -entry[0])
        self.filled = [(pattern, template) for _, pattern, template in filled]

    def template_of(self, message: str) -> tuple[str, dict[str, str]] | None:
        """The template the engine filled to make this message, and the values it filled in."""
        if message in self.exact:
            return message, {}
        for pattern, template in self.filled:
            found = pattern.fullmatch(message)
            if found:
                return template, found.groupdict()
        return None

    def translate(
        self,
        message: str,
        template_in: Callable[[str], str],
        number: Callable[[int], str],
        depth: int = 0,
    ) -> str:
        """The message with its template in another language (`template_in`) and its counts
        as that language writes them (`number`), values translated too; an unknown message
        stays as it is."""
        found = self.template_of(message) if depth <= 3 else None
        if found is None:
            return message
        template, values = found
        shown = {
            key: number(int(text.replace(",", "")))
            if _WHOLE_NUMBER.fullmatch(text)
            else self.translate(text, template_in, number, depth + 1)
            for key, text in values.items()
        }
        return template_in(template).format(**shown)


class Translation:
    """The engine's messages in the window's language, without Qt: the window fills it from
    its translations, so that work done in a helper process writes for people in their
    language. A callable (message -> text) that can be sent to another process."""

    def __init__(self, templates: dict[str, str], thousands: str = ",") -> None:
        self.templates = templates  # each English template: its translation
        self.thousands = thousands  # how the language groups a count's digits
        self._matcher: Templates | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"templates": self.templates, "thousands": self.thousands}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["templates"], state["thousands"])  # type: ignore[misc]

    def __call__(self, message: str) -> str:
        if self._matcher is None:
            self._matcher = Templates(self.templates)
        return self._matcher.translate(message, self._template_in, self._number)

    def _template_in(self, template: str) -> str:
        return self.templates.get(template) or template

    def _number(self, value: int) -> str:
        return f"{value:,}".replace(",", self.thousands)
