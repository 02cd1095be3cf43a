from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_run_out_report import ReportRunOutReport, check_report_run_out_report
from ..models.report_run_out_status import ReportRunOutStatus, check_report_run_out_status

if TYPE_CHECKING:
    from ..models.report_filters_out import ReportFiltersOut


T = TypeVar("T", bound="ReportRunOut")


@_attrs_define
class ReportRunOut:
    """
    Attributes:
        created_at (datetime.datetime):
        error (None | str):
        filters (ReportFiltersOut):
        finished_at (datetime.datetime | None):
        id (UUID):
        object_ (Literal['report']):
        progress (int | None): percent done, when known
        report (ReportRunOutReport):
        rows_total (int | None):
        rows_written (int):
        size (int | None):
        started_at (datetime.datetime | None):
        status (ReportRunOutStatus):
    """

    created_at: datetime.datetime
    error: None | str
    filters: ReportFiltersOut
    finished_at: datetime.datetime | None
    id: UUID
    object_: Literal["report"]
    progress: int | None
    report: ReportRunOutReport
    rows_total: int | None
    rows_written: int
    size: int | None
    started_at: datetime.datetime | None
    status: ReportRunOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        error: None | str
        error = self.error

        filters = self.filters.to_dict()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        object_ = self.object_

        progress: int | None
        progress = self.progress

        report: str = self.report

        rows_total: int | None
        rows_total = self.rows_total

        rows_written = self.rows_written

        size: int | None
        size = self.size

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "error": error,
                "filters": filters,
                "finished_at": finished_at,
                "id": id,
                "object": object_,
                "progress": progress,
                "report": report,
                "rows_total": rows_total,
                "rows_written": rows_written,
                "size": size,
                "started_at": started_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_filters_out import ReportFiltersOut  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        filters = ReportFiltersOut.from_dict(d.pop("filters"))

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

        object_ = cast(Literal["report"], d.pop("object"))
        if object_ != "report":
            raise ValueError(f"object must match const 'report', got '{object_}'")

        def _parse_progress(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        progress = _parse_progress(d.pop("progress"))

        report = check_report_run_out_report(d.pop("report"))

        def _parse_rows_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows_total = _parse_rows_total(d.pop("rows_total"))

        rows_written = d.pop("rows_written")

        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = check_report_run_out_status(d.pop("status"))

        report_run_out = cls(
            created_at=created_at,
            error=error,
            filters=filters,
            finished_at=finished_at,
            id=id,
            object_=object_,
            progress=progress,
            report=report,
            rows_total=rows_total,
            rows_written=rows_written,
            size=size,
            started_at=started_at,
            status=status,
        )

        report_run_out.additional_properties = d
        return report_run_out

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
