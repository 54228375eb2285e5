"""The first start: two ways on, without needing Zoho to look around.

:class:`WelcomeDialog` offers **Sign in to Zoho Voice** (the default: the sign-in screen opens over
an empty window) and **Try the demo** (the built-in sandbox with simulated customers, labelled as
a demo everywhere while it runs). :func:`is_first_start` says when to show it: no account was ever
signed in here and no token comes from the environment.
"""

from __future__ import annotations

import os
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from zvdesk.ui.common import icons

__all__ = ["Start", "WelcomeDialog", "is_first_start"]

TOKEN_VARIABLES = ("ZVDESK_ACCESS_TOKEN", "ZVDESK_TOKEN")


class Start(Enum):
    SIGN_IN = "sign-in"
    DEMO = "demo"


def is_first_start() -> bool:
    """True when no profile exists yet and no access token is given in the environment."""
    if any(os.environ.get(name, "").strip() for name in TOKEN_VARIABLES):
        return False
    from zvdesk.api.errors import ValidationError
    from zvdesk.auth.profiles import ProfileStore

    try:
        return not ProfileStore().list()
    except ValidationError:
        return False  # a damaged profiles file: the normal start reports it


def _explanation(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class WelcomeDialog(QDialog):
    """See the module docstring; ``choice`` is set when a button was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: Start | None = None
        self.setWindowTitle(self.tr("Welcome to zvdesk"))
        self.setAccessibleName(self.tr("Welcome to zvdesk"))
        self.setWindowIcon(icons.app_icon())
        title = QLabel(self.tr("Welcome to zvdesk"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setTextFormat(Qt.TextFormat.PlainText)
        intro = _explanation(
            self.tr(
                "Text your customers from the desktop through your organisation's Zoho Voice "
                "numbers."
            ),
            self,
        )
        self.sign_in_button = QPushButton(self.tr("&Sign in to Zoho Voice"), self)
        self.sign_in_button.setAccessibleName(self.tr("Sign in to Zoho Voice"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        sign_in_text = _explanation(
            self.tr("With your Zoho account: your conversations, your numbers, real customers."),
            self,
        )
        self.demo_button = QPushButton(self.tr("&Try the demo"), self)
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.demo_button.setAutoDefault(True)
        demo_text = _explanation(
            self.tr(
                "Without an account: simulated customers on a built-in test server, to learn "
                "the app. Nothing you send leaves this computer."
            ),
            self,
        )
        for button in (self.sign_in_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(sign_in_text)
        layout.addSpacing(8)
        layout.addWidget(self.demo_button)
        layout.addWidget(demo_text)
        self.sign_in_button.clicked.connect(lambda: self._choose(Start.SIGN_IN))
        self.demo_button.clicked.connect(lambda: self._choose(Start.DEMO))
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())
        self.sign_in_button.setFocus()

    def _choose(self, choice: Start) -> None:
        self.choice = choice
        self.accept()
