import datetime
from typing import Any, Iterable, Optional, Union

from gongkai import Catalogue, Reports

def check_many(
    records: Any,
    threads: Optional[int] = None,
    progress: bool = False,
    *,
    lang: str = "zh",
    today: Optional[Union[datetime.date, str]] = None,
    catalogue: Optional[Catalogue] = None,
    screening: bool = True,
    strict_calendar: bool = False,
    strict_members: bool = False,
    select: Union[str, Iterable[str], None] = None,
    ignore: Union[str, Iterable[str], None] = None,
) -> Reports: ...
