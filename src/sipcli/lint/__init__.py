"""Stage 3, linting: what a DESE reviewer checks in a valid plan.

``rules/`` holds one rule per module, registered in one explicit list; ``engine`` runs the
enabled rules and places their findings in the file; ``settings`` is the configuration
(profiles, select and ignore, per-file ignores, rule options); ``suppress`` applies
``# sip: noqa`` comments; ``catalog`` and ``explain`` document every code sip reports.
"""
