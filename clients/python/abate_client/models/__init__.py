"""Contains all the data models used in inputs/outputs"""

from .ad_hoc_in import AdHocIn
from .ad_hoc_in_reason_code import AdHocInReasonCode
from .ad_hoc_line_in import AdHocLineIn
from .address_in import AddressIn
from .address_out import AddressOut
from .application_in import ApplicationIn
from .attempt_out import AttemptOut
from .auto_apply_result_out import AutoApplyResultOut
from .billing_run_in import BillingRunIn
from .billing_run_list import BillingRunList
from .billing_run_out import BillingRunOut
from .billing_run_out_status import BillingRunOutStatus
from .cancel_in import CancelIn
from .change_in import ChangeIn
from .change_in_effective_type_0 import ChangeInEffectiveType0
from .close_in import CloseIn
from .company_in import CompanyIn
from .company_list import CompanyList
from .company_out import CompanyOut
from .company_patch_in import CompanyPatchIn
from .credit_balance_out import CreditBalanceOut
from .credit_check_in import CreditCheckIn
from .credit_check_out import CreditCheckOut
from .credit_from_invoice_in import CreditFromInvoiceIn
from .credit_from_invoice_in_reason_code import CreditFromInvoiceInReasonCode
from .credit_memo_created_out import CreditMemoCreatedOut
from .credit_memo_created_out_origin import CreditMemoCreatedOutOrigin
from .credit_memo_created_out_reason_code import CreditMemoCreatedOutReasonCode
from .credit_memo_created_out_status import CreditMemoCreatedOutStatus
from .credit_memo_list import CreditMemoList
from .credit_memo_out import CreditMemoOut
from .credit_memo_out_origin import CreditMemoOutOrigin
from .credit_memo_out_reason_code import CreditMemoOutReasonCode
from .credit_memo_out_status import CreditMemoOutStatus
from .credit_memo_preview_out import CreditMemoPreviewOut
from .credit_memo_preview_out_origin import CreditMemoPreviewOutOrigin
from .credit_memo_preview_out_reason_code import CreditMemoPreviewOutReasonCode
from .credit_memos_list_origin_type_0 import CreditMemosListOriginType0
from .credit_memos_list_status_type_0 import CreditMemosListStatusType0
from .currency_code import CurrencyCode
from .deleted_out import DeletedOut
from .error_detail import ErrorDetail
from .error_detail_type import ErrorDetailType
from .error_out import ErrorOut
from .event_list import EventList
from .event_out import EventOut
from .event_out_data import EventOutData
from .events_list_type_type_0 import EventsListTypeType0
from .failure_out import FailureOut
from .generated_pdf_out import GeneratedPdfOut
from .invoice_application_out import InvoiceApplicationOut
from .invoice_credit_line_in import InvoiceCreditLineIn
from .invoice_in import InvoiceIn
from .invoice_line_in import InvoiceLineIn
from .invoice_line_in_billing_action_type_0 import InvoiceLineInBillingActionType0
from .invoice_line_out import InvoiceLineOut
from .invoice_line_out_billing_action import InvoiceLineOutBillingAction
from .invoice_list import InvoiceList
from .invoice_out import InvoiceOut
from .invoice_out_status import InvoiceOutStatus
from .invoices_list_status_type_0 import InvoicesListStatusType0
from .marketplace_out import MarketplaceOut
from .memo_application_out import MemoApplicationOut
from .memo_line_out import MemoLineOut
from .memo_line_out_billing_action_type_0 import MemoLineOutBillingActionType0
from .no_body import NoBody
from .notification_setting_in import NotificationSettingIn
from .notification_setting_list import NotificationSettingList
from .notification_setting_out import NotificationSettingOut
from .notification_setting_out_kind import NotificationSettingOutKind
from .notification_setting_update_kind import NotificationSettingUpdateKind
from .payment_in import PaymentIn
from .payment_out import PaymentOut
from .payout_in import PayoutIn
from .payout_out import PayoutOut
from .payout_out_status import PayoutOutStatus
from .plan_in import PlanIn
from .plan_in_interval import PlanInInterval
from .plan_in_scheme import PlanInScheme
from .plan_list import PlanList
from .plan_out import PlanOut
from .plan_out_interval import PlanOutInterval
from .plan_out_scheme import PlanOutScheme
from .product_in import ProductIn
from .product_list import ProductList
from .product_out import ProductOut
from .product_patch_in import ProductPatchIn
from .refund_in import RefundIn
from .refund_out import RefundOut
from .report_filters_out import ReportFiltersOut
from .report_in import ReportIn
from .report_in_report import ReportInReport
from .report_run_list import ReportRunList
from .report_run_out import ReportRunOut
from .report_run_out_report import ReportRunOutReport
from .report_run_out_status import ReportRunOutStatus
from .reverse_in import ReverseIn
from .scheduled_change_out import ScheduledChangeOut
from .settings_in import SettingsIn
from .settings_out import SettingsOut
from .subscription_in import SubscriptionIn
from .subscription_list import SubscriptionList
from .subscription_out import SubscriptionOut
from .subscription_out_interval_type_0 import SubscriptionOutIntervalType0
from .subscription_out_scheme_type_0 import SubscriptionOutSchemeType0
from .subscription_out_status import SubscriptionOutStatus
from .subscriptions_list_status_type_0 import SubscriptionsListStatusType0
from .tax_category import TaxCategory
from .tax_clearance_in import TaxClearanceIn
from .usage_record_in import UsageRecordIn
from .usage_record_list import UsageRecordList
from .usage_record_out import UsageRecordOut
from .user_in import UserIn
from .user_out import UserOut
from .webhook_deliveries_list_status_type_0 import WebhookDeliveriesListStatusType0
from .webhook_delivery_list import WebhookDeliveryList
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_event_type import WebhookDeliveryOutEventType
from .webhook_delivery_out_status import WebhookDeliveryOutStatus
from .webhook_endpoint_in import WebhookEndpointIn
from .webhook_endpoint_in_event_types_item import WebhookEndpointInEventTypesItem
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_out_status import WebhookEndpointOutStatus

