from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreditCheckOut")


@_attrs_define
class CreditCheckOut:
    """
    Attributes:
        allowed (bool):
        credit_limit (None | str):
        exposure_after (str): decimal string with the currency's minor digits
    """

    allowed: bool
    credit_limit: None | str
    exposure_after: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed = self.allowed

        credit_limit: None | str
        credit_limit = self.credit_limit

        exposure_after = self.exposure_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "credit_limit": credit_limit,
                "exposure_after": exposure_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allowed = d.pop("allowed")

        def _parse_credit_limit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit"))

        exposure_after = d.pop("exposure_after")

        credit_check_out = cls(
            allowed=allowed,
            credit_limit=credit_limit,
            exposure_after=exposure_after,
        )

        credit_check_out.additional_properties = d
        return credit_check_out

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
