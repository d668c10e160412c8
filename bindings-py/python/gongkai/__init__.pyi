"""Type stubs for gongkai (hand-written; tests/test_stubs.py keeps them in step with the module)."""

import datetime
import os
from typing import Any, Optional, Union, final

__all__ = [
    "CalendarError",
    "Catalogue",
    "CatalogueError",
    "DayKind",
    "GongkaiError",
    "RecordError",
    "__version__",
    "add_working_days",
    "calendar_years",
    "codes",
    "day_kind",
    "grounds",
    "is_working_day",
    "next_working_day",
    "working_days_between",
]

__version__: str

_Json = Any
_PathLike = Union[str, os.PathLike[str]]
_Date = Union[datetime.date, str]

class GongkaiError(ValueError):
    """Base of gongkai's errors; every one is a ``ValueError``."""

    code: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    path: Optional[str]

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
    ) -> list[dict[str, _Json]]: ...
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

def is_working_day(date: _Date) -> bool: ...
def day_kind(date: _Date) -> DayKind: ...
def add_working_days(date: _Date, n: int) -> datetime.date: ...
def working_days_between(a: _Date, b: _Date) -> int: ...
def next_working_day(date: _Date) -> datetime.date: ...
def calendar_years() -> list[int]: ...
