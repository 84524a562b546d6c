"""The engine's English messages come back in Danish in the window, values and all."""

from __future__ import annotations

import string
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import by_hand
from optout_desktop.core.reading import addresses
from optout_desktop.ui import core_messages, language
from optout_desktop.ui.core_text import message_of, template_of, translated

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def danish(qapp: Any) -> Any:
    assert language.install(QApplication.instance(), "da")
    yield
    language.install(QApplication.instance(), "en")


def test_the_list_of_templates_is_current() -> None:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    import translations

    assert list(core_messages.TEMPLATES) == translations.core_templates(), (
        "run: python build_scripts/translations.py"
    )


def test_every_template_is_found_again_from_its_filled_text() -> None:
    for template in core_messages.TEMPLATES:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        message = template.format(**{name: f"«{name} value»" for name in names})
        found = template_of(message)
        assert found is not None and found[0] == template, (template, found)


def test_english_stays_as_the_engine_wrote_it(qapp: Any) -> None:
    for raw in ("ikke en adresse", "a@@b.dk", "jens@", "a..b@firma.dk", "x@localhost"):
        _address, reason = addresses.triage(raw)
        assert reason and template_of(reason) is not None, reason
        assert translated(reason) == reason


def test_an_invalid_address_reason_in_danish(danish: Any) -> None:
    _address, reason = addresses.triage("ikke en adresse")
    assert reason is not None
    shown = translated(reason)
    assert shown != reason and "@" in shown


def test_an_engine_error_in_danish_keeps_its_values(danish: Any, db: Any) -> None:
    with pytest.raises(OptOutError) as caught:
        by_hand.add_manual("jens@@firma.dk", 0)
    shown = message_of(caught.value)
    assert "jens@@firma.dk" in shown
    assert shown != str(caught.value)
    english_reason = str(caught.value).split(": ", 1)[1]
    assert english_reason not in shown  # the embedded reason is translated too
