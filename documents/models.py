"""Documents: numbering now (django-sequences), PDFs and e-invoices later."""
