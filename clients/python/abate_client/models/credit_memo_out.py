from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credit_memo_out_origin import CreditMemoOutOrigin, check_credit_memo_out_origin
from ..models.credit_memo_out_reason_code import CreditMemoOutReasonCode, check_credit_memo_out_reason_code
from ..models.credit_memo_out_status import CreditMemoOutStatus, check_credit_memo_out_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.memo_application_out import MemoApplicationOut
    from ..models.memo_line_out import MemoLineOut
    from ..models.payout_out import PayoutOut


T = TypeVar("T", bound="CreditMemoOut")


@_attrs_define
class CreditMemoOut:
    """
    Attributes:
        applications (list[MemoApplicationOut]):
        applied_amount (str): decimal string with the currency's minor digits
        auto_apply (bool):
        billed_company_id (UUID):
        closed_amount (str): decimal string with the currency's minor digits
        company_id (UUID):
        created_at (datetime.datetime):
        currency (str): ISO 4217 code
        id (UUID):
        issued_at (datetime.datetime | None):
        lines (list[MemoLineOut]):
        memo (str):
        number (None | str):
        object_ (Literal['credit_memo']):
        origin (CreditMemoOutOrigin):
        paid_out_amount (str): decimal string with the currency's minor digits
        payouts (list[PayoutOut]):
        reason_code (CreditMemoOutReasonCode):
        remaining_amount (str): decimal string with the currency's minor digits
        source_invoice_id (None | UUID):
        status (CreditMemoOutStatus):
        subtotal (str): decimal string with the currency's minor digits
        tax_total (str): decimal string with the currency's minor digits
        total (str): decimal string with the currency's minor digits
        user_id (None | UUID):
        reason (str | Unset): present only in answers to manager keys
        tax_clearance_id (None | str | Unset): the tax authority's clearance id of the issued document (Greece's myDATA
            MARK), once cleared; null otherwise (not in a preview)
        tax_clearance_url (None | str | Unset): where the tax authority's clearance can be verified; null when not
            cleared (not in a preview)
    """

    applications: list[MemoApplicationOut]
    applied_amount: str
    auto_apply: bool
    billed_company_id: UUID
    closed_amount: str
    company_id: UUID
    created_at: datetime.datetime
    currency: str
    id: UUID
    issued_at: datetime.datetime | None
    lines: list[MemoLineOut]
    memo: str
    number: None | str
    object_: Literal["credit_memo"]
    origin: CreditMemoOutOrigin
    paid_out_amount: str
    payouts: list[PayoutOut]
    reason_code: CreditMemoOutReasonCode
    remaining_amount: str
    source_invoice_id: None | UUID
    status: CreditMemoOutStatus
    subtotal: str
    tax_total: str
    total: str
    user_id: None | UUID
    reason: str | Unset = UNSET
    tax_clearance_id: None | str | Unset = UNSET
    tax_clearance_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        applied_amount = self.applied_amount

        auto_apply = self.auto_apply

        billed_company_id = str(self.billed_company_id)

        closed_amount = self.closed_amount

        company_id = str(self.company_id)

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        memo = self.memo

        number: None | str
        number = self.number

        object_ = self.object_

        origin: str = self.origin

        paid_out_amount = self.paid_out_amount

        payouts = []
        for payouts_item_data in self.payouts:
            payouts_item = payouts_item_data.to_dict()
            payouts.append(payouts_item)

        reason_code: str = self.reason_code

        remaining_amount = self.remaining_amount

        source_invoice_id: None | str
        if isinstance(self.source_invoice_id, UUID):
            source_invoice_id = str(self.source_invoice_id)
        else:
            source_invoice_id = self.source_invoice_id

        status: str = self.status

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        reason = self.reason

        tax_clearance_id: None | str | Unset
        if isinstance(self.tax_clearance_id, Unset):
            tax_clearance_id = UNSET
        else:
            tax_clearance_id = self.tax_clearance_id

        tax_clearance_url: None | str | Unset
        if isinstance(self.tax_clearance_url, Unset):
            tax_clearance_url = UNSET
        else:
            tax_clearance_url = self.tax_clearance_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
                "applied_amount": applied_amount,
                "auto_apply": auto_apply,
                "billed_company_id": billed_company_id,
                "closed_amount": closed_amount,
                "company_id": company_id,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "issued_at": issued_at,
                "lines": lines,
                "memo": memo,
                "number": number,
                "object": object_,
                "origin": origin,
                "paid_out_amount": paid_out_amount,
                "payouts": payouts,
                "reason_code": reason_code,
                "remaining_amount": remaining_amount,
                "source_invoice_id": source_invoice_id,
                "status": status,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "user_id": user_id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if tax_clearance_id is not UNSET:
            field_dict["tax_clearance_id"] = tax_clearance_id
        if tax_clearance_url is not UNSET:
            field_dict["tax_clearance_url"] = tax_clearance_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.memo_application_out import MemoApplicationOut  # noqa: PLC0415
        from ..models.memo_line_out import MemoLineOut  # noqa: PLC0415
        from ..models.payout_out import PayoutOut  # noqa: PLC0415

        d = dict(src_dict)
        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = MemoApplicationOut.from_dict(applications_item_data)

            applications.append(applications_item)

        applied_amount = d.pop("applied_amount")

        auto_apply = d.pop("auto_apply")

        billed_company_id = UUID(d.pop("billed_company_id"))

        closed_amount = d.pop("closed_amount")

        company_id = UUID(d.pop("company_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = MemoLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        memo = d.pop("memo")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        object_ = cast(Literal["credit_memo"], d.pop("object"))
        if object_ != "credit_memo":
            raise ValueError(f"object must match const 'credit_memo', got '{object_}'")

        origin = check_credit_memo_out_origin(d.pop("origin"))

        paid_out_amount = d.pop("paid_out_amount")

        payouts = []
        _payouts = d.pop("payouts")
        for payouts_item_data in _payouts:
            payouts_item = PayoutOut.from_dict(payouts_item_data)

            payouts.append(payouts_item)

        reason_code = check_credit_memo_out_reason_code(d.pop("reason_code"))

        remaining_amount = d.pop("remaining_amount")

        def _parse_source_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_invoice_id_type_0 = UUID(data)

                return source_invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        source_invoice_id = _parse_source_invoice_id(d.pop("source_invoice_id"))

        status = check_credit_memo_out_status(d.pop("status"))

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        reason = d.pop("reason", UNSET)

        def _parse_tax_clearance_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_clearance_id = _parse_tax_clearance_id(d.pop("tax_clearance_id", UNSET))

        def _parse_tax_clearance_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_clearance_url = _parse_tax_clearance_url(d.pop("tax_clearance_url", UNSET))

        credit_memo_out = cls(
            applications=applications,
            applied_amount=applied_amount,
            auto_apply=auto_apply,
            billed_company_id=billed_company_id,
            closed_amount=closed_amount,
            company_id=company_id,
            created_at=created_at,
            currency=currency,
            id=id,
            issued_at=issued_at,
            lines=lines,
            memo=memo,
            number=number,
            object_=object_,
            origin=origin,
            paid_out_amount=paid_out_amount,
            payouts=payouts,
            reason_code=reason_code,
            remaining_amount=remaining_amount,
            source_invoice_id=source_invoice_id,
            status=status,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            user_id=user_id,
            reason=reason,
            tax_clearance_id=tax_clearance_id,
            tax_clearance_url=tax_clearance_url,
        )

        credit_memo_out.additional_properties = d
        return credit_memo_out

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
