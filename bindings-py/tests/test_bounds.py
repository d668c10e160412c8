"""Issue 28: bounded resources and one answer per input. `threads` is capped at the machine,
Ctrl-C stops every batch route within a second, every line of a JSON Lines file is a report or
blank, and the errors a Python user can get are `GongkaiError`s."""

import collections.abc
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import gongkai

RECORD = {"kind": "publication", "id": "x", "item": "admin.art20.99"}


def codes(report):
    return [(d.code, d.path) for d in report.diagnostics]


@pytest.mark.parametrize("threads", [10_000, 10**6, 2**70])
def test_threads_are_capped_at_the_machine(threads):
    start = time.monotonic()
    reports = gongkai.check_many([RECORD] * 10, threads=threads)
    assert len(reports) == 10 and time.monotonic() - start < 10


@pytest.mark.parametrize("threads", [0, -1, 1.5, "2", True])
def test_bad_threads_are_a_gongkai_error(threads):
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.check_many([RECORD], threads=threads)
    assert e.value.code == "invalid_argument" and e.value.path == "threads"


def test_every_jsonl_line_is_a_report_or_blank(tmp_path):
    r = json.dumps(RECORD).encode()
    lines = [r, b"\x0c", b"\xef\xbb\xbf", b"\x0b", b"\xc2\xa0", b"\xef\xbb\xbf\xef\xbb\xbf", b"\x0c" + r,
             b"\xc2\xa0" + r, b" \t\r", b"", r]
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(lines))
    reports = gongkai.check_many(path)
    lines_of = [int(rep.source.rsplit(":", 1)[1]) for rep in reports]
    assert lines_of == [1, 2, 3, 4, 5, 6, 7, 8, 11]
    assert [rep.diagnostics[0].code for rep in reports][1:-1] == [
        "input_invalid_json", "input_empty", "input_invalid_json", "input_invalid_json",
        "input_invalid_json", "input_invalid_json", "input_invalid_json"]
    assert (reports.lines, reports.blank_lines, reports.unreadable) == (11, 2, 7)
    assert reports.lines == reports.blank_lines + len(reports)
    assert gongkai.check_many([RECORD]).lines is None


def test_an_integer_past_64_bits_is_a_number_everywhere(cli, tmp_path):
    record = {**RECORD, "title": 2**64}
    text = json.dumps(record)
    want = ("record_wrong_type", "/title")
    assert want in codes(gongkai.check(record))
    assert want in codes(gongkai.check(text))
    assert all(want in codes(r) for r in gongkai.check_many([record, text, text.encode()]))
    (tmp_path / "r.json").write_text(text)
    out = subprocess.run([cli, "check", "--format", "json", str(tmp_path / "r.json")], capture_output=True)
    cli_codes = [(d["code"], d["path"]) for d in json.loads(out.stdout)["results"][0]["diagnostics"]]
    assert cli_codes == codes(gongkai.check(record))


def test_numbers_past_a_float_are_refused_alike():
    text = '{"kind": "publication", "title": 1e400}'
    report = gongkai.check(text, lang="en")
    assert [d.code for d in report.diagnostics] == ["input_invalid_json"] and "out of range" in report.diagnostics[0].message
    assert codes(gongkai.check_many([text])[0]) == [("input_invalid_json", "")]
    # As a Python int it has no float either: the record has no JSON form, said where.
    assert codes(gongkai.check_many([{**RECORD, "title": 10**400}])[0]) == [("input_invalid_json", "/title")]
    assert codes(gongkai.check({**RECORD, "title": 10**400})) == [("input_invalid_json", "/title")]
    # 1e-400 reads as 0 in every JSON reader.
    assert ("record_wrong_type", "/title") in codes(gongkai.check('{"kind": "publication", "title": 1e-400}'))


def test_a_lone_surrogate_in_json_text_is_a_record_error_not_a_unicode_error():
    text = '{"kind": "publication", "title": "\ud800"}'
    assert [d.code for d in gongkai.check(text).diagnostics] == ["input_invalid_json"]
    assert [d.code for d in gongkai.check_many([text])[0].diagnostics] == ["input_invalid_json"]
    escaped = '{"kind": "publication", "title": "\\ud800"}'
    assert codes(gongkai.check(escaped)) == [("input_invalid_json", "")]
    assert codes(gongkai.check_many([escaped])[0]) == [("input_invalid_json", "")]


@pytest.mark.parametrize("n", [2**63, -(2**63) - 1, 10**30])
def test_huge_counts_are_gongkai_errors_not_overflow_errors(n):
    for call in (lambda: gongkai.add_working_days(dt.date(2026, 3, 2), n),
                 lambda: gongkai.working_days_after(dt.date(2026, 3, 2), n),
                 lambda: gongkai.fee_by_pieces(n),
                 lambda: gongkai.fee_by_pages(n),
                 lambda: gongkai.fee_for_more_pieces(n, 1)):
        with pytest.raises(gongkai.GongkaiError) as e:
            call()
        assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.GongkaiError):
        gongkai.add_working_days(dt.date(2026, 3, 2), "3")


class Overriding(dict):
    """A dict whose items() is what it means (what json.dumps reads)."""

    def items(self):
        return [("kind", "publication"), ("id", "from-items"), ("item", "admin.art20.99")]


class Frozen(collections.abc.Mapping):
    def __init__(self, data):
        self._data = dict(data)

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


def test_mappings_are_read_through_their_items():
    odd = Overriding(kind="request")
    assert json.loads(json.dumps(odd))["id"] == "from-items"
    want = codes(gongkai.check(json.loads(json.dumps(odd))))
    assert gongkai.check(odd).id == "from-items" and codes(gongkai.check(odd)) == want
    batch = gongkai.check_many([odd, Frozen(RECORD), {**RECORD, "institution": Frozen({"kind": "administrative"})}])
    assert batch[0].id == "from-items" and codes(batch[0]) == want
    assert codes(batch[1]) == codes(gongkai.check(RECORD))
    assert batch[2].id == "x"


CTRL_C = textwrap.dedent("""
    import itertools, os, pathlib, signal, sys, threading, time, gongkai
    route = sys.argv[1]
    record = {"kind": "publication", "id": "x", "item": "admin.art20.99", "body": "公开" * 200}
    if route == "iterable":
        records = itertools.repeat(record)
    elif route == "lines":
        import json
        records = itertools.repeat(json.dumps(record, ensure_ascii=False))
    else:
        import json
        fifo = pathlib.Path(sys.argv[2])
        line = (json.dumps(record, ensure_ascii=False) + "\\n").encode()
        def feed():
            with open(fifo, "wb") as f:
                while True:
                    f.write(line * 100)
        threading.Thread(target=feed, daemon=True).start()
        records = fifo
    threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    try:
        gongkai.check_many(records)
    except KeyboardInterrupt:
        print(f"interrupted after {time.monotonic() - start - 1.0:.2f}")
""")


@pytest.mark.parametrize("route", ["iterable", "lines", "path"])
def test_ctrl_c_stops_every_batch_route_within_a_second(route, tmp_path):
    fifo = tmp_path / "records.jsonl"
    if route == "path":
        os.mkfifo(fifo)
    out = subprocess.run([sys.executable, "-c", CTRL_C, route, str(fifo)], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("interrupted after"), out.stderr[-2000:]
    assert float(out.stdout.split()[-1]) < 1.0, out.stdout
