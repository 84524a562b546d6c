"""Check the frozen app: self-tests (dist/ and the .deb), cold start, no network, where it writes.

Run: python build_scripts/check_frozen.py [--rebuild] [--runs N]
"""

# It uses dist/ as build_scripts/build.py left it (building first when dist/ is missing, or
# with --rebuild), then, each run on a fresh temporary HOME:
#   1. dist/optout-desktop/optout-desktop --self-test (under strace when installed: it must
#      write only inside its TMPDIR and open no internet socket), dist/optout-desktop/optout
#      --version;
#   2. the .deb unpacked with `dpkg -x` into a scratch root: usr/bin/optout-desktop
#      --self-test (through the /usr/bin symlink), usr/bin/optout --version, the .desktop
#      entry (desktop-file-validate when installed) and the hicolor icons;
#   3. cold start to a shown window: N runs (default 5) with OPTOUT_STARTUP_PROBE=1, under
#      Xvfb when it is installed (a real X11 window), else offscreen; median <= 2 s;
#   4. no network: the self-test inside `unshare -n` (a network namespace with loopback
#      only; needs root);
#   5. where it writes: a normal start on an empty HOME, traced with strace when installed;
#      every file it creates must be in its own data, config or log folder.
# Exits 0 when every check passed, and prints a report either way. A build takes 1-2
# minutes, so this is not part of pytest; tests/test_self_test.py runs the self-test from
# the source tree instead.

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(ROOT))
from build import BUNDLE, DIST, largest_items, mib, tree_size  # noqa: E402
from optout_desktop import __version__  # noqa: E402

TARGET_START_SECONDS = 2.0
APP_FOLDER = "OptOut Desktop"  # the name of its data, config and log folders


