"""gongkai (公开): PRC public-information disclosure catalogues, exemption grounds and record checks.

A thin Python face of the Rust library: every answer comes from the same core as the
``gongkai`` command line, so codes and paths agree.
"""

from gongkai._gongkai import (
    CalendarError,
    Catalogue,
    CatalogueError,
    Change,
    DayKind,
    Diagnostic,
    Finding,
    GongkaiError,
    RecordError,
    Redaction,
    Report,
    Reports,
    __version__,
    add_working_days,
    calendar_years,
    check,
    codes,
    day_kind,
    deadline,
    grounds,
    is_working_day,
    next_working_day,
    redact,
    scan,
    working_days_between,
)
from gongkai._batch import check_many

__all__ = [
    "CalendarError",
    "Catalogue",
    "CatalogueError",
    "Change",
    "DayKind",
    "Diagnostic",
    "Finding",
    "GongkaiError",
    "RecordError",
    "Redaction",
    "Report",
    "Reports",
    "__version__",
    "add_working_days",
    "calendar_years",
    "check",
    "check_many",
    "codes",
    "day_kind",
    "deadline",
    "grounds",
    "is_working_day",
    "next_working_day",
    "redact",
    "scan",
    "working_days_between",
]
