from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memo_line_out_billing_action_type_0 import (
    MemoLineOutBillingActionType0,
    check_memo_line_out_billing_action_type_0,
)
from ..models.tax_category import TaxCategory, check_tax_category

T = TypeVar("T", bound="MemoLineOut")


@_attrs_define
class MemoLineOut:
    """
    Attributes:
        amount (str): decimal string with the currency's minor digits
        billing_action (MemoLineOutBillingActionType0 | None):
        custom_charge (bool):
        description (str):
        id (None | UUID):
        name (str):
        period_end (datetime.date | None):
        period_start (datetime.date | None):
        product_id (None | UUID):
        quantity (str): decimal string
        source_invoice_line_id (None | UUID):
        subscription_id (None | UUID):
        tax_amount (str): decimal string with the currency's minor digits
        tax_category (TaxCategory): A line's VAT category (EN 16931, UNCL 5305): S standard rate; Z zero rated; E exempt
            from vat; AE reverse charge; K intra-community supply; G export outside the eu; O not subject to vat. Only S
            carries a tax_rate above 0; E needs an exemption reason (code or text); AE, K, G and O take a default one
            (VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-G, VATEX-EU-O).
        tax_exemption_reason (str):
        tax_exemption_reason_code (str):
        tax_rate (str): decimal string
        total (str): decimal string with the currency's minor digits
        unit_price (str): decimal string with the currency's minor digits
    """

    amount: str
    billing_action: MemoLineOutBillingActionType0 | None
    custom_charge: bool
    description: str
    id: None | UUID
    name: str
    period_end: datetime.date | None
    period_start: datetime.date | None
    product_id: None | UUID
    quantity: str
    source_invoice_line_id: None | UUID
    subscription_id: None | UUID
    tax_amount: str
    tax_category: TaxCategory
    tax_exemption_reason: str
    tax_exemption_reason_code: str
    tax_rate: str
    total: str
    unit_price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        billing_action: None | str
        if isinstance(self.billing_action, str):
            billing_action = self.billing_action
        else:
            billing_action = self.billing_action

        custom_charge = self.custom_charge

        description = self.description

        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        name = self.name

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        quantity = self.quantity

        source_invoice_line_id: None | str
        if isinstance(self.source_invoice_line_id, UUID):
            source_invoice_line_id = str(self.source_invoice_line_id)
        else:
            source_invoice_line_id = self.source_invoice_line_id

        subscription_id: None | str
        if isinstance(self.subscription_id, UUID):
            subscription_id = str(self.subscription_id)
        else:
            subscription_id = self.subscription_id

        tax_amount = self.tax_amount

        tax_category: str = self.tax_category

        tax_exemption_reason = self.tax_exemption_reason

        tax_exemption_reason_code = self.tax_exemption_reason_code

        tax_rate = self.tax_rate

        total = self.total

        unit_price = self.unit_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "billing_action": billing_action,
                "custom_charge": custom_charge,
                "description": description,
                "id": id,
                "name": name,
                "period_end": period_end,
                "period_start": period_start,
                "product_id": product_id,
                "quantity": quantity,
                "source_invoice_line_id": source_invoice_line_id,
                "subscription_id": subscription_id,
                "tax_amount": tax_amount,
                "tax_category": tax_category,
                "tax_exemption_reason": tax_exemption_reason,
                "tax_exemption_reason_code": tax_exemption_reason_code,
                "tax_rate": tax_rate,
                "total": total,
                "unit_price": unit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_billing_action(data: object) -> MemoLineOutBillingActionType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_action_type_0 = check_memo_line_out_billing_action_type_0(data)

                return billing_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoLineOutBillingActionType0 | None, data)

        billing_action = _parse_billing_action(d.pop("billing_action"))

        custom_charge = d.pop("custom_charge")

        description = d.pop("description")

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name")

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        quantity = d.pop("quantity")

        def _parse_source_invoice_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_invoice_line_id_type_0 = UUID(data)

                return source_invoice_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        source_invoice_line_id = _parse_source_invoice_line_id(d.pop("source_invoice_line_id"))

        def _parse_subscription_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_id_type_0 = UUID(data)

                return subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        subscription_id = _parse_subscription_id(d.pop("subscription_id"))

        tax_amount = d.pop("tax_amount")

        tax_category = check_tax_category(d.pop("tax_category"))

        tax_exemption_reason = d.pop("tax_exemption_reason")

        tax_exemption_reason_code = d.pop("tax_exemption_reason_code")

        tax_rate = d.pop("tax_rate")

        total = d.pop("total")

        unit_price = d.pop("unit_price")

        memo_line_out = cls(
            amount=amount,
            billing_action=billing_action,
            custom_charge=custom_charge,
            description=description,
            id=id,
            name=name,
            period_end=period_end,
            period_start=period_start,
            product_id=product_id,
            quantity=quantity,
            source_invoice_line_id=source_invoice_line_id,
            subscription_id=subscription_id,
            tax_amount=tax_amount,
            tax_category=tax_category,
            tax_exemption_reason=tax_exemption_reason,
            tax_exemption_reason_code=tax_exemption_reason_code,
            tax_rate=tax_rate,
            total=total,
            unit_price=unit_price,
        )

        memo_line_out.additional_properties = d
        return memo_line_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
