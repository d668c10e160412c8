#!/usr/bin/env python3
"""Peer figure for the calendar: chinese_calendar.find_workday(20, d) per call, on the same kind of
start dates as core/benches/calendar.rs, next to gongkai's Rust figure from the last
`cargo bench -p gongkai --bench calendar` run (read from target/criterion), and gongkai's Python
binding when it is installed.

    pip install chinesecalendar==1.11.0
    cargo bench -p gongkai --bench calendar     # the Rust figure
    python3 benches/peers/calendar_peer.py

Semantics differ and are not compared here: find_workday(n, d) counts the first working day on or
after d as day 0, so for a non-working d it answers one working day later than gongkai's
add_working_days(d, n) (n working days after d, d not counted, 民法典 Art 201).
"""

import datetime as dt
import json
import time
from pathlib import Path

import chinese_calendar

ROOT = Path(__file__).resolve().parents[2]
FIRST = dt.date(2007, 1, 1)


def starts(n=1024):
    """The same fixed LCG as the Rust bench (dates in 2007-01-01 .. 2026-11-27)."""
    x, out = 0x2545F4914F6CDD1D, []
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        out.append(FIRST + dt.timedelta(days=(x >> 33) % 7270))
    return out


def per_call(fn, dates, min_seconds=2.0):
    calls, t0 = 0, time.perf_counter()
    while True:
        for d in dates:
            fn(d)
        calls += len(dates)
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return elapsed / calls


def rust_figure():
    est = ROOT / "target/criterion/calendar/add_working_days(d, 20) x1024/new/estimates.json"
    if not est.exists():
        return None
    ns_per_iter = json.loads(est.read_text())["mean"]["point_estimate"]
    return ns_per_iter / 1024 / 1e9  # seconds per call


def main():
    dates = starts()
    peer = per_call(lambda d: chinese_calendar.find_workday(20, d), dates)
    print(f"chinese_calendar {chinese_calendar.__version__} find_workday(20, d): {peer * 1e6:.1f} µs/call "
          f"({1 / peer:,.0f} calls/s)")
    rust = rust_figure()
    if rust:
        print(f"gongkai Rust add_working_days(d, 20) (criterion, last run): {rust * 1e9:.1f} ns/call "
              f"({1 / rust / 1e6:.1f} M calls/s) = {peer / rust:,.0f}x the peer")
    else:
        print("gongkai Rust figure: run `cargo bench -p gongkai --bench calendar` first")
    try:
        import gongkai  # the Python binding (another helper's work)

        fn = getattr(gongkai, "add_working_days", None)
        if fn is None:
            print("gongkai Python binding: no add_working_days; not measured")
        else:
            ours = per_call(lambda d: fn(d, 20), dates)
            print(f"gongkai Python add_working_days(d, 20): {ours * 1e6:.2f} µs/call = {peer / ours:,.0f}x the peer")
    except ImportError:
        print("gongkai Python binding: not installed; not measured")


if __name__ == "__main__":
    main()
