"""Region names in the agent's language, from the CLDR table shipped with zvdesk."""

from __future__ import annotations

import phonenumbers
import pytest

from zvdesk.phone.display import country_name


@pytest.mark.parametrize(
    ("region", "language", "name"),
    [("DE", "en", "Germany"), ("DE", "es", "Alemania"), ("DE", "ar", "ألمانيا"),
     ("gb", "es_ES", "Reino Unido"), ("US", "ar_EG", "الولايات المتحدة"),
     ("MX", "es-MX", "México"), ("DE", "fr", "Germany"),  # no French table: English
     ("XX", "es", "XX")],  # an unknown region: its code
)  # fmt: skip
def test_country_names(region: str, language: str, name: str) -> None:
    assert country_name(region, language) == name


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_region_phonenumbers_knows_has_a_name(language: str) -> None:
    for region in phonenumbers.SUPPORTED_REGIONS:
        assert country_name(region, language) != region, region
