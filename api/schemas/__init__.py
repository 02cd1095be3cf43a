"""Request and response schemas of the API, by subject (one module each); import them from
here.

Request bodies (`...In`) reject unknown fields and check JSON types; the services validate
every value (amounts, ids, enums, dates), so money fields accept what the contract accepts,
a decimal string or a number, and are handed to the service as sent. Response schemas
(`...Out`) describe, for the OpenAPI document, the plain data the domain serializers
produce (invoicing/serializers.py, credits/serializers.py, api/serializers.py); views answer
that data as it is, so the two must agree (the fuzz test checks every answer against them)."""

from api.schemas.base import (  # noqa: F401
    AMOUNT_OUT_PATTERN,
    Amount,
    Currency,
    CurrencyCode,
    CurrencyIn,
    DateQuery,
    DecimalText,
    ErrorDetail,
    ErrorOut,
    Id,
    In,
    Out,
    TaxCategory,
    list_of,
    text,
)
from api.schemas.credit_memos import (  # noqa: F401
    AdHocIn,
    AdHocLineIn,
    ApplicationIn,
    AutoApplyResultOut,
    CloseIn,
    CreditFromInvoiceIn,
    CreditMemoCreatedOut,
    CreditMemoList,
    CreditMemoOut,
    CreditMemoPreviewOut,
    EventList,
    EventOut,
    InvoiceCreditLineIn,
    MemoApplicationOut,
    MemoLineOut,
    NoBody,
    PayoutIn,
    PayoutOut,
    ReasonCode,
    ReverseIn,
)
from api.schemas.invoices import (  # noqa: F401
    BillingAction,
    InvoiceApplicationOut,
    InvoiceIn,
    InvoiceLineIn,
    InvoiceLineOut,
    InvoiceList,
    InvoiceOut,
    PaymentIn,
    PaymentOut,
    RefundIn,
    RefundOut,
    TaxClearanceIn,
)
from api.schemas.parties import (  # noqa: F401
    AddressIn,
    AddressOut,
    CompanyIn,
    CompanyList,
    CompanyOut,
    CompanyPatchIn,
    CreditBalanceOut,
    CreditCheckIn,
    CreditCheckOut,
    MarketplaceOut,
    ProductIn,
    ProductList,
    ProductOut,
    ProductPatchIn,
    SettingsIn,
    SettingsOut,
    UserIn,
    UserOut,
)
