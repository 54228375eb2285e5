"""The "needs a look" dialog: a message whose fate the outbox could not decide alone.

While a send's outcome was unknown, more than one message like it reached the server (the same
agent on two devices, or a colleague while the signed-in user is unknown). The outbox does not
guess (zvdesk.sync.reconcile): the agent sees the candidates, each with its time and sender, and
says which one is this message ("It arrived") or sends it again. Customer text is plain text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zvdesk.store import OutboxRow
from zvdesk.ui.common import safetext

__all__ = ["ReviewDialog"]


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ReviewDialog(QDialog):
    """Shows ``row`` and its candidate records; ``choice`` is a logid ("It arrived"), None
    ("Send again") or unset when the agent closes it (decide later)."""

    def __init__(self, row: OutboxRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Did this message arrive?"))
        self.setMinimumWidth(440)
        self.choice: str | None = None
        self.decided = False
        layout = QVBoxLayout(self)
        text = safetext.plain(str(row.payload().get("message", "")), max_lines=6)
        layout.addWidget(
            _plain(
                self.tr(
                    "The answer to this message was lost, and these messages like it reached "
                    "the server meanwhile. Is one of them this message?"
                )
            )
        )
        layout.addWidget(_plain(f"“{text}”"))
        for record in row.candidates():
            layout.addWidget(self._candidate(record))
        buttons = QDialogButtonBox(self)
        again = buttons.addButton(self.tr("Send again"), QDialogButtonBox.ButtonRole.ActionRole)
        again.clicked.connect(lambda: self._decide(None))
        later = buttons.addButton(self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _candidate(self, record: dict[str, Any]) -> QFrame:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(frame)
        when = record.get("submittedTime")
        stamp = (
            datetime.fromtimestamp(when / 1000).strftime("%Y-%m-%d %H:%M:%S")
            if isinstance(when, int | float)
            else "?"
        )
        who = safetext.plain(
            str(record.get("userName") or record.get("emailId") or "?"), max_lines=1
        )
        box.addWidget(_plain(self.tr("Sent %1 by %2").replace("%1", stamp).replace("%2", who)))
        box.addWidget(_plain(safetext.plain(str(record.get("message", "")), max_lines=4)))
        arrived = QPushButton(self.tr("It arrived: this is it"), frame)
        logid = str(record.get("logid", ""))
        arrived.clicked.connect(lambda: self._decide(logid))
        box.addWidget(arrived)
        return frame

    def _decide(self, logid: str | None) -> None:
        self.choice = logid
        self.decided = True
        self.accept()
