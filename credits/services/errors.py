"""The credit rules' errors, each with its contract code."""

from common.errors import BusinessRule, InvalidState


class OwnCompany(BusinessRule):
    code = "own_company"


class CurrencyMismatch(BusinessRule):
    code = "currency_mismatch"


class NotSameCustomer(BusinessRule):
    code = "not_same_customer"


class InvoiceNotOpen(BusinessRule):
    code = "invoice_not_open"


class ExceedsRemaining(BusinessRule):
    code = "exceeds_remaining"


class ExceedsAmountDue(BusinessRule):
    code = "exceeds_amount_due"


class ExceedsAppliedAmount(BusinessRule):
    code = "exceeds_applied_amount"


class ExceedsRefundableAmount(BusinessRule):
    code = "exceeds_refundable_amount"


class SubscriptionNotForCompany(BusinessRule):
    code = "subscription_not_for_company"


class MemoNotVoidable(InvalidState):
    code = "not_voidable"


class MemoNotUsable(InvalidState):
    """Draft, void or closed: its balance cannot be applied or paid out."""
