"""Exceptions for when sip cannot do its job (exit code 2). The CLI turns them into messages."""

from __future__ import annotations


class SipError(Exception):
    """sip cannot do what was asked: a missing path, no matching file, an unreadable file."""


class NoInputError(SipError):
    """No plan file was found in the paths given."""


class UnreadableFileError(SipError):
    """The operating system refused to read a file (missing, a folder, no permission)."""
