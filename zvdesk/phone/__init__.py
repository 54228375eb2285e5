"""Phone numbers for people (no Qt): ``timezones`` (the customer's time zone from the number, the
next local morning, zone names).

May import: the standard library, ``phonenumbers`` and ``tzdata``. Never Qt.
"""
