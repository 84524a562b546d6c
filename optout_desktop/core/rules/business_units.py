"""Business units (brands): list, add, rename, remove, and find one by name."""

from __future__ import annotations

from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ACCOUNT, BusinessUnit, ImportRun, Suppression
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.texts import t

ACCOUNT_NAME = t("Whole account")


def list_units() -> list[BusinessUnit]:
    """Every business unit, by name."""
    return list(BusinessUnit.select().order_by(BusinessUnit.name))


def scope_id(name: str | None) -> int:
    """The scope for a business unit's name; None or empty means the whole account."""
    if not name:
        return ACCOUNT
    unit = BusinessUnit.get_or_none(BusinessUnit.name == " ".join(name.split()))
    if unit is None:
        known = ", ".join(f"“{u.name}”" for u in list_units()) or t("none yet")
        raise OptOutError(
            t(
                "There is no business unit “{name}” (business units: {known}). "
                'Add it with: optout business-units --add "{command_name}"',
                name=name,
                known=known,
                command_name=name,
            )
        )
    return int(unit.id)


def _unit_id(name: str) -> int:
    """The id of an existing business unit (never the whole account)."""
    if not name.strip():
        raise OptOutError(t("Name the business unit."))
    return scope_id(name)


def scope_name(scope: int) -> str:
    """The business unit's name for a scope, or “Whole account”."""
    if scope == ACCOUNT:
        return ACCOUNT_NAME
    unit = BusinessUnit.get_or_none(BusinessUnit.id == scope)
    return str(unit.name) if unit else t("Business unit #{number}", number=str(scope))


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise OptOutError(t("A business unit needs a name."))
    if cleaned.casefold() == ACCOUNT_NAME.casefold():
        raise OptOutError(t("“{name}” is taken: it means every business unit.", name=ACCOUNT_NAME))
    return cleaned


def add_unit(name: str) -> BusinessUnit:
    """Create a business unit with a new name."""
    cleaned = _clean_name(name)
    with plain_errors(), write_transaction():  # after any other write: an import, another add
        if BusinessUnit.get_or_none(BusinessUnit.name == cleaned):
            raise OptOutError(t("There is already a business unit “{name}”.", name=cleaned))
        unit: BusinessUnit = BusinessUnit.create(name=cleaned)
    return unit


def rename_unit(old: str, new: str) -> BusinessUnit:
    """Give a business unit a new name; its opt-outs stay with it."""
    with plain_errors(), write_transaction():
        unit = BusinessUnit.get_by_id(_unit_id(old))
        cleaned = _clean_name(new)
        if cleaned != unit.name and BusinessUnit.get_or_none(BusinessUnit.name == cleaned):
            raise OptOutError(t("There is already a business unit “{name}”.", name=cleaned))
        unit.name = cleaned
        unit.save()
    return unit


def remove_unit(name: str) -> None:
    """Remove a business unit that no opt-out and no import uses."""
    scope = _unit_id(name)
    # The write lock first: on a server an import into this unit may be under way, its
    # opt-outs not yet visible; it finishes before the unit is looked at.
    with plain_errors(), write_transaction():
        used = Suppression.select().where(Suppression.scope_id == scope).exists() or (
            ImportRun.select().where(ImportRun.scope_id == scope).exists()
        )
        if used:
            raise OptOutError(
                t(
                    "The business unit “{name}” has opt-outs or imports, so it cannot be removed.",
                    name=name,
                )
            )
        BusinessUnit.delete_by_id(scope)
