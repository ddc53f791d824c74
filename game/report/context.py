"""What a class report shows besides the analysis: the class code, the mode, the roster."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Roster:
    """The roster's names by what they handed in, and who handed in without being on it."""

    finished: list[str] = field(default_factory=list)
    started: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    other_code: list[str] = field(default_factory=list)  # only rounds of another class code
    not_on_roster: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReportContext:
    """The choices the report was made with, shown in its title, and the roster."""

    mode: str | None = None
    code: str | None = None
    roster: Roster | None = None
