"""Texts of the problems a hostile or damaged file raises, in English and Chinese.

One place per text: each problem kind below has its English and its Chinese sentence, with
`{name}` fields filled by `text()`. The engine's problems carry the English text as their
`message` (and the kind), so whoever shows a problem in Chinese finds it here by its kind.
"""

from __future__ import annotations

# The largest filled area (rows × columns of the cells that hold something) a sheet may have.
# 3,000 units × 500 indicators is 1.5 million cells, a real project; ten times the 1,000,000
# first suggested would still fit in memory, but a sheet beyond 5 million cells is a stray cell
# far from the table, not data.
MAX_SHEET_CELLS = 5_000_000

TEXTS: dict[str, dict[str, str]] = {
    "sheet_too_large": {
        "en": "the sheet's filled area runs from A1 to {ref} ({rows} rows × {cols} columns = {cells} "
              "cells), more than the {limit} cells that can be read; a stray value far from the table "
              "is the usual cause — press Ctrl+End in Excel/WPS to find the last cell, delete the rows and "
              "columns beyond the table, and save again",
        "zh": "该工作表的已填区域从 A1 到 {ref}（{rows} 行 × {cols} 列 = {cells} 个单元格），超过可读取的 "
              "{limit} 个单元格；通常是表格远处有一个多余的值——在 Excel/WPS 中按 Ctrl+End 找到最后一个"
              "单元格，删除表格以外的行和列后重新保存",
    },
    "nan_value": {
        "en": "not a number (NaN) in '{column}' for {unit}; the cell holds the special value NaN, not a "
              "figure — type the value or leave the cell empty (an empty cell is treated as missing, "
              "never as zero)",
        "zh": "{unit} 的「{column}」不是数字（NaN）：该单元格存的是特殊值 NaN 而不是数值——请填入数值或清空"
              "该单元格（空单元格按缺失处理，绝不当作零）",
    },
    "csv_nul": {
        "en": "a NUL byte (character code 0) in line {line}, column {position} ({count} in the whole file); a "
              "CSV text file never holds one — the file was damaged or is not really text (a UTF-16 or binary "
              "file renamed .csv); open it in Excel/WPS and save it as 'CSV UTF-8'",
        "zh": "第 {line} 行第 {position} 列有 NUL 字节（字符编码 0；全文件共 {count} 个）；CSV 文本文件不会含有它"
              "——文件已损坏或并非文本（如改名为 .csv 的 UTF-16 或二进制文件）；请在 Excel/WPS 中打开并另存为"
              "“CSV UTF-8”",
    },
    "results_unreadable": {
        "en": "this results workbook could not be read ({why}); it is not an Excel workbook, or it is "
              "damaged or incomplete — choose the .xlsx that `score` or the window wrote",
        "zh": "无法读取该结果工作簿（{why}）：它不是 Excel 工作簿，或已损坏、不完整——请选择由 score 命令或"
              "窗口导出的 .xlsx 文件",
    },
    "write_no_folder": {
        "en": "cannot write {name}: the folder {folder} does not exist",
        "zh": "无法写入 {name}：文件夹 {folder} 不存在",
    },
    "write_folder_in_way": {
        "en": "cannot write {name}: a folder of that name is in the way",
        "zh": "无法写入 {name}：已有同名的文件夹",
    },
    "write_folder_not_writable": {
        "en": "cannot write {name}: the folder {folder} is not writable ({why}); choose another folder",
        "zh": "无法写入 {name}：文件夹 {folder} 不可写（{why}）；请选择其他文件夹",
    },
    "write_disk_full": {
        "en": "cannot write {name}: the disk is full",
        "zh": "无法写入 {name}：磁盘已满",
    },
    "write_failed": {
        "en": "cannot write {name}: {why}",
        "zh": "无法写入 {name}：{why}",
    },
    "write_in_use": {
        "en": "cannot replace {name}: it may be open in Excel or another program, or the folder is "
              "read-only; close it and try again, or save under another name",
        "zh": "无法替换 {name}：它可能正在 Excel 或其他程序中打开，或文件夹为只读；请关闭该文件后重试，"
              "或另存为其他文件名",
    },
    "write_replace_failed": {
        "en": "cannot replace {name}: {why}",
        "zh": "无法替换 {name}：{why}",
    },
    "write_backup_failed": {
        "en": "cannot save {name}: its backup {backup} could not be written ({why}); the file may be open "
              "in another program, or the folder read-only",
        "zh": "无法保存 {name}：其备份 {backup} 无法写入（{why}）；该文件可能正在其他程序中打开，或文件夹为只读",
    },
    "write_read_only": {
        "en": "cannot replace {name}: the file is read-only; clear its read-only attribute (or ask its "
              "owner) and try again, or save under another name",
        "zh": "无法替换 {name}：该文件为只读；请取消其只读属性（或请文件所有者处理）后重试，或另存为其他文件名",
    },
}


# kind → (Chinese, English): a few words naming each kind above that a Problem carries
KIND_NAMES: dict[str, tuple[str, str]] = {
    "sheet_too_large": ("工作表区域过大", "sheet area too large"),
    "nan_value": ("非数值（NaN）", "not a number (NaN)"),
    "csv_nul": ("CSV 中的 NUL 字节", "NUL byte in a CSV"),
    "results_unreadable": ("无法读取结果工作簿", "results workbook unreadable"),
}


def text(kind: str, lang: str = "en", **fields) -> str:
    """The text of `kind` in `lang` ('zh' or 'en'; anything else gives English), filled in."""
    entry = TEXTS[kind]
    return entry.get(lang, entry["en"]).format(**{k: shown(v) for k, v in fields.items()})


def shown(v) -> str:
    return f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)
