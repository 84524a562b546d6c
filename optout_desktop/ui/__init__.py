"""The Qt window, its dialogs, table models and the import worker."""

from . import none_guard as _none_guard  # noqa: F401 - must run before any Qt model is used
