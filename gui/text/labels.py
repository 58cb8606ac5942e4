"""Display names of the engine's method keys, through Qt's translation machinery.

The engine speaks in stable keys (`minmax`, `geometric`…); the user sees
"极差标准化" or "Min-max". One table, used by every widget. Each string is a
literal `translate("Methods", …)` call so that lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def method_label(key: str) -> str:
    labels = {
        "minmax": translate("Methods", "Min-max"),
        "zscore": translate("Methods", "Z-score"),
        "rank": translate("Methods", "Rank"),
        "percentile": translate("Methods", "Percentile"),
        "goalposts": translate("Methods", "Goalposts"),
        "target": translate("Methods", "Distance to target"),
        "ratio_max": translate("Methods", "Ratio to maximum"),
        "arithmetic": translate("Methods", "Arithmetic mean"),
        "geometric": translate("Methods", "Geometric mean"),
        "harmonic": translate("Methods", "Harmonic mean"),
        "topsis": translate("Methods", "TOPSIS"),
        "grey": translate("Methods", "Grey relational analysis"),
        "rsr": translate("Methods", "Rank-sum ratio"),
        "copeland": translate("Methods", "Copeland ranking"),
        "bod": translate("Methods", "DEA/BoD (benefit of the doubt)"),
        "none": translate("Methods", "None"),
        "mean": translate("Methods", "Mean"),
        "median": translate("Methods", "Median"),
        "group_mean": translate("Methods", "Group mean"),
        "group_median": translate("Methods", "Group median"),
        "winsorise": translate("Methods", "Winsorise"),
        "log": translate("Methods", "Logarithm"),
        "log1p": translate("Methods", "log(1 + x)"),
    }
    return labels.get(key, key)
