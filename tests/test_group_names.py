"""The ranking table heads a well-known group column in the window's language, and a Chinese region
header (地区) is the group units are coloured and filtered by, as `region` is."""

import openpyxl

from core.files.paths import SAMPLE_WORKBOOK
from core.text.group_names import group_label


def test_known_headers_are_translated_and_others_kept():
    assert group_label("region", "zh") == "地区" and group_label("Region", "en") == "Region"
    assert group_label("province", "zh") == "省份" and group_label("地区", "en") == "Region"
    assert group_label("城市群", "zh") == "城市群" and group_label("城市群", "en") == "城市群"


def test_ranking_table_heads_the_sample_region_column_in_chinese_then_english(sample_window):
    from PySide6.QtCore import Qt
    model = sample_window.ranking.model
    assert model.group_column == "region"  # the sample's own header
    assert model.headerData(4, Qt.Horizontal) == "地区"
    sample_window.act_en.trigger()
    assert model.headerData(4, Qt.Horizontal) == "Region"


def test_a_chinese_region_column_is_the_filter_group_even_when_not_first(sample_window, tmp_path):
    # Rename the sample's columns: province first as 省份, region as 地区 after it. The filter must
    # list the seven regions (华北 …), not the provinces.
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb["数据"]
    heads = [c.value for c in ws[1]]
    i_region, i_prov = heads.index("region") + 1, heads.index("province") + 1
    regions = {ws.cell(r, i_region).value for r in range(2, ws.max_row + 1)} - {None}
    for r in range(1, ws.max_row + 1):  # swap the two columns' contents
        a, b = ws.cell(r, i_region).value, ws.cell(r, i_prov).value
        ws.cell(r, i_region).value, ws.cell(r, i_prov).value = b, a
    ws.cell(1, i_region).value, ws.cell(1, i_prov).value = "省份", "地区"
    path = tmp_path / "中文分组.xlsx"
    wb.save(path)
    sample_window.open_path(path, background=False)
    from PySide6.QtCore import Qt
    model = sample_window.ranking.model
    assert model.group_column == "地区"
    assert model.headerData(4, Qt.Horizontal) == "地区"
    combo = sample_window.ranking.group
    listed = {combo.itemData(k) for k in range(1, combo.count())}
    assert listed == regions


def test_the_data_tab_keeps_the_files_header_and_says_what_it_means(sample_window):
    from PySide6.QtCore import Qt
    model = sample_window.data_model
    col = model._cols.index("region") + 1  # column 0 is the unit
    assert model.headerData(col, Qt.Horizontal) == "region\n地区"
    assert model.headerData(col, Qt.Horizontal, Qt.ToolTipRole) == "地区"
    sample_window.act_en.trigger()
    assert model.headerData(col, Qt.Horizontal) == "region"  # 'Region' would say nothing new
