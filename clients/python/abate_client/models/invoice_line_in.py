from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.invoice_line_in_billing_action_type_0 import (
    InvoiceLineInBillingActionType0,
    check_invoice_line_in_billing_action_type_0,
)
from ..models.tax_category import TaxCategory, check_tax_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceLineIn")


@_attrs_define
class InvoiceLineIn:
    """
    Attributes:
        quantity (float | str): a decimal string in plain notation ("2", "1.5") or a JSON number; above zero, at most 6
            decimals, below 10^12
        unit_price (float | str): a decimal string in plain notation ("200.00") or a JSON number, with at most the
            currency's minor digits (2 for EUR and USD, 0 for JPY, 3 for BHD), below 10^12 in size; may be negative
        billing_action (InvoiceLineInBillingActionType0 | None | Unset): default one_time
        description (None | str | Unset):
        discount_amount (float | None | str | Unset):
        name (None | str | Unset): default: the product's name; required without a product or subscription
        period_end (datetime.date | None | Unset): YYYY-MM-DD, not before period_start (422 otherwise)
        period_start (datetime.date | None | Unset):
        product_id (None | Unset | UUID):
        subscription_id (None | Unset | UUID): the customer's subscription; brings its product
        tax_category (None | TaxCategory | Unset): default: the product's category; without a product S when tax_rate is
            above 0 (AE, reverse charge at 0, for a company marked `reverse_charge`), else Z (zero rated) when the seller
            has a VAT id or another line has a category other than O, else O (not subject to VAT). A rate above 0 with a
            category other than S, S at 0, E without a reason, an exemption reason on S or Z, O beside another category, or
            AE without the seller's and the customer's VAT ids: 422 invalid_tax
        tax_exemption_reason (None | str | Unset):
        tax_exemption_reason_code (None | str | Unset):
        tax_rate (float | None | str | Unset):
    """

    quantity: float | str
    unit_price: float | str
    billing_action: InvoiceLineInBillingActionType0 | None | Unset = UNSET
    description: None | str | Unset = UNSET
    discount_amount: float | None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    period_end: datetime.date | None | Unset = UNSET
    period_start: datetime.date | None | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    subscription_id: None | Unset | UUID = UNSET
    tax_category: None | TaxCategory | Unset = UNSET
    tax_exemption_reason: None | str | Unset = UNSET
    tax_exemption_reason_code: None | str | Unset = UNSET
    tax_rate: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity: float | str
        quantity = self.quantity

        unit_price: float | str
        unit_price = self.unit_price

        billing_action: None | str | Unset
        if isinstance(self.billing_action, Unset):
            billing_action = UNSET
        elif isinstance(self.billing_action, str):
            billing_action = self.billing_action
        else:
            billing_action = self.billing_action

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        discount_amount: float | None | str | Unset
        if isinstance(self.discount_amount, Unset):
            discount_amount = UNSET
        else:
            discount_amount = self.discount_amount

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        subscription_id: None | str | Unset
        if isinstance(self.subscription_id, Unset):
            subscription_id = UNSET
        elif isinstance(self.subscription_id, UUID):
            subscription_id = str(self.subscription_id)
        else:
            subscription_id = self.subscription_id

        tax_category: None | str | Unset
        if isinstance(self.tax_category, Unset):
            tax_category = UNSET
        elif isinstance(self.tax_category, str):
            tax_category = self.tax_category
        else:
            tax_category = self.tax_category

        tax_exemption_reason: None | str | Unset
        if isinstance(self.tax_exemption_reason, Unset):
            tax_exemption_reason = UNSET
        else:
            tax_exemption_reason = self.tax_exemption_reason

        tax_exemption_reason_code: None | str | Unset
        if isinstance(self.tax_exemption_reason_code, Unset):
            tax_exemption_reason_code = UNSET
        else:
            tax_exemption_reason_code = self.tax_exemption_reason_code

        tax_rate: float | None | str | Unset
        if isinstance(self.tax_rate, Unset):
            tax_rate = UNSET
        else:
            tax_rate = self.tax_rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "unit_price": unit_price,
            }
        )
        if billing_action is not UNSET:
            field_dict["billing_action"] = billing_action
        if description is not UNSET:
            field_dict["description"] = description
        if discount_amount is not UNSET:
            field_dict["discount_amount"] = discount_amount
        if name is not UNSET:
            field_dict["name"] = name
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if subscription_id is not UNSET:
            field_dict["subscription_id"] = subscription_id
        if tax_category is not UNSET:
            field_dict["tax_category"] = tax_category
        if tax_exemption_reason is not UNSET:
            field_dict["tax_exemption_reason"] = tax_exemption_reason
        if tax_exemption_reason_code is not UNSET:
            field_dict["tax_exemption_reason_code"] = tax_exemption_reason_code
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_quantity(data: object) -> float | str:
            return cast(float | str, data)

        quantity = _parse_quantity(d.pop("quantity"))

        def _parse_unit_price(data: object) -> float | str:
            return cast(float | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        def _parse_billing_action(data: object) -> InvoiceLineInBillingActionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_action_type_0 = check_invoice_line_in_billing_action_type_0(data)

                return billing_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceLineInBillingActionType0 | None | Unset, data)

        billing_action = _parse_billing_action(d.pop("billing_action", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_discount_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        discount_amount = _parse_discount_amount(d.pop("discount_amount", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_period_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_period_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        def _parse_subscription_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_id_type_0 = UUID(data)

                return subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        subscription_id = _parse_subscription_id(d.pop("subscription_id", UNSET))

        def _parse_tax_category(data: object) -> None | TaxCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_category_type_0 = check_tax_category(data)

                return tax_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxCategory | Unset, data)

        tax_category = _parse_tax_category(d.pop("tax_category", UNSET))

        def _parse_tax_exemption_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_exemption_reason = _parse_tax_exemption_reason(d.pop("tax_exemption_reason", UNSET))

        def _parse_tax_exemption_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_exemption_reason_code = _parse_tax_exemption_reason_code(d.pop("tax_exemption_reason_code", UNSET))

        def _parse_tax_rate(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate", UNSET))

        invoice_line_in = cls(
            quantity=quantity,
            unit_price=unit_price,
            billing_action=billing_action,
            description=description,
            discount_amount=discount_amount,
            name=name,
            period_end=period_end,
            period_start=period_start,
            product_id=product_id,
            subscription_id=subscription_id,
            tax_category=tax_category,
            tax_exemption_reason=tax_exemption_reason,
            tax_exemption_reason_code=tax_exemption_reason_code,
            tax_rate=tax_rate,
        )

        return invoice_line_in
