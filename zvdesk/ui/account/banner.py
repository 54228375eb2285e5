"""The "signed out" banner above the window's views: why, that the window is read-only, and a
"Sign in" (or "Sign in again") button.

Shown when Zoho no longer accepts the sign-in (revoked or expired) or nobody is signed in; the
outbox, drafts and cache are kept meanwhile, the conversations stay readable, and sending resumes
after signing in again (:mod:`zvdesk.ui.account.readonly`). It stands out from the window: the
amber of internal notes (:func:`zvdesk.ui.common.theme.note_colors`, at least 4.5:1 for its
text), light or dark with the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from zvdesk.ui.common.theme import note_colors, scheme_of_palette

__all__ = ["SignedOutBanner"]


class SignedOutBanner(QFrame):
    """See the module docstring. ``signInRequested()`` when the button is pressed."""

    signInRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Signed out"))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Sign-in state"))
        self.button = QPushButton(self.tr("Sign &in again"), self)
        self.button.setAccessibleName(self.tr("Sign in again"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.signInRequested)
        self._recolouring = False
        self.setAutoFillBackground(True)
        self._recolour()
        self.hide()

    def _recolour(self) -> None:
        """The amber of the current scheme (read from the window's palette, not our own)."""
        parent = self.parentWidget()
        source = parent.palette() if parent is not None else QPalette()
        colours = note_colors(scheme_of_palette(source))
        palette = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Window, colours.background)
            palette.setColor(group, QPalette.ColorRole.WindowText, colours.text)
        self._recolouring = True
        try:
            self.setPalette(palette)
        finally:
            self._recolouring = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange) and not (
            self._recolouring
        ):
            self._recolour()

    def show_signed_out(self, *, revoked: bool) -> None:
        """Show the banner: ``revoked`` when a sign-in was lost, else "not signed in yet"."""
        if revoked:
            text = self.tr(
                "Read-only: Zoho no longer accepts this sign-in (it was revoked or expired). "
                "Your outbox, drafts and messages are kept; sending resumes after you sign in "
                "again."
            )
            self.button.setText(self.tr("Sign &in again"))
            self.button.setAccessibleName(self.tr("Sign in again"))
        else:
            text = self.tr(
                "Read-only: you are not signed in to Zoho. Sign in to send and to get new "
                "messages; the conversations kept on this computer stay readable."
            )
            self.button.setText(self.tr("Sign &in"))
            self.button.setAccessibleName(self.tr("Sign in"))
        self.text.setText(text)
        self.text.setAccessibleDescription(text)
        self.setAccessibleDescription(text)
        self.show()
