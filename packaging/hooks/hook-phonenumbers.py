"""PyInstaller hook for phonenumbers, replacing the stock one for zvdesk's bundle.

The stock hook collects every submodule, the geocoder and carrier tables (about 40 MB) among
them; zvdesk uses neither (see bundle_config.EXCLUDED_MODULES), so they are left out here.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
