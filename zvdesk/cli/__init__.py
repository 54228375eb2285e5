"""The ``zvdesk`` command line: the same client the app uses, for admins and scripts.

Exit status: 0 on success; 1 on an API, network or timeout error (one line on stderr, the
server's message included); 2 on bad input, refused before any request is made.

This package never imports Qt, so ``zvdesk --version`` and every API command start fast.
"""

from __future__ import annotations

from zvdesk.cli.main import main

__all__ = ["main"]
