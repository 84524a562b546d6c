"""Messages for people: one template per message, so the window can show them translated."""

from __future__ import annotations


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
