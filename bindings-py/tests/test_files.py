"""check_many(path): JSON Lines and JSON files and folders read in Rust, as `gongkai check PATH` reads them."""

import json
import pathlib
import subprocess

import pytest

import gongkai
from test_check import GOOD as BASE

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "records"

# The record of test_check.py, with an id of its own.
GOOD = {**BASE, "id": "good"}


def test_jsonl_file_reports_every_line_with_its_source(tmp_path):
    late = {**GOOD, "id": "late", "published": "2025-02-28"}
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps(GOOD, ensure_ascii=False).encode(),
        b"",  # blank lines are skipped, not records
        json.dumps(late, ensure_ascii=False).encode(),
        b'{"kind": "publication", "id": ',  # cut off: invalid JSON on line 4
        json.dumps({**GOOD, "id": "gbk", "title": "关于"}, ensure_ascii=False).encode("gbk"),  # GBK bytes
        b"[1, 2]",  # not an object
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    reports = gongkai.check_many(path)
    assert [r.source for r in reports] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    assert reports[0].id == "good" and "publication_late" not in {d.code for d in reports[0].diagnostics}
    assert ("publication_late", "/published") in {(d.code, d.path) for d in reports[1].diagnostics}
    bad_json = reports[2].diagnostics[0]
    assert bad_json.code == "input_invalid_json" and "line 4" in bad_json.message_en
    gbk = reports[3].diagnostics[0]
    assert gbk.code == "input_not_utf8" and "GBK" in gbk.message_en
    assert [d.code for d in reports[4].diagnostics] == ["record_not_object"]
    frame = reports.to_pandas()
    assert set(frame["source"]) == {f"{path}:{n}" for n in (1, 3, 4, 5, 6)}


def test_file_answers_equal_the_same_records_as_dicts(tmp_path):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.rglob("*.json"))]
    path = tmp_path / "examples.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    from_file = gongkai.check_many(path)
    from_dicts = gongkai.check_many(records)
    assert len(from_file) == len(records)
    assert [r.to_dicts() for r in from_file] == [r.to_dicts() for r in from_dicts]
    assert [r.id for r in from_file] == [r.id for r in from_dicts]


def test_a_folder_and_a_list_of_paths_as_the_cli_reads_them(cli):
    reports = gongkai.check_many(EXAMPLES, lang="en")
    out = subprocess.run([cli, "check", str(EXAMPLES), "--format", "json", "--lang", "en"], capture_output=True, text=True)
    expected = json.loads(out.stdout)["results"]
    assert [r.source for r in reports] == [e["source"] for e in expected]
    got = [[(d.code, d.path, d.message) for d in r.diagnostics] for r in reports]
    assert got == [[(d["code"], d["path"], d["message"]) for d in e["diagnostics"]] for e in expected]
    files = sorted(EXAMPLES.rglob("*.json"))[:3]
    assert [r.source for r in gongkai.check_many(files)] == [str(f) for f in files]


def test_json_array_file_gives_each_element_its_index(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([GOOD, {**GOOD, "id": "x", "item": "admin.art20.99"}], ensure_ascii=False), encoding="utf-8")
    reports = gongkai.check_many(path)
    assert [r.source for r in reports] == [f"{path}#/0", f"{path}#/1"]
    assert "item_unknown" not in {d.code for d in reports[0].diagnostics}
    assert "item_unknown" in {d.code for d in reports[1].diagnostics}


def test_missing_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing-here.jsonl"):
        gongkai.check_many(tmp_path / "nothing-here.jsonl")


def test_empty_file_is_one_input_empty_record(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    reports = gongkai.check_many(path)
    assert [[d.code for d in r.diagnostics] for r in reports] == [["input_empty"]]


def test_a_path_given_as_str_is_refused_with_a_hint():
    with pytest.raises(TypeError, match="pathlib.Path"):
        gongkai.check_many("records.jsonl")
