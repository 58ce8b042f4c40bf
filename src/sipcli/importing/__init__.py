"""Bring the plans consultants already have into sip: Word documents and goal sheets.

The pipeline: a reader turns the source into `blocks` (headings, paragraphs, tables, each
with where it came from: `docx` for Word, `sheet` for CSV and XLSX); `mapping` places each
block in the plan by its wording (``data/import_map.yaml``, read in `wording`), with `cover`
and `lines` for paragraphs, `tables`, `rows` and `cells` for tables, `values` for a value's
text and `readback` for what only sip's own documents write, into `placed` values; `build`
writes the draft plan as YAML, every inferred value with a comment naming its source and
what could not be placed kept verbatim in a ``# Not imported`` block; `summary` counts what
was imported, inferred and left over. Nothing is invented: every value written comes from
the source.
"""
