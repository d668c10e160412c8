"""gongkai (公开): PRC public-information disclosure catalogues, exemption grounds and record checks.

A thin Python face of the Rust library: every answer comes from the same core as the
``gongkai`` command line, so codes and paths agree.
"""

from gongkai._gongkai import (
    CalendarError,
    Catalogue,
    CatalogueError,
    DayKind,
    GongkaiError,
    RecordError,
    __version__,
    add_working_days,
    calendar_years,
    codes,
    day_kind,
    grounds,
    is_working_day,
    next_working_day,
    working_days_between,
)

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
