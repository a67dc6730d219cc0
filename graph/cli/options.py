"""What every command shares: the --store option, and user errors as one line instead of a traceback."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import click

from extractors.errors import ForumGraphError
from graph.store.embedded import DEFAULT_STORE

__all__ = ["store_option", "user_errors"]

store_option = click.option(
    "--store",
    "store_dir",
    default=DEFAULT_STORE,
    show_default=True,
    metavar="DIR",
    help="The store: a directory for the embedded store.",
)


def user_errors(func: Callable) -> Callable:
    """Turn a ForumGraphError into one line on stderr and exit status 1, never a traceback."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ForumGraphError as err:
            raise click.ClickException(str(err)) from err

    return wrapper
