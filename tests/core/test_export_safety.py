"""Exports never hand a spreadsheet a formula (OWASP CSV injection); addresses stay as they are."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optout_desktop.core.db import models
from optout_desktop.core.db.models import BusinessUnit, ImportRun, RowError, Suppression
from optout_desktop.core.optouts import exports, imports
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.reading.sources import open_source

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@",
    "=",
]


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def xlsx_cells(path: Path) -> list[list[Any]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows()]
    finally:
        workbook.close()


def inert(cell: str) -> bool:
    return not cell.startswith(FORMULA_START)


@settings(max_examples=300)
@given(st.text())
def test_neutralise_makes_any_text_inert_and_only_adds_one_quote(text: str) -> None:
    cell = exports.neutralise(text)
    assert inert(cell)
    assert cell == text or cell == "'" + text
    assert (cell != text) == text.startswith(FORMULA_START)


def test_hostile_business_unit_names_are_inert_in_csv_and_plain_text_in_xlsx(
    db: Any, tmp_path: Path
) -> None:
    for n, name in enumerate(HOSTILE):  # as an older version or another tool may have kept them
        unit = BusinessUnit.create(name=name)
        Suppression.create(email=f"u{n}@x.dk", scope_id=unit.id, reason="manual")
    exports.export_suppressions(tmp_path / "e.csv")
    body = read_csv(tmp_path / "e.csv")[1:]
    assert sorted(row[1] for row in body) == sorted("'" + name for name in HOSTILE)
    assert all(inert(cell) for row in body for cell in row)
    exports.export_suppressions(tmp_path / "e.xlsx")
    cells = [cell for row in xlsx_cells(tmp_path / "e.xlsx") for cell in row]
    assert all(cell.data_type == "s" for cell in cells)
    names = [c.value.replace("_x000D_", "\r") for c in cells if c.column == 2 and c.row > 1]
    assert sorted(names) == sorted("'" + name for name in HOSTILE)  # (CR is stored escaped)


def test_hostile_file_names_cannot_lead_a_cell(db: Any, tmp_path: Path) -> None:
    for n, name in enumerate(HOSTILE):
        run = ImportRun.create(kind="optouts", file_name=name, file_sha256="x", column="Email")
        Suppression.create(email=f"f{n}@x.dk", reason="import", import_run=run.id)
    exports.export_suppressions(tmp_path / "e.csv")
    body = read_csv(tmp_path / "e.csv")[1:]
    assert sorted(row[3] for row in body) == sorted(
        f"Import #{n + 1}: {name}" for n, name in enumerate(HOSTILE)
    )
    assert all(inert(cell) for row in body for cell in row)


def test_the_errors_file_neutralises_values_and_reasons(db: Any, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email"])
        writer.writerow(["ok@x.dk"])
        writer.writerows([value] for value in HOSTILE)
    run = imports.import_optouts(open_source(source), "Email", 1)
    stored = {r.raw_value for r in RowError.select().where(RowError.import_run == run.id)}
    RowError.create(import_run=run.id, row_number=99, raw_value="x", reason="=1+1 reason")
    out = tmp_path / "errors.csv"
    exports.export_refused_rows(run.id, out)
    body = read_csv(out)[1:]
    assert all(inert(cell) for row in body for cell in row)
    values = {row[1][1:] if row[1].startswith("'") else row[1] for row in body}
    assert stored <= values  # only the quote mark was added
    assert ["99", "x", "'=1+1 reason"] in body


@pytest.mark.parametrize("address", ["=1+2@x.dk", "+plus@x.dk", "-dash@x.dk", "=cmd|a@x.dk"])
def test_an_address_that_starts_like_a_formula_is_kept_and_is_text_in_xlsx(
    db: Any, tmp_path: Path, address: str
) -> None:
    assert triage(address) == (address, None)  # such addresses are valid, so they are kept
    Suppression.create(email=address, reason="manual")
    exports.export_suppressions(tmp_path / "e.csv")
    exports.export_suppressions(tmp_path / "e.xlsx")
    assert read_csv(tmp_path / "e.csv")[1][0] == address  # never altered
    cell = xlsx_cells(tmp_path / "e.xlsx")[1][0]
    assert (cell.value, cell.data_type) == (address, "s")  # a text cell: never run


_LOCAL = st.text(alphabet="abcdefghij0123456789!#$%&'*+/=?^_`{|}~-", min_size=1, max_size=20)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(_LOCAL, st.sampled_from(["x.dk", "firma.dk", "blåbær.dk"])), max_size=8))
def test_exported_addresses_are_exactly_the_stored_ones(
    db: Any, tmp_path: Path, parts: list[tuple[str, str]]
) -> None:
    Suppression.delete().execute()
    stored = set()
    for local, domain in parts:
        address, _reason = triage(f"{local}@{domain}")
        if address is not None and address not in stored:
            stored.add(address)
            Suppression.create(email=address, scope_id=models.ACCOUNT, reason="manual")
    out = tmp_path / "e.csv"
    exports.export_suppressions(out)
    assert {row[0] for row in read_csv(out)[1:]} == stored
