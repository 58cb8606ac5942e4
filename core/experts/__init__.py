"""Forms that go out to experts and come back: weight forms (`weight_forms`), score sheets
(`score_sheets`), their shared first sheet (`form_info`), and how far experts agree (`agreement`).
"""
