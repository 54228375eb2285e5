"""The scheduled-messages and SMS-logs pages: ``scheduled`` (model and view), ``logs`` (the page:
filters, paging, export), ``logs_model`` (its table model, filter proxy and number parser),
``filters`` (the date range and the text filter both pages use), ``controller`` (feeds both from
the service; runs large CSV exports on the store lane), ``csvexport`` (log records, the logs
query, CSV export; no Qt) and ``sort_indicator`` (the header arrow).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
