"""Type stubs for gongkai (hand-written; tests/test_stubs.py keeps them in step with the module)."""

import datetime
import os
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping, Optional, Sequence, TypedDict, Union, final

__all__ = [
    "Calendar",
    "CalendarError",
    "Catalogue",
    "CatalogueError",
    "Change",
    "DayKind",
    "Diagnostic",
    "DiagnosticDict",
    "ErrorInfo",
    "Finding",
    "GongkaiError",
    "RecordError",
    "Redaction",
    "Report",
    "Reports",
    "Severity",
    "__version__",
    "add_working_days",
    "audit",
    "calendar_years",
    "check",
    "check_many",
    "codes",
    "day_kind",
    "deadline",
    "fee_by_pages",
    "fee_by_pieces",
    "fee_for_more_pieces",
    "grounds",
    "is_working_day",
    "next_working_day",
    "redact",
    "redact_file",
    "report_check",
    "request_timeline",
    "scan",
    "scan_file",
    "SiteCheck",
    "proactive_candidates",
    "site_check",
    "working_days_after",
    "working_days_between",
]

__version__: str

_Json = Any
_PathLike = Union[str, os.PathLike[str]]
_Date = Union[datetime.date, str]

Severity = Literal["error", "warning", "info"]

class ErrorInfo(TypedDict):
    """One error of an exception's ``.errors``."""

    code: str
    message: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    path: Optional[str]

class DiagnosticDict(TypedDict, total=False):
    """``Diagnostic.to_dict()``: the CLI's ``--format json`` shape (``help`` only when there is one)."""

    code: str
    severity: Severity
    path: str
    message: str
    basis: Optional[str]
    help: str

class GongkaiError(ValueError):
    """Base of gongkai's errors; every one is a ``ValueError``. ``errors`` holds every error when
    there are several (a catalogue file with many breaches); the attributes are the first one's."""

    code: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    path: Optional[str]
    errors: list[ErrorInfo]

class CatalogueError(GongkaiError): ...
class RecordError(GongkaiError): ...
class CalendarError(GongkaiError): ...

