"""`gongkai check --format json` on a JSONL file of the Python benchmark's records, for two or
more builds of the CLI side by side: runs alternate between the builds, and each build's median
time, its peak memory (the child's own maximum resident set) and a hash of its output are printed,
with each build's median ratio to the first.

The records are `python_bench.make_record`'s (same seed), their items those of the catalogue as
the first build lists them (`gongkai catalogue list --format json`), so the Python binding need
not be installed.

Usage: python3 benches/cli_jsonl.py BASELINE_GONGKAI OTHER_GONGKAI... [--records N] [--runs R]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types

HERE = pathlib.Path(__file__).resolve().parent
# python_bench imports the binding at its top; only its record generator is used here.
sys.modules.setdefault("gongkai", types.ModuleType("gongkai"))
sys.path.insert(0, str(HERE / "peers"))
import python_bench  # noqa: E402


def timed_items(cli: str) -> list[str]:
    listed = json.loads(subprocess.run([cli, "catalogue", "list", "--format", "json"], check=True,
                                       capture_output=True).stdout)
    items = [i for t in listed for i in t["items"]]
    timed = [i["id"] for i in items if (i.get("timing") or {}).get("kind") == "within_working_days"]
    return timed or [i["id"] for i in items]


def run(cli: str, path: str) -> tuple[float, int, str]:
    """Wall time, peak resident memory in bytes, and the SHA-256 of stdout."""
    digest = hashlib.sha256()
    start = time.perf_counter()
    child = subprocess.Popen([cli, "check", "--format", "json", path], stdout=subprocess.PIPE)
    assert child.stdout is not None
    for chunk in iter(lambda: child.stdout.read(1 << 20), b""):
        digest.update(chunk)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss * 1024, digest.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("builds", nargs="+", help="gongkai executables; the first is the baseline")
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=6)
    args = ap.parse_args()

    rng = random.Random(2025)
    items = timed_items(args.builds[0])
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i in range(args.records):
            f.write(json.dumps(python_bench.make_record(i, rng, items), ensure_ascii=False) + "\n")
        path = f.name
    try:
        size = os.path.getsize(path)
        print(f"{args.records} records, {size / 1e6:.0f} MB of JSONL; {args.runs} runs per build, alternating")
        results: dict[str, list[tuple[float, int, str]]] = {b: [] for b in args.builds}
        for _ in range(args.runs):
            for b in args.builds:
                results[b].append(run(b, path))
    finally:
        os.unlink(path)
    base = statistics.median(t for t, _, _ in results[args.builds[0]])
    for b, rs in results.items():
        t = statistics.median(t for t, _, _ in rs)
        peak = max(m for _, m, _ in rs) / 1e6
        hashes = sorted({h for _, _, h in rs})
        print(f"{b}: median {t:.2f} s ({t / base:.2f}x the first), runs {', '.join(f'{t:.2f}' for t, _, _ in rs)}; "
              f"peak {peak:.0f} MB; output {', '.join(hashes)}")


if __name__ == "__main__":
    main()
