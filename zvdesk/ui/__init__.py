"""zvdesk.ui: the Qt widgets (PySide6), one feature a module. Nothing here opens a socket or a
database: widgets talk to the service layer through signals.

Among them: ``safetext`` (untrusted text made safe for Qt), ``icons`` (recoloured SVG icons),
``theme`` (light/dark, bubble colours) and ``composer`` (the message composer, assembled from the
``composer_*`` modules). Import the module you need; the package itself imports nothing.
"""
