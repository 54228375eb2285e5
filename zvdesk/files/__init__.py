"""Files on the agent's disk (no Qt): ``names`` (safe file names for attachments strangers named).

May import: the standard library only. Never Qt.
"""
