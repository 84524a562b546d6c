"""The Qt window, its dialogs, table models and the import worker."""
