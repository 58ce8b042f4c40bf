"""Rewriting plan files while keeping every comment: ``fmt`` and the insertion of new lines.

Both prove their output before it is written: the rewritten text must load to the same data
(plus what was added) with the same comments.
"""
