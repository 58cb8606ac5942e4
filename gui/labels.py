"""Display names of the engine's method keys, through Qt's translation machinery.

The engine speaks in stable keys (`minmax`, `geometric`…); the user sees
"极差标准化 (min-max)" or "Min-max". One table, used by every widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def method_label(key: str) -> str:
    t = lambda s: QCoreApplication.translate("Methods", s)  # noqa: E731
    labels = {
        "minmax": t("Min-max"), "zscore": t("Z-score"), "rank": t("Rank"),
        "percentile": t("Percentile"), "goalposts": t("Goalposts"), "target": t("Distance to target"),
        "ratio_max": t("Ratio to maximum"), "arithmetic": t("Arithmetic mean"),
        "geometric": t("Geometric mean"), "harmonic": t("Harmonic mean"),
        "none": t("None"), "mean": t("Mean"), "median": t("Median"), "group_mean": t("Group mean"),
        "group_median": t("Group median"), "winsorise": t("Winsorise"), "log": t("Logarithm"),
        "log1p": t("log(1 + x)"),
    }
    return labels.get(key, key)
