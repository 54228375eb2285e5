"""Where a sign-in is: its steps as a short checklist, and the Cancel that stops it.

Each way of signing in has its steps (:data:`zvdesk.ui.account.flows.WAYS`): the browser waits for
the browser, exchanges the code, checks the account; a Self Client code is exchanged and the
account checked; another device gets a code, waits for the approval, checks the account. Done
steps show a check mark, the current one is bold with an arrow, the ones to come are plain. The
current step is the panel's accessible description and is announced to screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zvdesk.ui.account.flows import WAYS, SignInStep
from zvdesk.ui.common.empty import HintLabel

__all__ = ["SignInSteps"]

DONE, CURRENT, TO_COME = "✓", "▸", "·"


class SignInSteps(QFrame):
    """See the module docstring. ``cancelRequested()`` when Cancel is pressed."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Sign-in progress"))
        self.way: str | None = None
        self.current: SignInStep | None = None
        self.reached: list[SignInStep] = []  # in the order they were reached
        self.rows: dict[SignInStep, QLabel] = {}
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(2)
        self.cancel_button = QPushButton(self.tr("Cancel sign-in"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the sign-in"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Stops signing in at once; nothing is kept")
        )
        row = QHBoxLayout()
        row.addLayout(self._rows_layout, 1)
        row.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.hide()

    def step_text(self, step: SignInStep) -> str:
        texts = {
            SignInStep.BROWSER: self.tr("Waiting for the browser: approve access on Zoho's page"),
            SignInStep.REQUESTING_CODE: self.tr("Getting a sign-in code from Zoho"),
            SignInStep.DEVICE: self.tr("Waiting for the approval on the other device"),
            SignInStep.EXCHANGING: self.tr("Exchanging the code with Zoho"),
            SignInStep.CHECKING: self.tr("Checking the account and keeping the sign-in"),
        }
        return texts[step]

    def start(self, way: str) -> None:
        """Show the steps of ``way`` ("browser", "code", "device"), none reached yet."""
        for label in self.rows.values():
            self._rows_layout.removeWidget(label)
            label.deleteLater()
        self.rows = {}
        self.way, self.current, self.reached = way, None, []
        for step in WAYS[way]:
            label = HintLabel("", self)
            label.setAccessibleName(self.step_text(step))
            self._rows_layout.addWidget(label)
            self.rows[step] = label
        self._paint()
        self.show()

    def reach(self, step: SignInStep) -> None:
        """``step`` is where the sign-in is now (the ones before it are done)."""
        if self.way is None or step not in self.rows or step == self.current:
            return
        self.current = step
        self.reached.append(step)
        self._paint()
        text = self.step_text(step) + "…"
        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def stop(self) -> None:
        """The sign-in ended (signed in, failed or cancelled): hide the steps."""
        self.way, self.current = None, None
        self.setAccessibleDescription("")
        self.hide()

    def _paint(self) -> None:
        order = list(self.rows)
        at = order.index(self.current) if self.current in order else -1
        for index, (step, label) in enumerate(self.rows.items()):
            mark = DONE if index < at else CURRENT if index == at else TO_COME
            suffix = "…" if index == at else ""
            label.setText(f"{mark}  {self.step_text(step)}{suffix}")
            font = label.font()
            font.setBold(index == at)
            label.setFont(font)
            if index < at:
                state = self.tr("done")
            else:
                state = self.tr("now") if index == at else self.tr("next")
            label.setAccessibleDescription(state)
