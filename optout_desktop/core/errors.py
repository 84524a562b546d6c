"""The errors the engine reports to people, each with a plain-language message."""

from optout_desktop.core.texts import t


class OptOutError(Exception):
    """A problem the user can understand and fix; its message is shown as it is."""


class SourceError(OptOutError):
    """The chosen file cannot be read as a table of addresses."""


class ConfirmationError(OptOutError):
    """The typed confirmation does not match what the import would do."""


class StoreError(OptOutError):
    """The suppression list's database cannot be opened or changed."""


class LoginRefused(StoreError):
    """The database server wants a password (or another one): ask, then try again."""


class Cancelled(OptOutError):
    """The user cancelled a running import; nothing was written."""

    def __init__(self, message: str = "") -> None:  # (a message, for pickling's sake)
        super().__init__(message or t("The import was cancelled; nothing was written."))
