"""Types of the dicts gongkai returns, for annotations (`gongkai.DiagnosticDict`, …)."""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

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
