"""VAT categories of a line (EN 16931 / UNCL 5305), the exemption reason codes (VATEX) and the
legal note a document must print for each. A line's tax is a category plus a rate: only S
(standard) carries a rate above 0; every other category is taxed at 0."""

# (code, label)
TAX_CATEGORIES = (
    ("S", "Standard rate"),
    ("Z", "Zero rated"),
    ("E", "Exempt from VAT"),
    ("AE", "Reverse charge"),
    ("K", "Intra-community supply"),
    ("G", "Export outside the EU"),
    ("O", "Not subject to VAT"),
)
CATEGORY_CODES = tuple(code for code, _ in TAX_CATEGORIES)
CATEGORY_LABELS = dict(TAX_CATEGORIES)
