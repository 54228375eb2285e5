"""Plain words for what the API says: message statuses, delivery failures, dates and times.

- :func:`status_word`: "Queued", "Sent", "Delivered", "Not delivered", "Expired" for the API's
  ``IN_QUEUE``, ``SENT``... (unknown words pass through, cleaned); :func:`status_tooltip` keeps
  the API's own word (and its description) for the tooltip.
- :func:`failure_reason`: the ``statusDescription`` of an undelivered or expired message in words
  an agent can act on (the API's text when it is not one Zoho is known to send).
- :func:`format_when`: a date and time in the user's locale format, with the year only when it is
  not this year (``QLocale`` decides the order and separators).
- :func:`date_format`, :func:`date_time_format`: Qt formats for the locale's short date (and
  time) with the year in full, for the date pickers and the times people read or edit (ISO in the
  C locale).
- :func:`country`: a region's name in the user's language (``QLocale().name()``; Qt itself names
  territories only in English or in their own language), from
  :func:`zvdesk.phone.display.country_name`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from zvdesk.ui.common import safetext

__all__ = [
    "country",
    "date_format",
    "date_time_format",
    "failure_reason",
    "format_day",
    "format_when",
    "status_tooltip",
    "status_word",
]

CONTEXT = "StatusWords"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (pyside6-lupdate reads these calls)."""
    return text


def _translate_marked(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("StatusWords", ...), translated now."""
    return QCoreApplication.translate(CONTEXT, text)


_WORDS = {
    "IN_QUEUE": QT_TRANSLATE_NOOP("StatusWords", "Queued"),
    "SENT": QT_TRANSLATE_NOOP("StatusWords", "Sent"),
    "DELIVERED": QT_TRANSLATE_NOOP("StatusWords", "Delivered"),
    "UNDELIVERED": QT_TRANSLATE_NOOP("StatusWords", "Not delivered"),
    "EXPIRED": QT_TRANSLATE_NOOP("StatusWords", "Expired"),
}
_SAME = {
    "QUEUED": "IN_QUEUE", "ACCEPTED": "IN_QUEUE", "PENDING": "IN_QUEUE", "SUBMITTED": "IN_QUEUE",
    "SCHEDULED": "IN_QUEUE", "SENDING": "SENT", "READ": "DELIVERED", "FAILED": "UNDELIVERED",
    "REJECTED": "UNDELIVERED",
}  # fmt: skip


def status_word(status: str | None) -> str:
    """The plain word for an API status ("" for none)."""
    if not status or not status.strip():
        return ""
    upper = status.strip().upper()
    word = _WORDS.get(_SAME.get(upper, upper))
    return _translate_marked(word) if word is not None else safetext.elide_one_line(status, 40)


def status_tooltip(status: str | None, description: str | None = None) -> str:
    """The API's own word (and description) for a status tooltip."""
    if not status:
        return ""
    word = safetext.elide_one_line(status, 40)
    text = QCoreApplication.translate("StatusWords", "Zoho Voice status: %1").replace("%1", word)
    reason = safetext.plain(description or "", max_lines=5, max_line_chars=300).strip()
    return f"{text}\n{reason}" if reason else text


# Descriptions Zoho Voice sends (see the API document), lower-cased, to plain words.
_KNOWN = {
    "message was not delivered due to one of the possible errors reported by smsc": (
        QT_TRANSLATE_NOOP(
            "StatusWords",
            "The customer's carrier could not deliver it: the phone may be off or out of "
            "coverage, or the number may not take text messages.",
        )
    ),
    "message was not delivered due to expiration of timer or validity period": (
        QT_TRANSLATE_NOOP(
            "StatusWords", "The phone could not be reached before the message expired."
        )
    ),
}


def failure_reason(status: str | None, description: str | None) -> str:
    """Why a message was not delivered, in plain words ("" when it was not a failure)."""
    upper = (status or "").strip().upper()
    if upper not in ("UNDELIVERED", "FAILED", "REJECTED", "EXPIRED"):
        return ""
    clean = safetext.plain(description or "", max_lines=3, max_line_chars=300).strip()
    known = _KNOWN.get(clean.rstrip(".").lower())
    if known is not None:
        return _translate_marked(known)
    if clean:
        return clean
    if upper == "EXPIRED":
        return QCoreApplication.translate(
            "StatusWords", "The phone could not be reached before the message expired."
        )
    return QCoreApplication.translate(
        "StatusWords", "The carrier reported that it was not delivered."
    )


# the year and what joins it to the day and month (a quoted word too: "d 'de' MMMM 'de' yyyy")
_YEAR = re.compile(r"^y+[^dMy']*('[^']*'[^dMy']*)?|[^dMy']*('[^']*'[^dMy']*)?y+")


def _day_format(locale: QLocale, with_year: bool) -> str:
    """The locale's long date format without the weekday, with short month names, and without
    the year unless ``with_year`` ("MMM d, yyyy" / "MMM d" in English, "d MMM" in Britain)."""
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat)
    fmt = re.sub(r"d{4}[,\s]*|[,\s]*d{4}", "", fmt, count=1)
    fmt = fmt.replace("MMMM", "MMM")
    if not with_year:
        fmt = _YEAR.sub("", fmt, count=1)
    return fmt.strip(" ,")


def format_day(day: QDate, today: QDate) -> str:
    """``Dec 7`` this year, ``Dec 7, 2025`` another year (in the locale's words and order)."""
    locale = QLocale()
    return locale.toString(day, _day_format(locale, day.year() != today.year()))


def format_when(ms: int | None, now: QDateTime | None = None) -> str:
    """A moment in the user's locale: the date (year only when not this year) and the time."""
    if ms is None:
        return ""
    when = QDateTime.fromMSecsSinceEpoch(ms).toLocalTime()
    today = (now or QDateTime.currentDateTime()).toLocalTime().date()
    locale = QLocale()
    clock = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    return f"{format_day(when.date(), today)} {clock}"


def country(region: str) -> str:
    """``region`` (ISO code) named in the user's language: "Alemania" for ``DE`` in Spanish."""
    from zvdesk.phone.display import country_name

    return country_name(region, QLocale().name())


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date as a Qt format, the year written in full (``M/d/yy`` would make
    2025 and 1925 look alike in a date picker). The C locale (no locale set, as on a bare server)
    has no convention of its own: ISO 8601 then (``yyyy-MM-dd``)."""
    locale = locale if locale is not None else QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return date if "yyyy" in date else date.replace("yy", "yyyy")


def date_time_format(locale: QLocale | None = None) -> str:
    """:func:`date_format` and the locale's short time (``yyyy-MM-dd HH:mm`` in the C locale)."""
    locale = locale if locale is not None else QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd HH:mm"
    return f"{date_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
