"""Phone numbers for people (no Qt): ``display`` (how a stored number is shown, in every view) and
``timezones`` (the customer's time zone from the number, the next local morning, zone names).

May import: the standard library, ``phonenumbers`` and ``tzdata``. Never Qt.
"""
