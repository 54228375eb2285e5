"""Demo mode (``zvdesk --sandbox``, "Try the demo"): labelled as a demo everywhere, and its pace.

While the built-in sandbox runs, nothing may be mistaken for the real account: the window title
says "Demo", a coloured band above the views says that the customers are simulated and nothing
reaches Zoho, and the status bar carries a permanent "Demo" label. The Demo menu sets how busy the
simulated customers are (:data:`PACES`, stored in the settings, applied at once): a realistic busy
shift by default, calmer for learning, faster for drills, or paused. It also opens the Settings
(Ctrl+, as in a signed-in window) without the Account page: the demo has no Zoho account.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu

from zvdesk.ui.common.settings import DEMO_RATE_DEFAULT, AppSettings
from zvdesk.ui.mainwindow.window import MainWindow

__all__ = ["PACES", "DemoBand", "DemoControls", "install_demo", "pace_labels"]


PACES: tuple[float, ...] = (1 / 120, DEMO_RATE_DEFAULT, 0.1, 0.5, 0.0)
"""Average customer messages a second: calm, busy shift (default), drill, rush, paused."""


def pace_labels() -> list[tuple[float, str]]:
    """``(rate, translated label)`` of each pace in :data:`PACES`."""
    translate = QCoreApplication.translate
    return list(
        zip(
            PACES,
            (
                translate("Demo", "&Calm: a message every 2 minutes"),
                translate("Demo", "&Busy shift: a message every 30 seconds"),
                translate("Demo", "&Drill: 6 messages a minute"),
                translate("Demo", "&Rush: 30 messages a minute"),
                translate("Demo", "&Paused: no new messages"),
            ),
            strict=True,
        )
    )


@dataclass
class DemoControls:
    """What :func:`install_demo` added to the window."""

    band: DemoBand
    status: QLabel
    menu: QMenu
    paces: QActionGroup
    settings_action: QAction


class DemoBand(QFrame):
    """The coloured band above the views while the demo runs."""

    def __init__(self, parent: MainWindow) -> None:
        super().__init__(parent)
        self.setObjectName("demoBand")
        self.setAccessibleName(self.tr("Demo mode"))
        self.setStyleSheet(
            "#demoBand { background: #f5b400; } #demoBand QLabel { color: #1b1b1b; }"
        )
        self.label = QLabel(
            self.tr(
                "Demo: simulated customers on a built-in test server. Nothing you send here "
                "reaches Zoho or a real phone."
            ),
            self,
        )
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setAccessibleName(self.label.text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.addWidget(self.label, 1)


def install_demo(
    window: MainWindow,
    settings: AppSettings,
    set_rate: Callable[[float], None],
    current: float,
    open_settings: Callable[[], object],
) -> DemoControls:
    """Label ``window`` as the demo and add the Demo menu (``set_rate`` applies a pace; the
    pace nearest to ``current`` is checked; ``open_settings`` opens the Settings)."""
    translate = QCoreApplication.translate
    title = translate("Demo", "zvdesk — Demo (simulated customers, not your Zoho account)")
    window.setWindowTitle(title)
    window.setAccessibleName(title)
    band = DemoBand(window)
    window.add_banner(band)
    status = QLabel(translate("Demo", "Demo"), window)
    status.setObjectName("demoStatus")
    status.setStyleSheet(
        "#demoStatus { background: #f5b400; color: #1b1b1b; padding: 1px 8px; font-weight: bold; }"
    )
    status.setAccessibleName(translate("Demo", "Demo mode"))
    window.statusBar().insertPermanentWidget(0, status)

    menu = QMenu(translate("Demo", "&Demo"), window)
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    menu.setAccessibleName(translate("Demo", "Demo"))
    pace = menu.addMenu(translate("Demo", "Customers &write in"))
    pace.setAccessibleName(translate("Demo", "How often simulated customers write in"))
    group = QActionGroup(pace)
    nearest = min(PACES, key=lambda rate: abs(rate - current))
    for rate, label in pace_labels():
        action = QAction(label, pace)
        action.setCheckable(True)
        action.setChecked(rate == nearest)
        action.setData(rate)
        group.addAction(action)
        pace.addAction(action)

    def chosen(action: QAction) -> None:
        rate = float(action.data())
        settings.demo_inbound_rate = rate
        settings.sync()
        set_rate(rate)

    group.triggered.connect(chosen)
    menu.addSeparator()
    settings_action = QAction(translate("Demo", "Se&ttings…"), menu)
    settings_action.setShortcut(QKeySequence("Ctrl+,"))
    settings_action.triggered.connect(lambda: open_settings())
    menu.addAction(settings_action)
    return DemoControls(band, status, menu, group, settings_action)
