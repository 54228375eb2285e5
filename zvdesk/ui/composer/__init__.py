"""The message composer: ``widget`` (:class:`~zvdesk.ui.composer.widget.Composer`, assembled from
the parts) with ``editor`` (the text field), ``attachment`` (the attachment chip), ``options``
(flash, validity, sender), ``schedule`` (date, time and zone), ``notice`` (another agent replied),
``placeholders`` (unresolved canned placeholders), ``a11y`` (accessible names) and ``message``
(what a send hands over: the core's OutgoingMessage).

May import: ``ui.common``, Qt and the Qt-free core (the composer never calls the service: its
signals go to the conversation controller).
"""
