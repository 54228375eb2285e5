"""Write zvdesk/phone/country_names.json: the name of every region phonenumbers knows, in the
languages zvdesk speaks (English, Spanish, Arabic), from the Unicode CLDR.

    .venv/bin/pip install babel            # CLDR data; needed only to run this script
    .venv/bin/python packaging/gen_country_names.py

Run it again when phonenumbers learns a region or a language is added to zvdesk's translations;
commit the JSON. zvdesk itself does not need Babel (whose CLDR data is about 30 MB installed):
the table is ~20 KB and read with :func:`zvdesk.phone.display.country_name`.
"""

from __future__ import annotations

import json
from pathlib import Path

import phonenumbers
from babel import Locale

LANGUAGES = ("en", "es", "ar")
TARGET = Path(__file__).resolve().parents[1] / "zvdesk" / "phone" / "country_names.json"


def main() -> None:
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    table: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        names = Locale.parse(language).territories
        table[language] = {region: names[region] for region in regions if region in names}
        missing = sorted(set(regions) - set(table[language]))
        if missing:
            print(f"{language}: no CLDR name for {', '.join(missing)}")
    text = json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True)
    TARGET.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({len(regions)} regions, {TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
