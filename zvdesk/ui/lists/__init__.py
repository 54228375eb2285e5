"""The scheduled-messages and SMS-logs pages: ``scheduled`` (model and view), ``logs`` (model,
filters, paging, export), ``controller`` (feeds both from the service), ``csvexport`` (log
records, the logs query, CSV export; no Qt) and ``sort_indicator`` (the header arrow).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
