"""Writing files safely: a file is replaced whole or not at all.

Every command that writes (reports, renders, fmt, progress-import, init, schema) goes
through here, so that a failure never leaves a half-written file.
"""
