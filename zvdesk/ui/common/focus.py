"""A focus that is always visible: a highlight-coloured frame around the focused list or text
field (the chat list, the composer), so an agent working with the keyboard sees where the keys
go. Colours come from the palette, so light and dark themes both work.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

__all__ = ["show_focus"]


def show_focus(widget: QWidget, name: str) -> None:
    """Give ``widget`` (a frame: list or text field) a thin frame, thicker and in the palette's
    highlight colour while it has the focus."""
    widget.setObjectName(name)
    widget.setStyleSheet(
        f"#{name} {{ border: 1px solid palette(mid); border-radius: 3px; padding: 1px; }}"
        f"#{name}:focus {{ border: 2px solid palette(highlight); padding: 0px; }}"
    )