__all__ = (
    "AddressIn",
    "AddressOut",
    "AdHocIn",
    "AdHocInReasonCode",
    "AdHocLineIn",
    "ApplicationIn",
    "AttemptOut",
    "AutoApplyResultOut",
    "BillingRunIn",
    "BillingRunList",
    "BillingRunOut",
    "BillingRunOutStatus",
    "CancelIn",
    "ChangeIn",
    "ChangeInEffectiveType0",
    "CloseIn",
    "CompanyIn",
    "CompanyList",
    "CompanyOut",
    "CompanyPatchIn",
    "CreditBalanceOut",
    "CreditCheckIn",
    "CreditCheckOut",
    "CreditFromInvoiceIn",
    "CreditFromInvoiceInReasonCode",
    "CreditMemoCreatedOut",
    "CreditMemoCreatedOutOrigin",
    "CreditMemoCreatedOutReasonCode",
    "CreditMemoCreatedOutStatus",
    "CreditMemoList",
    "CreditMemoOut",
    "CreditMemoOutOrigin",
    "CreditMemoOutReasonCode",
    "CreditMemoOutStatus",
    "CreditMemoPreviewOut",
    "CreditMemoPreviewOutOrigin",
    "CreditMemoPreviewOutReasonCode",
    "CreditMemosListOriginType0",
    "CreditMemosListStatusType0",
    "CurrencyCode",
    "DeletedOut",
    "ErrorDetail",
    "ErrorDetailType",
    "ErrorOut",
    "EventList",
    "EventOut",
    "EventOutData",
    "EventsListTypeType0",
    "FailureOut",
    "GeneratedPdfOut",
    "InvoiceApplicationOut",
    "InvoiceCreditLineIn",
    "InvoiceIn",
    "InvoiceLineIn",
    "InvoiceLineInBillingActionType0",
    "InvoiceLineOut",
    "InvoiceLineOutBillingAction",
    "InvoiceList",
    "InvoiceOut",
    "InvoiceOutStatus",
    "InvoicesListStatusType0",
    "MarketplaceOut",
    "MemoApplicationOut",
    "MemoLineOut",
    "MemoLineOutBillingActionType0",
    "NoBody",
    "NotificationSettingIn",
    "NotificationSettingList",
    "NotificationSettingOut",
    "NotificationSettingOutKind",
    "NotificationSettingUpdateKind",
    "PaymentIn",
    "PaymentOut",
    "PayoutIn",
    "PayoutOut",
    "PayoutOutStatus",
    "PlanIn",
    "PlanInInterval",
    "PlanInScheme",
    "PlanList",
    "PlanOut",
    "PlanOutInterval",
    "PlanOutScheme",
    "ProductIn",
    "ProductList",
    "ProductOut",
    "ProductPatchIn",
    "RefundIn",
    "RefundOut",
    "ReportFiltersOut",
    "ReportIn",
    "ReportInReport",
    "ReportRunList",
    "ReportRunOut",
    "ReportRunOutReport",
    "ReportRunOutStatus",
    "ReverseIn",
    "ScheduledChangeOut",
    "SettingsIn",
    "SettingsOut",
    "SubscriptionIn",
    "SubscriptionList",
    "SubscriptionOut",
    "SubscriptionOutIntervalType0",
    "SubscriptionOutSchemeType0",
    "SubscriptionOutStatus",
    "SubscriptionsListStatusType0",
    "TaxCategory",
    "TaxClearanceIn",
    "UsageRecordIn",
    "UsageRecordList",
    "UsageRecordOut",
    "UserIn",
    "UserOut",
    "WebhookDeliveriesListStatusType0",
    "WebhookDeliveryList",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutEventType",
    "WebhookDeliveryOutStatus",
    "WebhookEndpointIn",
    "WebhookEndpointInEventTypesItem",
    "WebhookEndpointList",
    "WebhookEndpointOut",
    "WebhookEndpointOutStatus",
)
