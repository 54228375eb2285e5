"""zvdesk: a desktop SMS/MMS messenger for support agents on Zoho Voice.

The version lives here and nowhere else.
"""

__version__ = "0.1.0"
