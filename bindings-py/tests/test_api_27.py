"""Issue 27's Python front door: audit and annual-report checks, errors carrying every error,
progress for every input, and stubs precise enough for mypy (TypedDict, Literal)."""

import json
import pathlib
import subprocess
import sys

import pytest

import gongkai

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_audit_from_a_path_and_from_records_agree():
    folder = ROOT / "examples/reports/county-department-2025"
    by_path = gongkai.audit(folder, kind="administrative", tier="county", role="department", period=2025)
    records = [json.loads(line) for f in sorted(folder.rglob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    records += [json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.rglob("*.json"))]
    assert isinstance(by_path, dict) and by_path["rectifications"] is not None
    cli = subprocess.run(
        [gongkai_cli(), "audit", "--kind", "administrative", "--tier", "county", "--role", "department",
         "--period", "2025", str(folder), "--format", "json"],
        capture_output=True, text=True,
    )
    assert json.loads(cli.stdout) == by_path, "the CLI's audit, the same"
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.audit(records, kind="adminstrative", tier="county", period=2025)
    assert "did you mean `administrative`?" in str(e.value)


def gongkai_cli() -> str:
    import os

    return os.environ.get("GONGKAI_CLI", str(ROOT / "target/debug/gongkai"))


def test_report_check_gives_the_cli_codes():
    path = ROOT / "examples/reports/hangzhou-style-2025.json"
    report = gongkai.report_check(path, lang="en")
    cli = subprocess.run([gongkai_cli(), "report", "check", str(path), "--format", "json"], capture_output=True, text=True)
    want = [(d["code"], d["path"]) for d in json.loads(cli.stdout)["results"][0]["diagnostics"]]
    assert [(d.code, d.path) for d in report.diagnostics] == want
    as_dict = gongkai.report_check(json.loads(path.read_text(encoding="utf-8")))
    assert as_dict.to_dicts() == gongkai.report_check(path).to_dicts()
    with pytest.raises(gongkai.GongkaiError):
        gongkai.report_check("[]")


def test_catalogue_errors_carry_every_error():
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.Catalogue.default().with_overlay(ROOT / "examples/overlays/bad-overlay.yaml")
    errors = e.value.errors
    assert len(errors) >= 5, errors
    assert errors[0]["code"] == e.value.code and errors[0]["line"] == e.value.line
    assert len({err["code"] for err in errors}) >= 4
    # A single error is a list of one.
    with pytest.raises(gongkai.GongkaiError) as one:
        gongkai.add_working_days("2025-13-01", 1)
    assert len(one.value.errors) == 1 and one.value.errors[0]["code"] == one.value.code


@pytest.mark.parametrize("kind", ["path", "paths", "list", "generator"])
def test_progress_works_for_every_input(kind, capsys):
    folder = ROOT / "examples/records"
    inputs = {
        "path": folder,
        "paths": [folder / "admin", folder / "hospital"],
        "list": [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.json"))],
        "generator": (json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.json"))),
    }[kind]
    reports = gongkai.check_many(inputs, progress=True)
    assert len(reports) > 0


TYPED = '''
import gongkai
from typing import Literal
report = gongkai.check({"kind": "publication", "item": "admin.art20.99"})
for d in report.diagnostics:
    sev: Literal["error", "warning", "info"] = d.severity
    row: gongkai.DiagnosticDict = d.to_dict()
    code: str = row["code"]
try:
    gongkai.Catalogue.default().with_overlay("x.yaml")
except gongkai.CatalogueError as e:
    line: int | None = e.errors[0]["line"]
audit: dict[str, object] = gongkai.audit([], kind="administrative", tier="county", period=2025)
'''


def test_the_stubs_type_check_real_use_and_catch_misuse(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(TYPED, encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text(TYPED + "\nn: int = report.diagnostics[0].severity\nx = report.diagnostics[0].to_dict()['cod']\n", encoding="utf-8")
    run = lambda f: subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(f)], capture_output=True, text=True)
    ok = run(good)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    out = run(bad)
    assert out.returncode == 1
    assert 'Literal' in out.stdout and '"cod"' in out.stdout, out.stdout


def test_a_folder_without_records_is_an_error_as_in_the_cli(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.check_many(tmp_path)
    assert e.value.code == "input_empty" and "notes.txt" in str(e.value)
    (tmp_path / "EXPORT.JSON").write_text('{"kind": "publication"}', encoding="utf-8")
    assert len(gongkai.check_many(tmp_path)) == 1
