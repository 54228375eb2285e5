"""Files on the agent's disk (no Qt): ``names`` (safe file names for attachments strangers named)
and ``sniff`` (what an attachment really is, from its bytes, checked against what it claims).

May import: the standard library only. Never Qt.
"""
