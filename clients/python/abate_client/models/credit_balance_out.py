from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreditBalanceOut")


@_attrs_define
class CreditBalanceOut:
    """
    Attributes:
        available_credit (str): decimal string with the currency's minor digits
        credit_limit (None | str):
        currency (str): ISO 4217 code
        exposure (str): decimal string with the currency's minor digits
        outstanding (str): decimal string with the currency's minor digits
    """

    available_credit: str
    credit_limit: None | str
    currency: str
    exposure: str
    outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_credit = self.available_credit

        credit_limit: None | str
        credit_limit = self.credit_limit

        currency = self.currency

        exposure = self.exposure

        outstanding = self.outstanding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available_credit": available_credit,
                "credit_limit": credit_limit,
                "currency": currency,
                "exposure": exposure,
                "outstanding": outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available_credit = d.pop("available_credit")

        def _parse_credit_limit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit"))

        currency = d.pop("currency")

        exposure = d.pop("exposure")

        outstanding = d.pop("outstanding")

        credit_balance_out = cls(
            available_credit=available_credit,
            credit_limit=credit_limit,
            currency=currency,
            exposure=exposure,
            outstanding=outstanding,
        )

        credit_balance_out.additional_properties = d
        return credit_balance_out

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
