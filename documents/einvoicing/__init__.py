"""E-invoice validation with the official artefacts (UBL 2.1 XSD, CEN EN 16931, Peppol BIS 3),
shipped as package data: see README.md here and `validate.py`."""
