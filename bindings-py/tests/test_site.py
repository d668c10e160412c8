"""gongkai.site_check and gongkai.proactive_candidates: the shared site cases
(tests/site-cases/*.json) through the Python API, the examples, DataFrames, and bad input."""

import datetime
import json
import pathlib
import subprocess
import os

import pytest

import gongkai

REPO = pathlib.Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "site-cases"
FILES = sorted(CASES.glob("*.json"))


def test_site_cases_exist():
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_site_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    options = case.get("options", {})
    overlays = [CASES / o for o in options.get("overlays", [])]
    snapshot = case["snapshot"] if "snapshot" in case else case["input"]
    result = gongkai.site_check(snapshot, as_of=options.get("as_of"), overlays=overlays)
    got = {(f["code"], f["path"]) for f in result.findings}
    assert got == {(e["code"], e["path"]) for e in case["expect"]}


def test_examples_and_the_cli_agree():
    clean = gongkai.site_check(REPO / "examples" / "site" / "county-clean.json")
    assert (clean.verdict, clean.score, clean.passed, len(clean)) == ("pass", 100, True, 0)
    failing = gongkai.site_check(REPO / "examples" / "site" / "township-failing.json", lang="en")
    assert (failing.verdict, failing.score, failing.vetoes) == ("fail", 96, 10)
    assert failing.interaction["response_rate"] == 0.0
    cli = os.environ.get("GONGKAI_CLI")
    if cli:
        out = subprocess.run(
            [cli, "site", "check", str(REPO / "examples" / "site" / "township-failing.json"), "--format", "json", "--lang", "en"],
            capture_output=True, check=False,
        )
        assert out.returncode == 1
        assert json.loads(out.stdout)["findings"] == failing.findings


def test_findings_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    failing = gongkai.site_check(REPO / "examples" / "site" / "township-failing.json")
    df = failing.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(failing.findings) == 18
    assert list(df.columns[:4]) == ["code", "kind", "severity", "path"]
    assert (df["kind"] == "veto").sum() == 10
    assert df.loc[df["code"] == "site_reply_slow", "points"].tolist() == [1]


def test_a_dict_with_python_dates_and_as_of_as_a_date():
    snapshot = json.loads((REPO / "examples" / "site" / "county-clean.json").read_text(encoding="utf-8"))
    snapshot["homepage"]["last_updated"] = datetime.date(2026, 3, 9)
    r = gongkai.site_check(snapshot, as_of=datetime.date(2026, 3, 19))
    home = [f for f in r.findings if f["path"] == "/homepage"]
    assert home and home[0]["kind"] == "warning" and home[0]["days_left"] == 4


def test_bad_input_is_in_the_findings_not_raised():
    for bad in ["[1, 2]", "{", b"\xff\xfe", {"kind": "site", "columns": "none"}]:
        r = gongkai.site_check(bad)
        assert r.verdict == "fail"
        assert any(f["kind"] == "input" for f in r.findings), bad


def test_a_loosening_overlay_raises_with_its_code(tmp_path):
    p = tmp_path / "loose.yaml"
    p.write_text(
        "kind: site_overlay\nid: loose\nversion: '1'\ntitle: { zh: 放宽, en: looser }\n"
        "basis:\n  - { instrument: 某细则, status: unverified }\n"
        "interaction:\n  response_hours: 100\n  basis:\n    - { instrument: 某细则, status: unverified }\n",
        encoding="utf-8",
    )
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.site_check(REPO / "examples" / "site" / "county-clean.json", overlays=[p])
    assert "site_overlay_loosens_limit" in str(e.value) or e.value.code == "site_overlay_loosens_limit"


def test_proactive_candidates():
    records = [
        {"kind": "request", "id": f"r{i}", "applicant": who, "received": "2026-03-02",
         "institution": {"kind": "administrative", "tier": "county", "name": "某县自然资源局"},
         "requested": "某村征地补偿安置方案", "response_type": "granted"}
        for i, who in enumerate(["甲", "乙", "甲"])
    ]
    out = gongkai.proactive_candidates(records)
    assert len(out["candidates"]) == 1
    assert out["candidates"][0]["applicants"] == 2
    assert [r["id"] for r in out["candidates"][0]["requests"]] == ["r0", "r1", "r2"]


def test_the_site_doc_examples_run(monkeypatch):
    import re
    monkeypatch.chdir(REPO)
    text = (REPO / "docs" / "site.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    namespace: dict = {}
    for i, code in enumerate(blocks):
        exec(compile(code, f"docs/site.md:block{i}", "exec"), namespace)


def test_as_of_follows_the_one_date_rule():
    snapshot = {"site": {"name": "x"}, "columns": []}
    with pytest.raises(gongkai.CalendarError) as e:
        gongkai.site_check(snapshot, as_of="2026-3-19")
    assert e.value.code == "invalid_date"
    assert e.value.path == "as_of"
