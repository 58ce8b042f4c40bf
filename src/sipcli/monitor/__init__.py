"""Phase III, monitoring: progress at a date, results imported from CSV, rollups, diffs.

``progress`` judges each goal and benchmark against the path to its target;
``progress_import`` reads a CSV of results and adds them to a plan (the text insertion is
``edit.insert``); ``rollup`` summarises many plans for a district; ``diff`` compares two
versions of a plan by id.
"""
