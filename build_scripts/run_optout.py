"""Entry script PyInstaller freezes as the console `optout` (see optout.spec)."""

import multiprocessing
import sys

from optout_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen helper process starts here, not the app
    sys.exit(main())
