"""Entry script PyInstaller freezes as the windowed `optout-desktop` (see optout.spec)."""

import sys

from optout_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
