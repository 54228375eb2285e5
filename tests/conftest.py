"""Test set-up shared by every test.

Qt runs offscreen; pytest-qt fails a test on any Qt warning (see pyproject.toml).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests away from the developer's real data, config and keyring.
os.environ.setdefault("ZVDESK_TESTING", "1")
