"""Reading the prose of goals and benchmarks: placeholders, figures, comparison words.

Shared by the lint rules (SIP3xx, SIP7xx) and the SMART scorer, which must not depend on
each other; the word lists live in ``data/smart_lexicon.yaml`` so users can correct them.
"""
