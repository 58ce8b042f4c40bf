"""Stage 1, reading: find plan files, read them within limits, parse YAML with positions.

Everything that turns bytes on disk (or in git) into a `Document`, a mapping whose every key
and value knows its line and column, lives here: ``discover`` (which files are plans),
``source`` (bytes to YAML, with the loader's guards and its SIP001-SIP009 diagnostics),
``libyaml`` (the fast C event reader), ``positions`` (plan path to line and column),
``limits``, ``git_revision`` (a plan as committed) and ``resources`` (sip's own data files).
Nothing here knows what a plan means.
"""
