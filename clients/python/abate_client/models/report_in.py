from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.report_in_report import ReportInReport, check_report_in_report
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportIn")


@_attrs_define
class ReportIn:
    """
    Attributes:
        report (ReportInReport):
        company_id (None | str | Unset):
        date_from (None | str | Unset): YYYY-MM-DD, inclusive
        date_to (None | str | Unset): YYYY-MM-DD, inclusive
        reseller_id (None | str | Unset): required for reseller_reconciliation
    """

    report: ReportInReport
    company_id: None | str | Unset = UNSET
    date_from: None | str | Unset = UNSET
    date_to: None | str | Unset = UNSET
    reseller_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        report: str = self.report

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        else:
            company_id = self.company_id

        date_from: None | str | Unset
        if isinstance(self.date_from, Unset):
            date_from = UNSET
        else:
            date_from = self.date_from

        date_to: None | str | Unset
        if isinstance(self.date_to, Unset):
            date_to = UNSET
        else:
            date_to = self.date_to

        reseller_id: None | str | Unset
        if isinstance(self.reseller_id, Unset):
            reseller_id = UNSET
        else:
            reseller_id = self.reseller_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "report": report,
            }
        )
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if date_from is not UNSET:
            field_dict["date_from"] = date_from
        if date_to is not UNSET:
            field_dict["date_to"] = date_to
        if reseller_id is not UNSET:
            field_dict["reseller_id"] = reseller_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        report = check_report_in_report(d.pop("report"))

        def _parse_company_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        def _parse_date_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_from = _parse_date_from(d.pop("date_from", UNSET))

        def _parse_date_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_to = _parse_date_to(d.pop("date_to", UNSET))

        def _parse_reseller_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id", UNSET))

        report_in = cls(
            report=report,
            company_id=company_id,
            date_from=date_from,
            date_to=date_to,
            reseller_id=reseller_id,
        )

        return report_in
