"""Make the Linux .deb from the frozen bundle: /opt/optout-desktop, a menu entry, commands on PATH.

Run: python build_scripts/make_deb.py [BUNDLE] [OUT_FOLDER]   (build.py runs it; needs dpkg-deb)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from optout_desktop import __version__  # noqa: E402

PACKAGE = "optout-desktop"
ICONS = ROOT / "optout_desktop" / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What the bundle takes from the system rather than shipping it: the C library, OpenGL/EGL,
# fonts, GLib and D-Bus, and the X11 (xcb) and Wayland client libraries Qt's platform
# plugins load. The t64 names are Ubuntu 24.04's and Debian 13's; the plain ones Debian 12's.
DEPENDS = [
    "libc6 (>= 2.28)",
    "libstdc++6",
    "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1-3",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
]

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=OptOut Desktop
GenericName=Email suppression list
Comment=Keep your email suppression list on this computer: import people who opted out
Exec=optout-desktop %f
Icon=optout-desktop
Terminal=false
Categories=Office;Database;
Keywords=email;unsubscribe;opt-out;suppression;GDPR;
MimeType=text/csv;text/plain;text/tab-separated-values;\
application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;\
application/vnd.ms-excel;application/vnd.oasis.opendocument.spreadsheet;
"""


def architecture() -> str:
    """The Debian architecture of this machine (amd64, arm64, …)."""
    done = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _control(installed_kib: int) -> str:
    return "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {__version__}",
            f"Architecture: {architecture()}",
            "Maintainer: OptOut Desktop team <optout-desktop@localhost>",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(DEPENDS)}",
            "Section: mail",
            "Priority: optional",
            "Description: keep an email suppression list on this computer, offline",
            " OptOut Desktop imports files of people who must never get marketing email",
            " again (CSV or Excel), marks every address as unsubscribed, and exports the",
            " suppression list. It needs no network. Commands: optout-desktop (the window)",
            " and optout (the command line).",
            "",
        ]
    )


def _lay_out(bundle: Path, root: Path) -> None:
    """The package's files under `root`, as they will be on the installed system."""
    opt = root / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for command in ("optout-desktop", "optout"):
        # Relative, so the links also work in a scratch root made with `dpkg -x`.
        (bin_dir / command).symlink_to(f"../../opt/{PACKAGE}/{command}")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in PNG_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(ICONS / f"{PACKAGE}-{size}.png", folder / f"{PACKAGE}.png")
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / f"{PACKAGE}.svg", scalable / f"{PACKAGE}.svg")
    docs = root / "usr" / "share" / "doc" / PACKAGE
    docs.mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", docs / "README.md")
    for path in [root, *root.rglob("*")]:  # dpkg wants 0755 folders, whatever our umask is
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def make_deb(bundle: Path, out: Path) -> Path:
    """Package the bundle; returns the path of the .deb written into `out`."""
    if not (bundle / "optout-desktop").is_file():
        raise SystemExit(f"no frozen app in {bundle}: run build_scripts/build.py first")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is missing: apt-get install dpkg-dev")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="optout-deb-") as scratch:
        root = Path(scratch) / "root"
        _lay_out(bundle, root)
        size = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
        (root / "DEBIAN").mkdir(mode=0o755)
        (root / "DEBIAN" / "control").write_text(_control(size // 1024 + 1), encoding="utf-8")
        deb = out / f"{PACKAGE}_{__version__}_{architecture()}.deb"
        command = ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root)]
        subprocess.run([*command, str(deb)], check=True, stdout=subprocess.DEVNULL)
    return deb


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / PACKAGE
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dist"
    deb = make_deb(bundle, out)
    print(f"wrote {deb} ({deb.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
