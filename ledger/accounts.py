"""The ledger's accounts. Each name is what is stored in a journal line's `account`."""

RECEIVABLES = "receivables"
REVENUE = "revenue"
TAX_PAYABLE = "tax_payable"
SALES_ALLOWANCES = "sales_allowances"
CUSTOMER_CREDIT = "customer_credit"
CASH = "cash"
CREDIT_WRITTEN_OFF = "credit_written_off"

ACCOUNTS = (
    RECEIVABLES,
    REVENUE,
    TAX_PAYABLE,
    SALES_ALLOWANCES,
    CUSTOMER_CREDIT,
    CASH,
    CREDIT_WRITTEN_OFF,
)
