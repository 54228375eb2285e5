"""Putting the Settings' values into effect in a window: shared by a signed-in window (through
:class:`~zvdesk.ui.account.controller.AccountController`) and the demo (which has no account, but
the same composer, notification, language and diagnostics settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zvdesk.logsetup import configure_logging, current_log_file
from zvdesk.ui.common.settings import AppSettings
from zvdesk.ui.mainwindow.window import MainWindow

__all__ = ["apply_settings", "switch_language"]


def apply_settings(
    window: MainWindow, settings: AppSettings, *, signed_in_name: str | None, language: str
) -> str:
    """Apply ``settings`` to ``window`` (``signed_in_name``: {agent} when the Settings name none;
    ``language``: the one in use). Returns the language now in use."""
    window.pane.composer.enter_sends = settings.enter_sends
    window.default_region = settings.default_country
    window.logs_view.default_region = settings.default_country
    window.pane.composer.set_default_region(settings.default_country)
    window.notifier.set_sound_enabled(settings.sound)
    window.notifier.set_do_not_disturb(settings.do_not_disturb)
    window.pane.set_agent_name(settings.agent_name or signed_in_name)
    window.agent_name = settings.agent_name or signed_in_name or ""
    log_file = current_log_file()
    if log_file is not None:
        configure_logging(verbose=settings.verbose_logging, log_dir=log_file.parent)
    if settings.language != language:
        switch_language(settings.language)
    return settings.language


def switch_language(language: str) -> None:
    """Switch the running app's translations (:mod:`zvdesk.i18n`)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    try:
        from zvdesk.i18n import switch_language as switch
    except ImportError:
        return
    switch(app, language)
