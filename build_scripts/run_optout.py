"""Entry script PyInstaller freezes as the console `optout` (see optout.spec)."""

import sys

from optout_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