class Checks:
    """Collects the outcome of each check and prints it as it goes."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def result(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"[{'PASS' if ok else 'FAIL'}] {name}" + (f": {detail}" if detail else ""))
        if not ok:
            self.failed.append(name)
        return ok

    def skip(self, name: str, why: str) -> None:
        print(f"[SKIP] {name}: {why}")


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a fresh user: an empty HOME, nothing pointing at our folders."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "OPTOUT_", "QT_", "PYTHON"))
    }
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), TMPDIR=str(home.parent / "tmp"), LANG="C.UTF-8")
    (home.parent / "tmp").mkdir(exist_ok=True)
    return env


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def check_self_test(
    checks: Checks, name: str, command: list[str], scratch: Path, trace: bool = False
) -> None:
    """Run `--self-test` on a fresh HOME; it must pass, stay quiet and leave nothing behind.

    With `trace` (and strace installed) it must also write only inside its TMPDIR and open
    no internet socket.
    """
    home = scratch / "home"
    env = clean_env(home)
    tmp = Path(env["TMPDIR"])
    log = scratch.parent / f"{scratch.name}.strace"
    traced = trace and shutil.which("strace") is not None
    done = run(
        strace(log, [*command, "--self-test"]) if traced else [*command, "--self-test"],
        env,
        scratch,
    )
    print(done.stdout.rstrip())
    stderr = [line for line in done.stderr.splitlines() if line.strip()]
    left = sorted(str(p.relative_to(scratch)) for p in scratch.rglob("*") if p not in (home, tmp))
    ok = done.returncode == 0 and "self-test: passed" in done.stdout and not stderr and not left
    detail = (
        f"exit {done.returncode}"
        + (f", stderr: {' | '.join(stderr)}" if stderr else "")
        + (f", left behind: {', '.join(left)}" if left else ", left nothing behind")
    )
    if traced:
        written, sockets = read_trace(log.read_text(errors="replace"))
        elsewhere = [p for p in written if not p.startswith((f"{tmp}/", "/dev/"))]
        ok = ok and not elsewhere and not sockets
        detail += (
            f"; strace: {len(written)} paths written, all inside its temporary folder"
            if not elsewhere
            else f"; strace: written outside its temporary folder: {elsewhere}"
        )
        detail += f"; internet sockets: {', '.join(sockets) or 'none'}"
    checks.result(f"{name} --self-test", ok, detail)


def check_version(checks: Checks, name: str, command: list[str], scratch: Path) -> None:
    done = run([*command, "--version"], clean_env(scratch / "home"), scratch)
    text = (done.stdout + done.stderr).strip()
    checks.result(
        f"{name} --version", done.returncode == 0 and text == f"optout {__version__}", text
    )


def check_deb(checks: Checks, work: Path) -> None:
    debs = sorted(DIST.glob(f"optout-desktop_{__version__}_*.deb"))
    if not debs:
        checks.result(".deb exists", False, f"no optout-desktop_{__version__}_*.deb in dist/")
        return
    deb = debs[-1]
    print(f"\n.deb: {deb.name} {mib(deb.stat().st_size)}")
    root = work / "deb-root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    desktop = root / "usr/share/applications/optout-desktop.desktop"
    icons = sorted(root.glob("usr/share/icons/hicolor/*/apps/optout-desktop.*"))
    checks.result(
        ".deb layout",
        (root / "opt/optout-desktop/optout-desktop").is_file()
        and (root / "usr/bin/optout-desktop").is_symlink()
        and (root / "usr/bin/optout").is_symlink()
        and desktop.is_file()
        and len(icons) >= 9,
        f"/opt/optout-desktop, /usr/bin links, .desktop entry, {len(icons)} hicolor icons",
    )
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        checks.result(".desktop entry is valid", done.returncode == 0, done.stdout.decode().strip())
    scratch = work / "deb-run"
    scratch.mkdir()
    check_self_test(
        checks,
        "installed .deb: /usr/bin/optout-desktop",
        [str(root / "usr/bin/optout-desktop")],
        scratch,
    )
    check_version(
        checks, "installed .deb: /usr/bin/optout", [str(root / "usr/bin/optout")], scratch
    )


def start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str | None]:
    """A private Xvfb display, so the cold start shows a real X11 window; else offscreen."""
    if not shutil.which("Xvfb"):
        return None, None
    for number in range(99, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            server = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    return server, f":{number}"
                time.sleep(0.05)
            server.kill()
    return None, None


def check_cold_start(checks: Checks, work: Path, runs: int) -> None:
    server, display = start_xvfb()
    try:
        walls, own = [], []
        for index in range(runs):
            scratch = work / f"start-{index}"
            env = clean_env(scratch / "home")
            env["OPTOUT_STARTUP_PROBE"] = "1"
            if display:
                env["DISPLAY"] = display
            else:
                env["QT_QPA_PLATFORM"] = "offscreen"
            command = [str(BUNDLE / "optout-desktop"), "--db", str(scratch / "db.sqlite3")]
            started = time.perf_counter()
            process = subprocess.Popen(
                command, env=env, cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            assert process.stdout is not None
            line = process.stdout.readline().decode()
            walls.append(time.perf_counter() - started)
            _out, err = process.communicate(timeout=60)
            found = re.search(r"window shown after ([0-9.]+) s", line)
            if found:
                own.append(float(found.group(1)))
            else:
                tail = err.decode(errors="replace").strip()[-300:]
                checks.result("cold start", False, f"no startup line: {line!r} {tail}")
                return
        platform = f"Xvfb {display}" if display else "offscreen"
        median = statistics.median(walls)
        checks.result(
            f"cold start to a shown window ({platform}, {runs} runs)",
            median <= TARGET_START_SECONDS,
            f"median {median:.2f} s from launch to the first paint (the app's own clock: "
            f"median {statistics.median(own):.2f} s); runs: "
            + ", ".join(f"{w:.2f}" for w in walls)
            + f"; target <= {TARGET_START_SECONDS:.0f} s",
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait()


def check_no_network(checks: Checks, work: Path) -> None:
    if not shutil.which("unshare") or os.geteuid() != 0:
        checks.skip("no network", "needs root and unshare(1)")
        return
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        checks.skip(
            "no network", f"unshare -n is not allowed here ({probe.stderr.decode().strip()})"
        )
        return
    interfaces = subprocess.run(
        ["unshare", "-n", "cat", "/proc/net/dev"], capture_output=True, text=True
    ).stdout
    names = [line.split(":")[0].strip() for line in interfaces.splitlines()[2:]]
    print(f"\nnetwork namespace interfaces: {', '.join(names)} (loopback only: no route out)")
    scratch = work / "no-network"
    scratch.mkdir()
    check_self_test(
        checks,
        "without network (unshare -n) optout-desktop",
        ["unshare", "-n", str(BUNDLE / "optout-desktop")],
        scratch,
    )


def check_writes(checks: Checks, work: Path) -> None:
    """Start the app on an empty HOME (so its default database) and see what it creates."""
    scratch = work / "writes"
    home = scratch / "home"
    env = clean_env(home)
    env["OPTOUT_STARTUP_PROBE"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    runtime = scratch / "runtime"  # a desktop session always has one; Qt wants it 0700
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    command = [str(BUNDLE / "optout-desktop")]
    log = work / "writes.strace"
    traced = shutil.which("strace") is not None
    done = run(strace(log, command) if traced else command, env, scratch)
    created = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    allowed = tuple(
        f"{folder}/{APP_FOLDER}/" for folder in (".local/share", ".local/state", ".config")
    )
    outside = [p for p in created if not p.startswith(allowed)]
    print("\nfiles created by a normal start on an empty HOME:")
    print("\n".join(f"  ~/{p}" for p in created) or "  (none)")
    ok = done.returncode == 0 and not outside
    if done.returncode != 0:
        detail = f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
    else:
        detail = f"outside its folders: {outside}" if outside else "only in its own folders"
    if traced:
        written, sockets = read_trace(log.read_text(errors="replace"))
        mine = tuple(f"{home}/{folder}" for folder in allowed) + (f"{runtime}/", "/dev/")
        parents = {str(home / p) for p in (".local", ".local/share", ".local/state", ".config")}
        parents |= {f"{home}/{folder}".rstrip("/") for folder in allowed}
        elsewhere = [p for p in written if not p.startswith(mine) and p not in parents]
        print(f"strace: {len(written)} paths opened for writing or created:")
        print("\n".join(f"  {p}" for p in written))
        ok = ok and not elsewhere and not sockets
        detail += (
            "; strace: nothing written anywhere else"
            if not elsewhere
            else f"; strace: written elsewhere: {elsewhere}"
        )
        detail += f"; internet sockets: {', '.join(sockets) or 'none'}"
    checks.result("writes only to its own folders", ok, detail)


TRACED_CALLS = "openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,symlink,socket,connect"


def strace(log: Path, command: list[str]) -> list[str]:
    """The command run under strace, following threads and children, into `log`."""
    return ["strace", "-f", "-qq", "-e", f"trace={TRACED_CALLS}", "-o", str(log), *command]


def read_trace(trace: str) -> tuple[list[str], list[str]]:
    """From an strace log: the paths created, renamed into or opened for writing (calls that
    succeeded), and the internet (IPv4/IPv6) sockets opened."""
    paths: set[str] = set()
    sockets: list[str] = []
    for line in trace.splitlines():
        call = re.search(r"\b(\w+)\(", line)
        if not call or re.search(r"= -1 ", line):
            continue
        name = call.group(1)
        names = re.findall(r'"([^"]+)"', line)
        if name == "socket" and re.search(r"AF_INET6?\b", line):
            sockets.append(line.split(" ", 1)[-1].strip())
        elif name in ("openat", "creat") and names:
            if name == "creat" or re.search(r"O_WRONLY|O_RDWR|O_CREAT", line):
                paths.add(names[0])
        elif name.startswith(("mkdir", "rename", "link", "symlink")) and names:
            paths.add(names[-1])
    return sorted(paths), sockets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="run build.py first")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs (default 5)")
    args = parser.parse_args()
    if args.rebuild or not (BUNDLE / "optout-desktop").exists():
        subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build.py")], check=True)
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="optout-check-") as folder:
        work = Path(folder)
        (work / "dist-run").mkdir()
        print(f"bundle: {BUNDLE.relative_to(ROOT)} {mib(tree_size(BUNDLE))}")
        for size, path in largest_items(BUNDLE):
            print(f"  {mib(size):>10}  {path.relative_to(BUNDLE)}")
        print()
        check_self_test(
            checks,
            "dist: optout-desktop",
            [str(BUNDLE / "optout-desktop")],
            work / "dist-run",
            trace=True,
        )
        check_version(checks, "dist: optout", [str(BUNDLE / "optout")], work / "dist-run")
        if sys.platform.startswith("linux") and shutil.which("dpkg"):
            check_deb(checks, work)
        else:
            checks.skip(".deb", "not on a Debian-like Linux")
        print()
        check_cold_start(checks, work, args.runs)
        check_no_network(checks, work)
        check_writes(checks, work)
    print(
        f"\n{len(checks.failed)} failed: {', '.join(checks.failed)}"
        if checks.failed
        else "\nall checks passed"
    )
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
