from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_out_status import InvoiceOutStatus, check_invoice_out_status

if TYPE_CHECKING:
    from ..models.invoice_application_out import InvoiceApplicationOut
    from ..models.invoice_line_out import InvoiceLineOut


T = TypeVar("T", bound="InvoiceOut")


@_attrs_define
class InvoiceOut:
    """
    Attributes:
        amount_credited (str): decimal string with the currency's minor digits
        amount_due (str): decimal string with the currency's minor digits
        amount_paid (str): decimal string with the currency's minor digits
        billed_company_id (UUID):
        company_id (UUID):
        created_at (datetime.datetime):
        credit_applications (list[InvoiceApplicationOut]):
        currency (str): ISO 4217 code
        discount_total (str): decimal string with the currency's minor digits
        due_date (datetime.date | None):
        id (UUID):
        issued_at (datetime.datetime | None):
        lines (list[InvoiceLineOut]):
        number (None | str):
        object_ (Literal['invoice']):
        status (InvoiceOutStatus):
        subtotal (str): decimal string with the currency's minor digits
        tax_clearance_id (None | str): the tax authority's clearance id of the issued document (Greece's myDATA MARK),
            once cleared; null otherwise
        tax_clearance_url (None | str): where the tax authority's clearance can be verified; null when not cleared
        tax_total (str): decimal string with the currency's minor digits
        total (str): decimal string with the currency's minor digits
        user_id (None | UUID):
    """

    amount_credited: str
    amount_due: str
    amount_paid: str
    billed_company_id: UUID
    company_id: UUID
    created_at: datetime.datetime
    credit_applications: list[InvoiceApplicationOut]
    currency: str
    discount_total: str
    due_date: datetime.date | None
    id: UUID
    issued_at: datetime.datetime | None
    lines: list[InvoiceLineOut]
    number: None | str
    object_: Literal["invoice"]
    status: InvoiceOutStatus
    subtotal: str
    tax_clearance_id: None | str
    tax_clearance_url: None | str
    tax_total: str
    total: str
    user_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_credited = self.amount_credited

        amount_due = self.amount_due

        amount_paid = self.amount_paid

        billed_company_id = str(self.billed_company_id)

        company_id = str(self.company_id)

        created_at = self.created_at.isoformat()

        credit_applications = []
        for credit_applications_item_data in self.credit_applications:
            credit_applications_item = credit_applications_item_data.to_dict()
            credit_applications.append(credit_applications_item)

        currency = self.currency

        discount_total = self.discount_total

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

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

        number: None | str
        number = self.number

        object_ = self.object_

        status: str = self.status

        subtotal = self.subtotal

        tax_clearance_id: None | str
        tax_clearance_id = self.tax_clearance_id

        tax_clearance_url: None | str
        tax_clearance_url = self.tax_clearance_url

        tax_total = self.tax_total

        total = self.total

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_credited": amount_credited,
                "amount_due": amount_due,
                "amount_paid": amount_paid,
                "billed_company_id": billed_company_id,
                "company_id": company_id,
                "created_at": created_at,
                "credit_applications": credit_applications,
                "currency": currency,
                "discount_total": discount_total,
                "due_date": due_date,
                "id": id,
                "issued_at": issued_at,
                "lines": lines,
                "number": number,
                "object": object_,
                "status": status,
                "subtotal": subtotal,
                "tax_clearance_id": tax_clearance_id,
                "tax_clearance_url": tax_clearance_url,
                "tax_total": tax_total,
                "total": total,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_application_out import InvoiceApplicationOut  # noqa: PLC0415
        from ..models.invoice_line_out import InvoiceLineOut  # noqa: PLC0415

        d = dict(src_dict)
        amount_credited = d.pop("amount_credited")

        amount_due = d.pop("amount_due")

        amount_paid = d.pop("amount_paid")

        billed_company_id = UUID(d.pop("billed_company_id"))

        company_id = UUID(d.pop("company_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_applications = []
        _credit_applications = d.pop("credit_applications")
        for credit_applications_item_data in _credit_applications:
            credit_applications_item = InvoiceApplicationOut.from_dict(credit_applications_item_data)

            credit_applications.append(credit_applications_item)

        currency = d.pop("currency")

        discount_total = d.pop("discount_total")

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

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
            lines_item = InvoiceLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        object_ = cast(Literal["invoice"], d.pop("object"))
        if object_ != "invoice":
            raise ValueError(f"object must match const 'invoice', got '{object_}'")

        status = check_invoice_out_status(d.pop("status"))

        subtotal = d.pop("subtotal")

        def _parse_tax_clearance_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_clearance_id = _parse_tax_clearance_id(d.pop("tax_clearance_id"))

        def _parse_tax_clearance_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_clearance_url = _parse_tax_clearance_url(d.pop("tax_clearance_url"))

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

        invoice_out = cls(
            amount_credited=amount_credited,
            amount_due=amount_due,
            amount_paid=amount_paid,
            billed_company_id=billed_company_id,
            company_id=company_id,
            created_at=created_at,
            credit_applications=credit_applications,
            currency=currency,
            discount_total=discount_total,
            due_date=due_date,
            id=id,
            issued_at=issued_at,
            lines=lines,
            number=number,
            object_=object_,
            status=status,
            subtotal=subtotal,
            tax_clearance_id=tax_clearance_id,
            tax_clearance_url=tax_clearance_url,
            tax_total=tax_total,
            total=total,
            user_id=user_id,
        )

        invoice_out.additional_properties = d
        return invoice_out

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
