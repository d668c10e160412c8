"""`check_many`: hands records to the Rust batch engine. DataFrames and Arrow tables are turned
into JSON lines by their own native writers (pandas' C writer, polars' Rust writer), a slice of
rows at a time, so that no Python loop touches the rows and writing overlaps checking; the rules
all run in Rust."""

from __future__ import annotations

import datetime
import os
import sys
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from gongkai import _gongkai


class _StderrCounter:
    """A progress counter on stderr, used when tqdm is not installed."""

    def __init__(self, total: Optional[int]) -> None:
        self.total = total
        self.done = 0

    def update(self, n: int) -> None:
        self.done += n
        of = f"/{self.total}" if self.total is not None else ""
        sys.stderr.write(f"\rgongkai: checked {self.done}{of} records")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _progress_bar(total: Optional[int]) -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _StderrCounter(total)
    return tqdm(total=total, unit="rec", desc="gongkai check")


def _kind_of(obj: Any) -> str:
    cls = type(obj)
    return f"{cls.__module__.split('.')[0]}.{cls.__name__}"


# Rows per slice of a DataFrame: each slice is written as JSON lines while the previous one is
# checked on the other threads, so the writer's time overlaps the checking.
_SLICE = 4096


def _pandas_dates(df: Any) -> Any:
    """Date columns as `YYYY-MM-DD` text (records carry dates, not timestamps) when they hold no time."""
    import pandas as pd

    converted = None
    for col in df.columns:
        series = df[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            valid = series.dropna()
            if len(valid) == 0 or (valid == valid.dt.normalize()).all():
                if converted is None:
                    converted = df.copy()
                converted[col] = series.dt.strftime("%Y-%m-%d")
    return df if converted is None else converted


def _pandas_ndjson(frame: Any) -> bytes:
    text = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
    return (text or "").encode("utf-8", "surrogatepass")


def _frame_slices(records: Any) -> Optional[Iterator[bytes]]:
    """JSON lines, a slice of rows at a time, for a DataFrame or an Arrow table; None for anything else."""
    kind = _kind_of(records)
    if kind == "pandas.DataFrame":
        frame = _pandas_dates(records)
        return (_pandas_ndjson(frame.iloc[i : i + _SLICE]) for i in range(0, len(frame), _SLICE))
    if kind == "polars.LazyFrame":
        records = records.collect()
        kind = "polars.DataFrame"
    if kind in ("pyarrow.Table", "pyarrow.RecordBatch"):
        try:
            import polars as pl
        except ImportError:
            frame = _pandas_dates(records.to_pandas())
            return (_pandas_ndjson(frame.iloc[i : i + _SLICE]) for i in range(0, len(frame), _SLICE))
        records = pl.from_arrow(records)
        kind = "polars.DataFrame"
    if kind == "polars.DataFrame":
        df = records
        return (df.slice(i, _SLICE).write_ndjson().encode("utf-8", "surrogatepass") for i in range(0, len(df), _SLICE))
    return None


def _paths(records: Any) -> Optional[list[str]]:
    """The paths to read, for a path (`os.PathLike`) or a list or tuple of them; None otherwise."""
    if isinstance(records, os.PathLike):
        return [os.fspath(records)]
    if isinstance(records, (list, tuple)) and records and all(isinstance(r, os.PathLike) for r in records):
        return [os.fspath(r) for r in records]
    return None


def check_many(
    records: Any,
    threads: Optional[int] = None,
    progress: bool = False,
    *,
    lang: str = "zh",
    today: Optional[datetime.date] = None,
    catalogue: Optional[_gongkai.Catalogue] = None,
    screening: bool = True,
    strict_calendar: bool = False,
    strict_members: bool = False,
    select: Union[str, Iterable[str], None] = None,
    ignore: Union[str, Iterable[str], None] = None,
) -> _gongkai.Reports:
    """check_many(records, threads=None, progress=False, *, lang="zh", today=None, catalogue=None, screening=True, strict_calendar=False, strict_members=False, select=None, ignore=None)

    Check many records on every core (the GIL is released while rules run). `records` is a list
    or any iterable of dicts / JSON strings / bytes, a pandas or polars DataFrame (a row per
    record, empty cells are missing fields), a pyarrow Table, or files: a `pathlib.Path` (or a
    list of them) to a `.jsonl` file (a record a line), a `.json` file (a record or an array) or
    a folder of them, read in Rust as `gongkai check PATH` reads them (each report's `source` is
    `FILE:LINE`). Returns `Reports`, in input order; bad records get a diagnostic each, the
    batch never stops at one. `strict_calendar=True` refuses provisional years (time limits in a
    year with no State Council notice are not checked, instead of derived from the 放假办法).
    `strict_members`, `select` and `ignore` are as for `check()` (and `gongkai check`).
    """
    if isinstance(records, (str, bytes, dict)):
        raise TypeError(
            f"check_many expects many records (a list, an iterable, a DataFrame, a pathlib.Path), found {type(records).__name__}: "
            "use check() for one record, or pathlib.Path(...) for a file"
        )
    paths = _paths(records)
    if paths is not None:
        bar = _progress_bar(None) if progress else None
        try:
            return _gongkai._check_paths(paths, threads, bar.update if bar is not None else None, lang, today, catalogue, screening, strict_calendar, strict_members, select, ignore)
        finally:
            if bar is not None:
                bar.close()
    slices = _frame_slices(records)
    try:
        total: Optional[int] = len(records)
    except TypeError:
        total = None
    bar = _progress_bar(total) if progress else None
    update: Optional[Callable[[int], Any]] = bar.update if bar is not None else None
    try:
        if slices is not None:
            return _gongkai._check_ndjson(slices, threads, update, lang, today, catalogue, screening, strict_calendar, strict_members, select, ignore)
        return _gongkai._check_batch(records, threads, update, lang, today, catalogue, screening, strict_calendar, strict_members, select, ignore)
    finally:
        if bar is not None:
            bar.close()