@final
class Catalogue:
    @staticmethod
    def default() -> Catalogue: ...
    @staticmethod
    def from_path(path: _PathLike) -> Catalogue: ...
    def with_overlay(self, path: _PathLike) -> Catalogue: ...
    def items(
        self,
        kind: Optional[str] = None,
        tier: Optional[str] = None,
        role: Optional[str] = None,
        sector: Optional[str] = None,
        domain: Optional[str] = None,
        level: Optional[str] = None,
    ) -> list[dict[str, _Json]]: ...
    def domains(self) -> dict[str, _Json]: ...
    def item(self, id: str) -> dict[str, _Json]: ...
    def schema(self, id: str) -> dict[str, _Json]: ...
    def grounds(self) -> list[dict[str, _Json]]: ...
    @property
    def templates(self) -> list[str]: ...
    @property
    def overlays(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def _repr_html_(self) -> str: ...

def grounds() -> list[dict[str, _Json]]: ...
def codes() -> list[dict[str, _Json]]: ...

# ── calendar ────────────────────────────────────────────────────────────────────────────────

@final
class DayKind:
    """What kind of day a date is (``kind``: working_day, weekend, holiday, makeup_working_day, closure)."""

    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def name_en(self) -> Optional[str]: ...
    @property
    def is_working_day(self) -> bool: ...
    @property
    def provisional(self) -> bool:
        """The year has no State Council notice loaded: the day is derived from the 放假办法."""

def is_working_day(date: _Date) -> bool: ...
def day_kind(date: _Date) -> DayKind: ...
def add_working_days(date: _Date, n: int) -> datetime.date: ...
def working_days_between(a: _Date, b: _Date) -> int: ...
def next_working_day(date: _Date) -> datetime.date: ...
def calendar_years() -> list[int]: ...
def deadline(rule: str, start: _Date, *, calendar: Optional[Calendar] = None) -> dict[str, _Json]: ...
def working_days_after(start: _Date, n: int, *, calendar: Optional[Calendar] = None) -> dict[str, _Json]: ...
def request_timeline(
    record: Union[Mapping[str, Any], str, bytes],
    *,
    calendar: Optional[Calendar] = None,
    catalogue: Optional[Catalogue] = None,
    today: Optional[_Date] = None,
    due_soon_working_days: int = 5,
    lang: str = "zh",
) -> dict[str, _Json]: ...

@final
class Calendar:
    """A working-day calendar: the embedded State Council notices, plus year or closure files."""

    @staticmethod
    def default() -> Calendar: ...
    @staticmethod
    def strict() -> Calendar:
        """The embedded calendar without provisional years (a year with no notice raises)."""
    def is_provisional(self, year: int) -> bool: ...
    def provisional_years(self) -> list[dict[str, _Json]]: ...
    @staticmethod
    def from_paths(paths: Sequence[_PathLike]) -> Calendar: ...
    def with_file(self, path: _PathLike) -> Calendar: ...
    def with_yaml(self, text: str, name: str = "<string>") -> Calendar: ...
    @property
    def years(self) -> list[int]: ...
    @property
    def closures(self) -> list[dict[str, _Json]]: ...
    def is_working_day(self, date: _Date) -> bool: ...
    def day_kind(self, date: _Date) -> DayKind: ...
    def add_working_days(self, date: _Date, n: int) -> datetime.date: ...
    def working_days_between(self, a: _Date, b: _Date) -> int: ...
    def next_working_day(self, date: _Date) -> datetime.date: ...
    def deadline(self, rule: str, start: _Date) -> dict[str, _Json]: ...
    def working_days_after(self, start: _Date, n: int) -> dict[str, _Json]: ...

# ── fees (信息处理费, 国办函〔2020〕109号) ──────────────────────────────────────────────────────

def fee_by_pieces(n: int) -> dict[str, _Json]: ...
def fee_by_pages(n: int) -> dict[str, _Json]: ...
def fee_for_more_pieces(earlier: int, new: int) -> int: ...

# ── checking records ──────────────────────────────────────────────────────────────────────────

@final
class Diagnostic:
    """One problem found in a record (the CLI's JSON shape, plus both languages)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def message_zh(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def basis(self) -> Optional[str]: ...
    @property
    def help(self) -> Optional[str]: ...
    def to_dict(self) -> DiagnosticDict: ...

@final
class Report:
    """The result of checking one record."""

    @property
    def diagnostics(self) -> list[Diagnostic]: ...
    @property
    def ok(self) -> bool: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def source(self) -> Optional[str]: ...
    @property
    def errors(self) -> int: ...
    @property
    def warnings(self) -> int: ...
    def to_dicts(self) -> list[DiagnosticDict]: ...
    def __len__(self) -> int: ...
    def _repr_html_(self) -> str: ...

@final
class Reports:
    """The results of a batch, in input order."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: int, /) -> Report: ...
    def __iter__(self) -> Iterator[Report]: ...
    @property
    def ok(self) -> bool: ...
    @property
    def errors(self) -> int: ...
    @property
    def unreadable(self) -> int:
        """Reports of inputs that could not be read as a record (an `input_*` code)."""
    @property
    def lines(self) -> Optional[int]:
        """JSON Lines lines read, for a batch read from files (`None` otherwise)."""
    @property
    def blank_lines(self) -> Optional[int]:
        """Lines holding only JSON whitespace, skipped (`lines == blank_lines + len(reports)`)."""
    @property
    def warnings(self) -> int: ...
    def to_dicts(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...
    def to_arrow(self) -> Any: ...
    def _repr_html_(self) -> str: ...

_Record = Union[dict[str, Any], str, bytes, Any]

def check(
    record: _Record,
    *,
    lang: str = "zh",
    today: Optional[_Date] = None,
    catalogue: Optional[Catalogue] = None,
    screening: bool = True,
    strict_calendar: bool = False,
    strict_members: bool = False,
    select: Union[str, Iterable[str], None] = None,
    ignore: Union[str, Iterable[str], None] = None,
) -> Report: ...
def check_many(
    records: Any,
    threads: Optional[int] = None,
    progress: bool = False,
    *,
    lang: str = "zh",
    today: Optional[_Date] = None,
    catalogue: Optional[Catalogue] = None,
    screening: bool = True,
    strict_calendar: bool = False,
    strict_members: bool = False,
    select: Union[str, Iterable[str], None] = None,
    ignore: Union[str, Iterable[str], None] = None,
) -> Reports: ...

def audit(
    records: Any,
    *,
    kind: str,
    tier: str,
    period: int,
    role: Optional[str] = None,
    sector: Optional[str] = None,
    name: Optional[str] = None,
    today: Optional[_Date] = None,
    catalogue: Optional[Catalogue] = None,
) -> dict[str, _Json]: ...
def report_check(
    report: Union[Mapping[str, Any], str, os.PathLike[str]],
    previous: Optional[Union[Mapping[str, Any], str, os.PathLike[str]]] = None,
    *,
    lang: str = "zh",
) -> Report: ...

# ── screening ────────────────────────────────────────────────────────────────────────────────

@final
class Finding:
    """Something found in a text; ``text[f.start:f.end]`` is the value."""

    @property
    def kind(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def redacted(self) -> bool: ...
    @property
    def label(self) -> Optional[str]: ...
    @property
    def reason(self) -> Optional[str]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def preview(self) -> str: ...
    @property
    def value(self) -> Optional[str]: ...

@final
class Change:
    @property
    def kind(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def replacement(self) -> str: ...

@final
class Redaction:
    @property
    def text(self) -> str: ...
    @property
    def changes(self) -> list[Change]: ...

def scan(text: str, *, include_values: bool = False, include_redacted: bool = False) -> list[Finding]: ...
def redact(text: str, mode: str = "mask") -> Redaction: ...
def scan_file(
    source: Union[str, os.PathLike[str], bytes, bytearray],
    *,
    kind: Optional[str] = None,
    include_values: bool = False,
    include_redacted: bool = False,
    max_uncompressed: int = 1073741824,
    max_cells: int = 10000000,
) -> dict[str, Any]: ...
def redact_file(
    source: Union[str, os.PathLike[str], bytes, bytearray],
    *,
    kind: Optional[str] = None,
    mode: str = "mask",
    remove_hidden_sheets: bool = False,
    max_uncompressed: int = 1073741824,
    max_cells: int = 10000000,
) -> tuple[Optional[bytes], dict[str, Any]]: ...

# Site inspection (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号) and 条例 Art 44 candidates.
@final
class SiteCheck:
    @property
    def verdict(self) -> str: ...
    @property
    def passed(self) -> bool: ...
    @property
    def score(self) -> int: ...
    @property
    def pass_score(self) -> int: ...
    @property
    def vetoes(self) -> int: ...
    @property
    def as_of(self) -> Optional[str]: ...
    @property
    def findings(self) -> list[dict[str, _Json]]: ...
    @property
    def rectifications(self) -> list[dict[str, _Json]]: ...
    @property
    def interaction(self) -> dict[str, _Json]: ...
    @property
    def indicators(self) -> list[dict[str, _Json]]: ...
    def to_json(self) -> dict[str, _Json]: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...
    def text(self) -> str: ...
    def html(self) -> str: ...
    def _repr_html_(self) -> str: ...
    def __bool__(self) -> bool: ...
    def __len__(self) -> int: ...

def site_check(
    snapshot: Union[Mapping[str, Any], str, bytes, os.PathLike[str]],
    *,
    as_of: Optional[_Date] = None,
    overlays: Sequence[_PathLike] = ...,
    lang: str = "zh",
) -> SiteCheck: ...
def proactive_candidates(
    records: Union[Sequence[Mapping[str, Any]], str, bytes, os.PathLike[str]],
    *,
    min_applicants: int = 2,
    lang: str = "zh",
) -> dict[str, _Json]: ...
