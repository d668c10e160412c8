"""scan_file / redact_file on files made here with openpyxl and python-docx, opened again
with those libraries after redaction; the findings equal `gongkai scan FILE --format json`."""

import json
import subprocess

import docx
import openpyxl
import pytest

import gongkai

ID = "11010519491231002X"


@pytest.fixture
def workbook(tmp_path):
    book = openpyxl.Workbook()
    shown = book.active
    shown.title = "公示名单"
    shown.append(["姓名", "身份证号"])
    shown.append(["张三", "110105********002X"])
    raw = book.create_sheet("原始数据")
    raw.append(["姓名", "电话", "身份证号"])
    raw.append(["张三", 13812345678, ID])
    raw.sheet_state = "hidden"
    path = tmp_path / "attachment.xlsx"
    book.save(path)
    return path


@pytest.fixture
def document(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("行政处罚决定书")
    table = doc.add_table(rows=2, cols=3)
    for i, text in enumerate(["当事人", "住所", "身份证号"]):
        table.cell(0, i).text = text
    table.cell(1, 0).text = "张三"
    table.cell(1, 1).text = "北京市"
    run = table.cell(1, 2).paragraphs[0].add_run(ID)
    run.bold = True
    doc.sections[0].header.paragraphs[0].text = "经办人手机 13912345678"
    path = tmp_path / "decision.docx"
    doc.save(path)
    return path


def locations(scan):
    return [(f["kind"], f["location"]) for f in scan["findings"]]


def test_hidden_sheet_cells_are_found_by_path_and_by_bytes(workbook):
    by_path = gongkai.scan_file(workbook)
    assert by_path["kind"] == "xlsx"
    assert locations(by_path) == [
        ("mobile", {"in": "cell", "sheet": "原始数据", "cell": "B2", "hidden_sheet": True}),
        ("resident_id", {"in": "cell", "sheet": "原始数据", "cell": "C2", "hidden_sheet": True}),
    ]
    assert [n["code"] for n in by_path["notices"]] == ["screening_hidden_content"]
    by_bytes = gongkai.scan_file(workbook.read_bytes(), kind="xlsx")
    assert by_bytes == by_path


def test_same_findings_as_the_command_line(workbook, document, cli):
    for path in [workbook, document]:
        out = subprocess.run([cli, "scan", str(path), "--format", "json"], capture_output=True, text=True)
        assert out.returncode == 1, out.stderr
        report = json.loads(out.stdout)[0]
        mine = gongkai.scan_file(path)
        assert report["findings"] == mine["findings"]
        assert report["notices"] == mine["notices"]


def test_word_table_cell_and_header(document):
    scan = gongkai.scan_file(str(document))
    assert locations(scan) == [
        ("resident_id", {"in": "table_cell", "part": "document", "table": 1, "row": 2, "column": 3}),
        ("mobile", {"in": "paragraph", "part": "header1", "paragraph": 1}),
    ]


def test_redacted_workbook_opens_in_openpyxl_masked(workbook, tmp_path):
    copy, report = gongkai.redact_file(workbook)
    assert report["remaining"] == []
    out = tmp_path / "redacted.xlsx"
    out.write_bytes(copy)
    book = openpyxl.load_workbook(out)
    raw = book["原始数据"]
    assert raw["C2"].value == "110105********002X"
    assert raw["B2"].value == "138****5678"
    assert book["公示名单"]["A2"].value == "张三"
    copy, report = gongkai.redact_file(workbook, remove_hidden_sheets=True)
    assert report["removed_sheets"] == ["原始数据"]
    out.write_bytes(copy)
    assert openpyxl.load_workbook(out).sheetnames == ["公示名单"]


def test_redacted_document_opens_in_python_docx_masked(document, tmp_path):
    copy, report = gongkai.redact_file(document)
    assert [f["kind"] for f in report["masked"]] == ["resident_id", "mobile"]
    out = tmp_path / "redacted.docx"
    out.write_bytes(copy)
    doc = docx.Document(out)
    cell = doc.tables[0].cell(1, 2)
    assert cell.text == "110105********002X"
    assert cell.paragraphs[0].runs[0].bold, "the run keeps its formatting"
    assert doc.sections[0].header.paragraphs[0].text == "经办人手机 139****5678"


def test_bad_input_raises_with_a_code(tmp_path):
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.scan_file(b"PK\x03\x04 not really a zip", kind="xlsx")
    assert e.value.code == "file_corrupt"
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.scan_file(b"x", kind="pptx")
    assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.scan_file(tmp_path / "missing.xlsx")
    assert e.value.code == "io_error"


def test_gb18030_bytes_are_decoded_and_said_so():
    data = f"姓名,身份证号\n张三,{ID}\n".encode("gb18030")
    scan = gongkai.scan_file(data, kind="csv")
    assert scan["encoding"] == "GB18030"
    assert locations(scan) == [("resident_id", {"in": "line", "line": 2, "column": 2})]
