"""Build the frozen app with PyInstaller (dist/optout-desktop/), then this platform's installer.

Run: python build_scripts/build.py [--no-installer] [--no-clean]   (needs the `build` extra)
"""

# The installer: Linux, the .deb (needs dpkg-deb); Windows, the Inno Setup installer (needs
# iscc.exe); macOS, the .dmg (build_scripts/make_macos_dmg.sh, with hdiutil).

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_scripts" / "optout.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "optout-desktop"
ICONS = ROOT / "optout_desktop" / "resources" / "icons"


def tree_size(path: Path) -> int:
    """Bytes taken by the files under `path` (symbolic links are not followed)."""
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def largest_items(bundle: Path, count: int = 10) -> list[tuple[int, Path]]:
    """The biggest files in the bundle, as `du -a | sort -n | tail` would list them."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(((p.stat().st_size, p) for p in files), key=lambda item: -item[0])[:count]


def by_part(bundle: Path) -> list[tuple[int, str]]:
    """What takes the space, by part: Qt's libraries, Qt's plugins, Python, the rest."""
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    parts = {
        "Qt libraries (PySide6/Qt/lib)": tree_size(qt / "lib"),
        "Qt plugins (PySide6/Qt/plugins)": tree_size(qt / "plugins"),
        "PySide6 + shiboken6 bindings": tree_size(internal / "PySide6")
        + tree_size(internal / "shiboken6")
        - tree_size(qt),
    }
    # libpython (or python3XX.dll), the standard library's zip and its compiled modules.
    python = [*internal.glob("libpython*"), *internal.glob("python3*"), *internal.glob("*.pyd")]
    python += [internal / "base_library.zip"]
    parts["Python runtime"] = sum(tree_size(p) for p in python if p.exists())
    parts["executables"] = sum(p.stat().st_size for p in bundle.iterdir() if p.is_file())
    parts["everything else (system libs, packages)"] = tree_size(bundle) - sum(parts.values())
    return sorted(((size, name) for name, size in parts.items()), reverse=True)


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def report(bundle: Path) -> None:
    print(f"\nbundle: {bundle.relative_to(ROOT)}  {mib(tree_size(bundle))}")
    print("by part:")
    for size, name in by_part(bundle):
        print(f"  {mib(size):>10}  {name}")
    print("largest files:")
    for size, path in largest_items(bundle):
        print(f"  {mib(size):>10}  {path.relative_to(bundle)}")


def icons_are_made() -> bool:
    """Whether make_icons.py has made the icon files (they are kept in the repository)."""
    made = [ICONS / "optout-desktop.ico", ICONS / "optout-desktop.icns"]
    made += [ICONS / f"optout-desktop-{size}.png" for size in (16, 24, 32, 48, 64, 128, 256, 512)]
    return all(p.exists() for p in made)


def run(command: list[str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def find_iscc() -> str | None:
    """Inno Setup's compiler: on PATH, else where its installer puts it."""
    found = shutil.which("iscc")
    folders = [os.environ.get("ProgramFiles(x86)", ""), os.environ.get("ProgramFiles", "")]
    folders.append(os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"))
    candidates = [Path(folder) / "Inno Setup 6" / "ISCC.exe" for folder in folders if folder]
    return found or next((str(path) for path in candidates if path.exists()), None)


def make_installer() -> None:
    """The .deb on Linux, Setup.exe on Windows, the .dmg on macOS."""
    from optout_desktop import __version__

    if sys.platform.startswith("linux"):
        from make_deb import make_deb  # beside this file

        deb = make_deb(BUNDLE, DIST)
        print(f"\n.deb: {deb.relative_to(ROOT)}  {mib(deb.stat().st_size)}")
    elif sys.platform == "win32":
        iscc = find_iscc()
        if iscc is None:
            print("\nInno Setup's iscc.exe was not found: install Inno Setup 6, then run")
            print(f"  iscc /DAppVersion={__version__} build_scripts\\optout-desktop.iss")
            return
        run(
            [
                iscc,
                f"/DAppVersion={__version__}",
                str(ROOT / "build_scripts" / "optout-desktop.iss"),
            ]
        )
    elif sys.platform == "darwin":
        run(["bash", str(ROOT / "build_scripts" / "make_macos_dmg.sh")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-installer", action="store_true", help="only the bundle: no .deb, Setup.exe or .dmg"
    )
    parser.add_argument(
        "--no-clean", action="store_true", help="reuse PyInstaller's cache (faster rebuilds)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    if not icons_are_made():
        run([sys.executable, str(ROOT / "build_scripts" / "make_icons.py")])
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK)]
    if not args.no_clean:
        command.append("--clean")
    run([*command, str(SPEC)])
    print(f"PyInstaller took {time.monotonic() - started:.0f} s")
    report(BUNDLE)
    if not args.no_installer:
        make_installer()
    print(f"\nbuilt in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.chdir(ROOT)
    sys.exit(main())
