"""What the composer hands over when the agent sends (no Qt).

It is the core's :class:`~zvdesk.sync.enqueue.OutgoingMessage`, under the composer's name: the one
immutable object that travels from the composer through the conversation controller and the
service into the outbox unchanged.
"""

from __future__ import annotations

from zvdesk.sync.enqueue import OutgoingMessage

__all__ = ["ComposerMessage"]

ComposerMessage = OutgoingMessage
