"""Screening: findings whose offsets slice Python strings (Unicode scalars, also past astral
characters such as emoji, where UTF-16 offsets would be off by one)."""

import pytest

import gongkai

# GB 11643-1999's own example number (check digit X), and a mobile number.
ID = "11010519491231002X"
TEXT = f"😀申请人张三，身份证号{ID}，联系电话13812345678。"


def test_scan_offsets_slice_python_strings():
    findings = gongkai.scan(TEXT, include_values=True)
    values = {f.kind: TEXT[f.start : f.end] for f in findings}
    assert ID in values.values()
    assert "13812345678" in values.values()
    for f in findings:
        assert TEXT[f.start : f.end] == f.value
        assert f.value not in f.preview  # previews are masked
        assert f.severity in ("error", "warning", "info") and 0 < f.confidence <= 1


def test_wrong_check_digit_is_not_an_id():
    wrong = ID[:-1] + "1"
    assert not any(f.value == wrong for f in gongkai.scan(f"身份证号{wrong}", include_values=True) if "id" in f.kind)


def test_classification_marking_is_found():
    assert any("marking" in f.kind or "classif" in f.kind for f in gongkai.scan("机密★5年 关于某事项的报告"))


def test_redact_masks_and_reports_changes_in_original_offsets():
    r = gongkai.redact(TEXT)
    assert ID not in r.text and "13812345678" not in r.text
    assert r.changes and all(TEXT[c.start : c.end] in (ID, "13812345678") for c in r.changes)
    assert gongkai.scan(r.text) == [] or all(f.redacted for f in gongkai.scan(r.text, include_redacted=True))
    removed = gongkai.redact(TEXT, mode="remove").text
    assert ID not in removed and len(removed) < len(TEXT)
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.redact(TEXT, mode="blur")
    assert e.value.code == "invalid_argument"


def test_screening_through_check_reports_the_body():
    record = {"kind": "publication", "item": "admin.art20.01", "body": TEXT}
    paths = {d.path for d in gongkai.check(record).diagnostics}
    assert "/body" in paths
    assert "/body" not in {d.path for d in gongkai.check(record, screening=False).diagnostics}
