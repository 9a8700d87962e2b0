"""One error tree.  Each error knows the CLI exit status and the HTTP status it maps to, and its
message is written for the user: what went wrong and what to do about it."""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""

    exit_status = 1
    http_status = 500


class UsageError(NewsfuseError):
    """The command or request was malformed (bad option, no input given)."""

    exit_status = 2
    http_status = 400


class InputError(NewsfuseError):
    """One input could not be read; the batch skips it, reports it and goes on."""

    exit_status = 1
    http_status = 422


class RefusedURL(InputError):
    """A URL that must not be fetched (loopback, private or link-local target, bad scheme)."""

    http_status = 400


class StoreError(NewsfuseError):
    """The store file could not be opened, read or written."""

    exit_status = 1
    http_status = 500


class NotFound(NewsfuseError):
    """A story or article id that the store does not hold."""

    exit_status = 1
    http_status = 404
