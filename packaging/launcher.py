"""The entry script of the PyInstaller bundle: exactly what the ``zvdesk`` console script runs."""

from __future__ import annotations

import sys

from zvdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
