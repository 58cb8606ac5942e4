"""What a committee receives: the results workbook, the report draft (`report`, its facts and words),
the methods in words that both say (`method_words`), the JSON at full precision, PDF through LibreOffice,
and the label layout of the workbook's scatter charts. Why here and what would change it (issue 21): the
workbook's 稳健性 and 优势与短板 sheets (`stability_sheet`, `strengths_sheet`) and the report's stability
sentences and strengths/weaknesses (`report_why`). The 秩和比分档 sheet of a node aggregated by the rank-sum
ratio (`rsr_sheet`).
"""
