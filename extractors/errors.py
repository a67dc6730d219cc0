"""The error hierarchy shared by both packages."""

from __future__ import annotations

__all__ = ["ForumGraphError", "InputError", "StoreError", "QueryError"]


class ForumGraphError(Exception):
    """Base of every error forumgraph raises on purpose; the CLI prints it as one line."""


class InputError(ForumGraphError):
    """An input file or line cannot be read as an article."""


class StoreError(ForumGraphError):
    """The store cannot be opened, read or written."""


class QueryError(ForumGraphError):
    """A SPARQL query is malformed or fails."""
