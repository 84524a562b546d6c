"""The house rules the machine keeps: who may import Qt, the database drivers and peewee."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "optout_desktop"
QT = {"PySide6", "shiboken6"}
DRIVERS = {"sqlite3", "psycopg", "psycopg2", "psycopg_binary", "psycopg_c"}
# Only core/db/ may tell the backends apart; the rest asks it (see core/db/dialect.py).
BACKEND_NAMES = {"SqliteDatabase", "PostgresqlDatabase", "is_server"}
# Raw connections and cursors skip peewee's error wrapping: only core/db/ hands them out.
RAW_CALLS = {"cursor", "connection"}


@dataclass(frozen=True)
class Found:
    """An import (or a name) in a module, and the line it is on."""

    path: str
    line: int
    name: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name}"


def modules(root: Path) -> Iterator[tuple[str, ast.Module]]:
    """Every Python file of the package at `root`, parsed, named from the package's folder
    on (optout_desktop/core/db/dialect.py)."""
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root.parent).as_posix()
        yield name, ast.parse(path.read_text("utf-8"), str(path))


def imports(name: str, tree: ast.Module) -> Iterator[Found]:
    """Every module a file imports, wherever the import is (at the top, in a function, in a
    try), as its top-level package; importlib.import_module("x") and __import__("x") too."""
    package = name.removesuffix(".py").replace("/", ".").split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Found(name, node.lineno, alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the file's own package
                base = package[: len(package) - node.level]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield Found(name, node.lineno, module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else None
            called = function.id if isinstance(function, ast.Name) else called
            first = node.args[0]
            if called in ("import_module", "__import__") and isinstance(first, ast.Constant):
                yield Found(name, node.lineno, str(first.value).split(".")[0])


def names(name: str, tree: ast.Module, wanted: set[str]) -> Iterator[Found]:
    """Every use of one of the `wanted` names, as a name or an attribute (pw.SqliteDatabase)."""
    for node in ast.walk(tree):
        used = node.id if isinstance(node, ast.Name) else None
        used = node.attr if isinstance(node, ast.Attribute) else used
        if used in wanted:
            yield Found(name, node.lineno, used)
        if isinstance(node, ast.alias) and node.name in wanted:
            yield Found(name, getattr(node, "lineno", 0), node.name)


def calls(name: str, tree: ast.Module, wanted: set[str]) -> Iterator[Found]:
    """Every call of a method named in `wanted` (db.cursor()), but dialect's own (whose
    connection wraps the driver's errors)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            if node.func.attr in wanted and not (
                isinstance(receiver, ast.Name) and receiver.id == "dialect"
            ):
                yield Found(name, node.lineno, f".{node.func.attr}()")


def inside(name: str, folder: str) -> bool:
    return name.startswith(f"optout_desktop/{folder}/")


def breaches(root: Path = PACKAGE) -> list[str]:
    """Every import or use that breaks the layering rules, one line each."""
    found: list[str] = []
    for name, tree in modules(root):
        for imported in imports(name, tree):
            if inside(name, "core") and imported.name in QT:
                found.append(f"{imported}: the core never imports Qt")
            if imported.name in DRIVERS and not inside(name, "core/db"):
                found.append(f"{imported}: only core/db/ talks to the database drivers")
            if inside(name, "ui") and imported.name == "peewee":
                found.append(f"{imported}: the window never talks SQL")
        if inside(name, "core") and not inside(name, "core/db"):
            for use in names(name, tree, BACKEND_NAMES):
                found.append(f"{use}: only core/db/ tells SQLite and PostgreSQL apart")
            for call in calls(name, tree, RAW_CALLS):
                found.append(f"{call}: raw connections and cursors stay in core/db/")
    return found


def test_the_layers_keep_to_their_own_imports() -> None:
    assert breaches() == []


def test_the_check_sees_every_kind_of_breach(tmp_path: Path) -> None:
    """The check itself finds imports at the top, inside functions and by importlib."""
    root = tmp_path / "optout_desktop"
    files = {
        "core/reading/late.py": "def f():\n    from PySide6 import QtCore\n",
        "core/optouts/relative.py": "from ...ui import thing\nimport shiboken6.Shiboken\n",
        "core/optouts/driver.py": "import importlib\nimportlib.import_module('sqlite3.dbapi2')\n",
        "core/contacts/branch.py": (
            "import peewee as pw\n"
            "from optout_desktop.core.db import dialect\n"
            "def f(db):\n"
            "    if isinstance(db, pw.PostgresqlDatabase):\n"
            "        return db.cursor()\n"
            "    return dialect.connection()\n"
        ),
        "core/db/dialect.py": "import sqlite3\nimport psycopg\ndef f(db):\n    db.cursor()\n",
        "ui/page.py": "def f():\n    import peewee\n    return __import__('psycopg')\n",
        "cli.py": "try:\n    import psycopg\nexcept ImportError:\n    pass\n",
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, "utf-8")
    found = breaches(root)
    assert found == [
        "optout_desktop/cli.py:2: psycopg: only core/db/ talks to the database drivers",
        "optout_desktop/core/contacts/branch.py:4: PostgresqlDatabase: only core/db/ tells "
        "SQLite and PostgreSQL apart",
        "optout_desktop/core/contacts/branch.py:5: .cursor(): raw connections and cursors "
        "stay in core/db/",
        "optout_desktop/core/optouts/driver.py:2: sqlite3: only core/db/ talks to the "
        "database drivers",
        "optout_desktop/core/optouts/relative.py:2: shiboken6: the core never imports Qt",
        "optout_desktop/core/reading/late.py:2: PySide6: the core never imports Qt",
        "optout_desktop/ui/page.py:2: peewee: the window never talks SQL",
        "optout_desktop/ui/page.py:3: psycopg: only core/db/ talks to the database drivers",
    ]


@pytest.mark.parametrize("folder", ["core", "core/db", "ui"])
def test_the_folders_the_rules_name_exist(folder: str) -> None:
    """A renamed folder would make a rule check nothing."""
    assert any((PACKAGE / folder).rglob("*.py"))
