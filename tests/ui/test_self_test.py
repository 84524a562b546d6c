"""`optout-desktop --self-test` from source: the real window imports the sample, offscreen."""

# The frozen app runs the same self-test; build_scripts/check_frozen.py checks that (slow).

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _command() -> list[str]:
    script = Path(sys.executable).with_name("optout-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "optout_desktop.app"]


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "OPTOUT_", "QT_QPA"))
    }
    env.update(HOME=str(home), TMPDIR=str(temp))
    return subprocess.run(
        args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=180, check=False
    )


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    done = _run([*_command(), "--self-test"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "self-test: passed" in done.stdout
    assert "7 valid" in done.stdout  # the sample's seven addresses
    assert "imported: import #1 completed, 7 new opt-outs" in done.stdout  # the engine's record
    assert "header “Email”" in done.stdout
    assert "platform offscreen" in done.stdout
    assert done.stderr == ""  # no Qt warnings, no tracebacks
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert left == ["home", "tmp"]  # no database, log, settings or cache anywhere


def test_a_failing_self_test_says_why_in_one_line_and_exits_non_zero(tmp_path: Path) -> None:
    driver = (
        "import sys\n"
        "from optout_desktop import app, self_test\n"
        "self_test.SAMPLE_COLUMN = 'Email column that is not there'\n"
        "sys.exit(app.main(['--self-test']))\n"
    )
    done = _run([sys.executable, "-c", driver], tmp_path)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("optout-desktop self-test FAILED: ")
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["home", "tmp"]


def test_the_sample_and_icons_are_found_from_the_source_tree() -> None:
    from optout_desktop import app, self_test

    assert app.resource_path(self_test.SAMPLE_NAME).is_file()
    assert all(
        app.resource_path(f"icons/{app.ICON_NAME}-{size}.png").is_file() for size in app.ICON_SIZES
    )
    assert len(self_test.expected_addresses(app.resource_path(self_test.SAMPLE_NAME))) == 7
