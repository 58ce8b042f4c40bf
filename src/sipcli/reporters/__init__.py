"""Reporters: one class per output format, each writing one kind of result to a stream.

``base`` is the contract, ``registry`` looks reporters up by kind and ``--format`` name
(importing only the one chosen), ``writer`` puts a report on the terminal or in a file.
Diagnostics: ``text`` (with ``rich_text``), ``concise``, ``json_report``, ``github``,
``sarif``, ``junit``, ``statistics``, ``step_summary``. Other commands: ``scores`` and
``score_table``, ``progress_report``, ``diff_report``, ``rollup_report``, ``rule_list``.
"""
