"""Reading and writing files: the user's workbooks and CSV (`readers`, `loader`), the project file
(`project_file`), the blank template, atomic writes, workbook helpers (`xlsx`), the map data (`geo`) and where
bundled files live (`paths`).
"""
