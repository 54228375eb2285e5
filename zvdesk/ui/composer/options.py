"""The composer's per-message options: flash, validity period and sender.

- Flash (message class 0): a checkable button; reset after each send.
- Validity period: minutes 0..14,400, labelled "Valid for:" (the label is the spin box's buddy:
  Alt+O reaches it and screen readers read the label with it); the lowest value of the spin box
  (shown as "none") means no validity period is sent.
- Sender: a combo of the account's sender ids (``set_senders``); with none, no sender is sent.

Too narrow for one line (the window at its minimum size, a long translation, a large text size),
the three flow onto more lines, the label always beside its spin box.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from zvdesk.api.validation import MAX_VALIDITY_MINUTES
from zvdesk.ui.common import icons
from zvdesk.ui.common.flow import FlowLayout
from zvdesk.ui.composer.a11y import name_inner_widgets

__all__ = ["NO_VALIDITY", "OptionsBar"]

NO_VALIDITY = -1  # the spin box's "none" value


class OptionsBar(QWidget):
    """Flash toggle, validity spin box and sender combo; ``changed`` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flash_button = QToolButton(self)
        self.flash_button.setCheckable(True)
        self.flash_button.setIcon(icons.icon("flash"))
        self.flash_button.setText(self.tr("Flash"))
        self.flash_button.setToolTip(self.tr("Flash SMS: shown at once and not stored"))
        self.flash_button.setAccessibleName(self.tr("Flash SMS"))
        self.flash_button.setAccessibleDescription(
            self.tr(
                "Sends as a flash message, shown at once and not stored by the phone; "
                "some phones ignore it"
            )
        )

        self.validity_spin = QSpinBox(self)
        self.validity_spin.setRange(NO_VALIDITY, MAX_VALIDITY_MINUTES)
        self.validity_spin.setSpecialValueText(self.tr("none"))
        self.validity_spin.setSuffix(self.tr(" min"))
        self.validity_spin.setValue(NO_VALIDITY)
        self.validity_spin.setToolTip(self.tr("Validity period"))
        self.validity_label = QLabel(self.tr("Valid f&or:"), self)
        self.validity_label.setBuddy(self.validity_spin)
        # Never squeezed: it moves to the next line with its spin box where the row is narrow.
        self.validity_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.validity_label.setToolTip(
            self.tr("How long the network keeps trying to deliver the message")
        )
        self.validity_spin.setAccessibleName(self.tr("Validity period in minutes"))
        self.validity_spin.setAccessibleDescription(
            self.tr(
                "How long the network keeps trying to deliver, 0 to 14400 minutes; "
                "none for the network's default"
            )
        )

        self.sender_combo = QComboBox(self)
        self.sender_combo.setToolTip(self.tr("Send from"))
        self.sender_combo.setAccessibleName(self.tr("Sender"))
        self.sender_combo.setAccessibleDescription(self.tr("The number the message is sent from"))
        self.sender_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sender_combo.setVisible(False)

        name_inner_widgets(self.validity_spin)
        name_inner_widgets(self.sender_combo, list_name=self.tr("Senders"))

        # Where the composer is too narrow for them on one line, the options flow onto more
        # lines (the label stays with its spin box) instead of being squeezed.
        validity = QWidget(self)
        validity_layout = QHBoxLayout(validity)
        validity_layout.setContentsMargins(0, 0, 0, 0)
        validity_layout.addWidget(self.validity_label)
        validity_layout.addWidget(self.validity_spin)
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flash_button)
        layout.addWidget(validity)
        layout.addWidget(self.sender_combo)

        self.flash_button.toggled.connect(self.changed)
        self.validity_spin.valueChanged.connect(self.changed)
        self.sender_combo.currentIndexChanged.connect(self.changed)

    def full_width(self) -> int:
        """The width the options need on one line."""
        return self.sizeHint().width()

    def flash(self) -> bool:
        return self.flash_button.isChecked()

    def validity_period(self) -> int | None:
        """Minutes, or None for "none"."""
        value = self.validity_spin.value()
        return None if value == NO_VALIDITY else value

    def set_validity_period(self, minutes: int | None) -> None:
        self.validity_spin.setValue(NO_VALIDITY if minutes is None else minutes)

    def sender_id(self) -> str | None:
        """The chosen sender id, or None when the account has none listed."""
        value = self.sender_combo.currentData()
        if isinstance(value, str) and value:
            return value
        return self.sender_combo.currentText() or None

    def set_senders(self, senders: list[str], current: str | None = None) -> None:
        """Offer ``senders`` (plain text, in order) and select ``current`` (else the first)."""
        self.sender_combo.blockSignals(True)
        try:
            self.sender_combo.clear()
            from zvdesk.phone.display import display_number  # phonenumbers: after first paint

            for sender in senders:  # shown formatted ("+1 484-292-0101"), the id kept as data
                self.sender_combo.addItem(display_number(sender), sender)
            index = self.sender_combo.findData(current) if current is not None else -1
            self.sender_combo.setCurrentIndex(index if index >= 0 else (0 if senders else -1))
        finally:
            self.sender_combo.blockSignals(False)
        self.sender_combo.setVisible(bool(senders))
        self.changed.emit()

    def reset_per_message(self) -> None:
        """Turn flash off after a send (validity and sender are kept: they are habits)."""
        self.flash_button.setChecked(False)
