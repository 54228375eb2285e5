"""The new-conversation dialog (Ctrl+N): a phone number, formatted as typed, and a sender.

The number is read in ``default_region`` unless it starts with ``+``; it is formatted as typed
with ``phonenumbers.AsYouTypeFormatter`` (the cursor stays after the same digit), and checked on
every change: an inline message says what is wrong ("Not a valid number for United Kingdom.") or
shows the number in international form. OK stays disabled until the number is valid and a sender
is chosen. The result is ``selection() -> (e164, sender_id)``, also emitted as
``conversationRequested(e164, sender_id)`` when the dialog is accepted.
"""

from __future__ import annotations

from collections.abc import Sequence

import phonenumbers
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zvdesk.phone.display import display_number
from zvdesk.ui.common import words

__all__ = ["NewConversationDialog", "check_number", "format_as_you_type", "region_name"]

_SIGNIFICANT = frozenset("+0123456789")


def region_name(region: str) -> str:
    """"GB" -> "United Kingdom", "Reino Unido", "المملكة المتحدة" (in the UI language); the code
    itself for a region without a name."""
    return words.country(region)


def format_as_you_type(text: str, region: str) -> str:
    """``text``'s digits (and a leading ``+``) formatted as phonenumbers would while typing."""
    formatter = phonenumbers.AsYouTypeFormatter(region.upper())
    result = ""
    seen_digit = False
    for ch in text:
        if ch == "+" and seen_digit:
            continue  # a "+" is only meaningful first
        if ch in _SIGNIFICANT:
            seen_digit = seen_digit or ch != "+"
            result = formatter.input_digit(ch)
    return result


def check_number(text: str, region: str) -> tuple[str | None, str]:
    """``(e164, message)``: the E.164 form and a confirmation, or None and what is wrong."""

    # Literal contexts: pyside6-lupdate reads these calls from the source.
    translate = QCoreApplication.translate
    stripped = text.strip()
    if not stripped:
        return None, translate("NewConversationDialog", "Type the customer's phone number.")
    if any(ch.isalpha() for ch in stripped):
        return None, translate(
            "NewConversationDialog", "A phone number has only digits (and a + in front)."
        )
    try:
        parsed = phonenumbers.parse(stripped, None if stripped.startswith("+") else region.upper())
    except phonenumbers.NumberParseException:
        return None, translate("NewConversationDialog", "This is not a phone number.")
    code = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
    if code in (None, "ZZ", "001"):
        if stripped.startswith("+"):
            message = translate("NewConversationDialog", "Unknown country code +%1.")
            return None, message.replace("%1", str(parsed.country_code))
        code = region.upper()
    if not phonenumbers.is_valid_number(parsed):
        message = translate("NewConversationDialog", "Not a valid number for %1.")
        return None, message.replace("%1", region_name(code))
    e164: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    # Prefer the country's main region (+44 7911... is valid for GB and for Guernsey).
    if not phonenumbers.is_valid_number_for_region(parsed, code):
        code = phonenumbers.region_code_for_number(parsed) or code
    shown = display_number(e164)
    confirmation = translate("NewConversationDialog", "%1 (%2)")
    return e164, confirmation.replace("%1", shown).replace("%2", region_name(code))


class NewConversationDialog(QDialog):
    """Number + sender; see the module docstring.

    ``senders``: sender ids, or ``(sender_id, label)`` pairs; the first (or ``default_sender``)
    is selected.
    """

    conversationRequested = Signal(str, str)  # e164, sender_id

    def __init__(
        self,
        senders: Sequence[str | tuple[str, str]],
        parent: QWidget | None = None,
        *,
        default_region: str = "US",
        default_sender: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New conversation"))
        self.setAccessibleName(self.tr("New conversation"))
        self.setAccessibleDescription(self.tr("Start a conversation with a phone number"))
        self._region = default_region.upper()
        self._e164: str | None = None

        self.number = QLineEdit(self)
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.number.setAccessibleName(self.tr("Phone number"))
        self.number.setAccessibleDescription(
            self.tr("The customer's number; start with + for another country")
        )
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Number check"))
        self.message.setAccessibleDescription(self.tr("Whether the number is valid"))
        # Room for two lines from the start: the check appears as the agent types and must
        # never push into (or be cut by) the From row.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.sender_box = QComboBox(self)
        self.sender_box.setAccessibleName(self.tr("Sender"))
        self.sender_box.setAccessibleDescription(self.tr("The number the message is sent from"))
        self.set_senders(senders, default_sender)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start"))
        ok.setAccessibleName(self.tr("Start conversation"))
        ok.setAccessibleDescription(self.tr("Enabled when the number is valid"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without starting a conversation"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Number:"), self.number)
        form.addRow("", self.message)
        form.addRow(self.tr("&From:"), self.sender_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(max(420, self.fontMetrics().averageCharWidth() * 52), self.sizeHint().height())

        self.number.textEdited.connect(self._edited)
        self.number.textChanged.connect(self._validate)
        self.sender_box.currentIndexChanged.connect(self._validate)
        self._validate()
        self.number.setFocus()

    # -- configuration -------------------------------------------------------------------------
    def set_default_region(self, region: str) -> None:
        self._region = region.upper()
        self._validate()

    def set_senders(
        self, senders: Sequence[str | tuple[str, str]], default_sender: str | None = None
    ) -> None:
        self.sender_box.clear()
        for sender in senders:
            sender_id, label = (sender, display_number(sender)) if isinstance(sender, str) else (
                sender
            )
            self.sender_box.addItem(label, sender_id)
        if default_sender is not None:
            index = self.sender_box.findData(default_sender)
            if index >= 0:
                self.sender_box.setCurrentIndex(index)

    # -- result --------------------------------------------------------------------------------
    def selection(self) -> tuple[str, str] | None:
        """``(e164, sender_id)`` when the form is valid, else None."""
        sender = self.sender_box.currentData()
        if self._e164 is None or not isinstance(sender, str):
            return None
        return self._e164, sender

    def accept(self) -> None:
        chosen = self.selection()
        if chosen is None:
            return
        super().accept()
        self.conversationRequested.emit(*chosen)

    # -- internals -----------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        cursor = self.number.cursorPosition()
        significant_before = sum(1 for ch in text[:cursor] if ch in _SIGNIFICANT)
        formatted = format_as_you_type(text, self._region)
        if formatted == text:
            return
        position = len(formatted)
        count = 0
        for i, ch in enumerate(formatted):
            if count == significant_before:
                position = i
                break
            if ch in _SIGNIFICANT:
                count += 1
        self.number.setText(formatted)
        self.number.setCursorPosition(position)

    def _validate(self) -> None:
        text = self.number.text()
        self._e164, message = check_number(text, self._region)
        self.message.setText(message if text.strip() or self._e164 else "")
        self.message.setAccessibleDescription(message)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selection() is not None)
