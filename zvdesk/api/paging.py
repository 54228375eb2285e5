"""Lazy iteration over paged list calls: a page is fetched only when the previous one is used up.

Offset paging (logs, schedule): ``from`` is a 0-based row index; it advances by the rows that
actually came back, until ``meta.total`` is reached, or, without a total, until a page comes back
shorter than asked. Numbered paging (chat list): ``page`` from 1 until ``meta.totalPages``.
Either way an empty page, or a page identical to the previous one (a server ignoring the paging
parameters), ends the iteration instead of looping forever.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TypeVar

from zvdesk.api.errors import ValidationError
from zvdesk.api.models import Page

__all__ = ["check_paging", "iter_numbered", "iter_offset"]

T = TypeVar("T")
log = logging.getLogger("zvdesk.api")

Fetch = Callable[[int, int], Page[T]]


def check_paging(page_size: object, limit: object) -> None:
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise ValidationError("page_size", "The page size must be a positive whole number.")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValidationError("limit", "The limit must be zero or a positive whole number.")


def _repeated(keys: list[str], previous: list[str] | None) -> bool:
    if keys == previous:
        log.warning("the server sent the same page twice; stopping to avoid a loop")
        return True
    return False


def iter_offset(
    fetch: Fetch[T], key: Callable[[T], str], page_size: int, limit: int | None
) -> Iterator[T]:
    """Rows of ``fetch(start, size)`` pages, lazily; ``limit`` stops early."""
    start, yielded, previous = 0, 0, None
    while limit is None or yielded < limit:
        page = fetch(start, page_size)
        keys = [key(item) for item in page.items]
        if not keys or _repeated(keys, previous):
            return
        previous = keys
        for item in page.items:
            if limit is not None and yielded >= limit:
                return
            yield item
            yielded += 1
        start += len(keys)
        if page.total is not None:
            if start >= page.total:
                return
        elif len(keys) < page_size:
            return


def iter_numbered(
    fetch: Fetch[T], key: Callable[[T], str], page_size: int, limit: int | None
) -> Iterator[T]:
    """Rows of ``fetch(page, size)`` pages numbered from 1, lazily; ``limit`` stops early."""
    number, yielded, seen, previous = 1, 0, 0, None
    while limit is None or yielded < limit:
        page = fetch(number, page_size)
        keys = [key(item) for item in page.items]
        if not keys or _repeated(keys, previous):
            return
        previous = keys
        for item in page.items:
            if limit is not None and yielded >= limit:
                return
            yield item
            yielded += 1
        seen += len(keys)
        if page.total_pages is not None:
            if number >= page.total_pages:
                return
        elif page.total is not None:
            if seen >= page.total:
                return
        elif len(keys) < page_size:
            return
        number += 1
