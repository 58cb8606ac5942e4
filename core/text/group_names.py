"""How a well-known group column is headed where the application presents it.

A data sheet's group columns keep the header the user wrote (the data tab and the results
workbook's raw-data sheet mirror the file). Where the application lays out its own table — the
ranking table's group column — a header such as `region` would be the only English word in a
Chinese window, so the common names are said in the user's language. Any other header is the
user's own word and is shown as written.
"""

from __future__ import annotations

# lower-cased header -> (Chinese, English)
KNOWN_GROUPS: dict[str, tuple[str, str]] = {
    "region": ("地区", "Region"), "地区": ("地区", "Region"), "区域": ("区域", "Region"),
    "province": ("省份", "Province"), "省份": ("省份", "Province"), "省": ("省份", "Province"),
    "tier": ("城市等级", "City tier"), "city_tier": ("城市等级", "City tier"),
    "城市等级": ("城市等级", "City tier"),
}

# headers naming the region, the group units are coloured and filtered by when present
REGION_HEADERS = ("region", "地区", "区域")


def group_label(column: str, lang: str = "zh") -> str:
    """The header to show for group column `column` in `lang` ('zh' or 'en')."""
    known = KNOWN_GROUPS.get(str(column).strip().lower())
    if known is None:
        return str(column)
    return known[0] if lang == "zh" else known[1]
