from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_run_out_status import BillingRunOutStatus, check_billing_run_out_status

if TYPE_CHECKING:
    from ..models.failure_out import FailureOut


T = TypeVar("T", bound="BillingRunOut")


@_attrs_define
class BillingRunOut:
    """
    Attributes:
        as_of (datetime.date):
        created_at (datetime.datetime):
        credit_memos_issued (int):
        customers_billed (int):
        customers_done (int): progress: how many of them it has been through (billed, nothing to bill, or failed)
        customers_due (int): progress: the customers the run found due when it (last) started
        failure_reason (None | str): why the run failed (status `failed`): it died, or hit an unexpected error
        failures (list[FailureOut]):
        finished_at (datetime.datetime | None):
        id (UUID):
        invoices_issued (int):
        object_ (Literal['billing_run']):
        started_at (datetime.datetime):
        status (BillingRunOutStatus):
    """

    as_of: datetime.date
    created_at: datetime.datetime
    credit_memos_issued: int
    customers_billed: int
    customers_done: int
    customers_due: int
    failure_reason: None | str
    failures: list[FailureOut]
    finished_at: datetime.datetime | None
    id: UUID
    invoices_issued: int
    object_: Literal["billing_run"]
    started_at: datetime.datetime
    status: BillingRunOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        created_at = self.created_at.isoformat()

        credit_memos_issued = self.credit_memos_issued

        customers_billed = self.customers_billed

        customers_done = self.customers_done

        customers_due = self.customers_due

        failure_reason: None | str
        failure_reason = self.failure_reason

        failures = []
        for failures_item_data in self.failures:
            failures_item = failures_item_data.to_dict()
            failures.append(failures_item)

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        invoices_issued = self.invoices_issued

        object_ = self.object_

        started_at = self.started_at.isoformat()

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "created_at": created_at,
                "credit_memos_issued": credit_memos_issued,
                "customers_billed": customers_billed,
                "customers_done": customers_done,
                "customers_due": customers_due,
                "failure_reason": failure_reason,
                "failures": failures,
                "finished_at": finished_at,
                "id": id,
                "invoices_issued": invoices_issued,
                "object": object_,
                "started_at": started_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure_out import FailureOut  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_memos_issued = d.pop("credit_memos_issued")

        customers_billed = d.pop("customers_billed")

        customers_done = d.pop("customers_done")

        customers_due = d.pop("customers_due")

        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))

        failures = []
        _failures = d.pop("failures")
        for failures_item_data in _failures:
            failures_item = FailureOut.from_dict(failures_item_data)

            failures.append(failures_item)

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = UUID(d.pop("id"))

        invoices_issued = d.pop("invoices_issued")

        object_ = cast(Literal["billing_run"], d.pop("object"))
        if object_ != "billing_run":
            raise ValueError(f"object must match const 'billing_run', got '{object_}'")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = check_billing_run_out_status(d.pop("status"))

        billing_run_out = cls(
            as_of=as_of,
            created_at=created_at,
            credit_memos_issued=credit_memos_issued,
            customers_billed=customers_billed,
            customers_done=customers_done,
            customers_due=customers_due,
            failure_reason=failure_reason,
            failures=failures,
            finished_at=finished_at,
            id=id,
            invoices_issued=invoices_issued,
            object_=object_,
            started_at=started_at,
            status=status,
        )

        billing_run_out.additional_properties = d
        return billing_run_out

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
