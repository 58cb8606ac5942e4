"""Forms that go out to experts and come back: weight forms (`weight_forms`), score sheets
(`score_sheets`), what both kinds share (`forms`: the first sheet, the
fingerprint, opening a returned form, styles, one file per expert), and how far experts agree (`agreement`).
"""
