"""What a committee receives: the results workbook, the report draft (`report`, its facts and words),
the methods in words that both say (`method_words`), the JSON at full precision, PDF through LibreOffice,
and the label layout of the workbook's scatter charts.
"""
