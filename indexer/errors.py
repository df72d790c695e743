"""Errors meant for the user: front ends print the message and exit 1 (UsageError: 2)."""


class CchcError(Exception):
    pass


class UsageError(CchcError):
    """The request itself is wrong (a date that is not one, an unknown option value): exit 2."""


class IndexDamaged(CchcError):
    """The index cannot be read as it is; the message names the cure."""
