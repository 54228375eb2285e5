"""The sign-out confirmation: says what signing out does, and asks whether to delete the cache.

Signing out revokes the sign-in at Zoho and removes it from the keyring; the account's messages,
outbox and drafts on this computer stay unless the agent ticks the box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

__all__ = ["SignOutDialog"]


class SignOutDialog(QDialog):
    """See the module docstring; ``delete_cache`` tells what the agent chose."""

    def __init__(self, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign out"))
        self.setAccessibleName(self.tr("Sign out"))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        text = self.tr(
            "Sign out of the account \u201c%1\u201d? zvdesk tells Zoho to revoke this sign-in and "
            "removes it from the system keyring."
        ).replace("%1", profile)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.delete_box = QCheckBox(
            self.tr("Also &delete this account's messages, outbox and drafts on this computer"),
            self,
        )
        self.delete_box.setAccessibleName(self.tr("Delete the local messages"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setAccessibleName(self.tr("Dialog buttons"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Sign &out"))
            ok.setAccessibleName(self.tr("Sign out"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.delete_box)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def delete_cache(self) -> bool:
        return self.delete_box.isChecked()
