"""sip: Sustainable Improvement Plans as plain-text files that can be validated, linted and rendered."""

__version__ = "0.1.0"
