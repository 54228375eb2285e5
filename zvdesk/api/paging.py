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
from itertools import islice
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


def _rows(pages: Iterator[Page[T]], key: Callable[[T], str]) -> Iterator[T]:
    """The rows of ``pages``, stopping at an empty page or one identical to the previous."""
    previous: list[str] | None = None
    for page in pages:
        keys = [key(item) for item in page.items]
        if not keys or _repeated(keys, previous):
            return
        previous = keys
        yield from page.items


def _offset_pages(fetch: Fetch[T], page_size: int) -> Iterator[Page[T]]:
    start = 0
    while True:
        page = fetch(start, page_size)
        yield page
        start += len(page.items)
        if (page.total is not None and start >= page.total) or (
            page.total is None and len(page.items) < page_size
        ):
            return


def _numbered_pages(fetch: Fetch[T], page_size: int) -> Iterator[Page[T]]:
    number, seen = 1, 0
    while True:
        page = fetch(number, page_size)
        yield page
        seen += len(page.items)
        if page.total_pages is not None:
            if number >= page.total_pages:
                return
        elif (page.total is not None and seen >= page.total) or (
            page.total is None and len(page.items) < page_size
        ):
            return
        number += 1


def iter_offset(
    fetch: Fetch[T], key: Callable[[T], str], page_size: int, limit: int | None
) -> Iterator[T]:
    """Rows of ``fetch(start, size)`` pages, lazily; ``limit`` stops early (no extra fetch)."""
    return islice(_rows(_offset_pages(fetch, page_size), key), limit)


def iter_numbered(
    fetch: Fetch[T], key: Callable[[T], str], page_size: int, limit: int | None
) -> Iterator[T]:
    """Rows of ``fetch(page, size)`` pages numbered from 1, lazily; ``limit`` stops early."""
    return islice(_rows(_numbered_pages(fetch, page_size), key), limit)
