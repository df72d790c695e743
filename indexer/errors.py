"""Errors meant for the user: front ends print the message and exit 1."""


class CchcError(Exception):
    pass
