"""gongkai (公开): PRC public-information disclosure catalogues, exemption grounds and record checks.

A thin Python face of the Rust library: every answer comes from the same core as the
``gongkai`` command line, so codes and paths agree.
"""

from gongkai._gongkai import (
    CalendarError,
    Catalogue,
    CatalogueError,
    GongkaiError,
    RecordError,
    __version__,
    codes,
    grounds,
)

__all__ = [
    "CalendarError",
    "Catalogue",
    "CatalogueError",
    "GongkaiError",
    "RecordError",
    "__version__",
    "codes",
    "grounds",
]
