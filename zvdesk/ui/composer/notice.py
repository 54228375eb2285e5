"""The collision notice above the composer: "Ana replied in this conversation while you were
typing", shown until dismissed or until the agent sends."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from zvdesk.ui.common import icons
from zvdesk.ui.common.safetext import elide_one_line

__all__ = ["CollisionNotice"]

AGENT_NAME_MAX_CHARS = 60


class CollisionNotice(QFrame):
    """A dismissible one-line notice; hidden until :meth:`show_agent`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Collision notice"))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setIcon(icons.icon("close"))
        self.dismiss_button.setIconSize(QSize(14, 14))
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setAccessibleName(self.tr("Dismiss notice"))
        self.dismiss_button.setAccessibleDescription(
            self.tr("Hides the notice that someone else replied")
        )
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        warning = QLabel(self)
        warning.setPixmap(icons.icon("warning").pixmap(QSize(16, 16)))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.addWidget(warning)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss_button)
        self.hide()

    def show_agent(self, agent_name: str) -> None:
        """Show that ``agent_name`` (untrusted: cleaned, elided, plain text) replied meanwhile."""
        name = elide_one_line(agent_name, AGENT_NAME_MAX_CHARS) or self.tr("Another agent")
        text = self.tr("{agent} replied in this conversation while you were typing").format(
            agent=name
        )
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def text(self) -> str | None:
        """The notice shown, or None when hidden."""
        return self.label.text() if not self.isHidden() else None
