"""Problems found in the input, each pinned to a place a user can find.

Every message names the file, the sheet, the row as Excel numbers it (header
row = 1), the column header or node code, and the value that was seen. The
same object serves the `check` command, the GUI's problem dock and the
data-quality sheet of the results workbook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from core.text import input_texts, problem_texts

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR, WARNING or INFO
    kind: str  # a short stable key, e.g. "non_numeric", "duplicate_code"
    message: str  # one sentence, in plain words
    file: str = ""
    sheet: str = ""
    row: int | None = None  # Excel row number (1 = header row)
    column: str = ""  # the column header as written, or a node code
    value: Any = None  # the offending value as seen
    unit: str = ""  # the unit (city) concerned, when there is one
    code: str = ""  # the node/indicator concerned, when there is one
    # further facts the kind's sentence needs (core.text.problem_texts), e.g. {"expert": "张三", "cell": "C3"}
    args: dict | None = field(default=None, compare=False)

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def text(self, lang: str = "zh") -> str:
        """The sentence in `lang` ('zh' or 'en') from the kind's template (core.text.problem_texts)."""
        return problem_texts.problem_text(self, lang)

    def format(self, lang: str | None = None) -> str:
        """One line: severity, location, sentence, value — in `lang`; without it the engine's English."""
        if lang is not None:
            return problem_texts.format_problem(self, lang)
        loc = self.location()
        val = ""
        if self.value is not None and self.value != "":
            val = f" (value: {self.value!r})"
        head = f"{self.severity.upper()}: "
        return f"{head}{loc + ': ' if loc else ''}{self.message}{val}"

    def to_dict(self) -> dict:
        d = asdict(self)
        if d["value"] is not None and not isinstance(d["value"], (int, float, str, bool)):
            d["value"] = str(d["value"])
        if d["args"] is None:
            del d["args"]
        else:
            d["args"] = {k: (v if isinstance(v, (int, float, str, bool)) or v is None else str(v))
                         for k, v in d["args"].items()}
        return d


def input_problem(severity: str, kind: str, where: dict, **fields) -> Problem:
    """A Problem of a hostile or damaged file (core.text.input_texts): its English text, and the fields
    as `args` (shown as text) so that the Chinese template of the kind can be filled."""
    shown = {k: input_texts.shown(v) for k, v in fields.items()}
    return Problem(severity, kind, input_texts.text(kind, "en", **fields), **where, args=shown)


@dataclass
class ProblemList:
    """An ordered list of problems with convenience filters."""

    items: list[Problem] = field(default_factory=list)

    def add(self, severity: str, kind: str, message: str, **where: Any) -> Problem:
        p = Problem(severity, kind, message, **where)
        self.items.append(p)
        return p

    def error(self, kind: str, message: str, **where: Any) -> Problem:
        return self.add(ERROR, kind, message, **where)

    def warning(self, kind: str, message: str, **where: Any) -> Problem:
        return self.add(WARNING, kind, message, **where)

    def info(self, kind: str, message: str, **where: Any) -> Problem:
        return self.add(INFO, kind, message, **where)

    def extend(self, other: ProblemList | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, ProblemList) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class InputError(Exception):
    """Raised when an input cannot be used at all; carries the problems."""

    def __init__(self, problems: ProblemList | list[Problem]):
        if isinstance(problems, list):
            problems = ProblemList(list(problems))
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems.items))
