"""A problem's message in the user's language.

The sentences live in the engine (core.text.problem_texts, one Chinese and one English template per
problem kind); the window only picks the language it currently speaks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def current_language() -> str:
    """'zh' or 'en': the language the application's translators are set to (zh before any)."""
    app = QCoreApplication.instance()
    langs = getattr(app, "_cityindex_languages", None) if app is not None else None
    return getattr(langs, "current", "") or "zh"


def problem_text(p, lang: str | None = None) -> str:
    return p.text(lang or current_language())


def problem_line(p, lang: str | None = None) -> str:
    """The problem's sentence with whose it is in front: '2023 版：' for a row of one edition of a
    multi-edition input, '专家 张三：' for one expert's form (core.text.problem_texts.expert_prefix)."""
    from core.text.problem_texts import expert_prefix
    lang = lang or current_language()
    return expert_prefix(p, lang) + p.text(lang)


def shown_error(e: BaseException, lang: str | None = None) -> str:
    """An error's message for a dialog, in the window's language when the engine wrote it in both
    (core.files.atomic.WriteError: a file that could not be written)."""
    from core.files.atomic import error_text
    return error_text(e, lang or current_language())
