from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode, check_currency_code
from ..models.plan_in_interval import PlanInInterval, check_plan_in_interval
from ..models.plan_in_scheme import PlanInScheme, check_plan_in_scheme
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanIn")


@_attrs_define
class PlanIn:
    """
    Attributes:
        code (str): unique in the marketplace (`422 code_taken`): 1 to 64 letters, digits, `.`, `_` and `-`, the first a
            letter or digit
        interval (PlanInInterval):
        name (str):
        product_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        scheme (PlanInScheme): `flat` (one price a period), `per_seat` (price x quantity), both charged in advance;
            `metered` (price x units used, charged at the period's end)
        unit_price (float | str): a decimal string in plain notation ("200.00") or a JSON number, with at most the
            currency's minor digits (2 for EUR and USD, 0 for JPY, 3 for BHD), below 10^12 in size; zero or more
        currency (CurrencyCode | None | Unset): default: the marketplace's
        tax_rate (float | None | str | Unset): a fraction, "0.20" = 20 %; default 0
    """

    code: str
    interval: PlanInInterval
    name: str
    product_id: UUID
    scheme: PlanInScheme
    unit_price: float | str
    currency: CurrencyCode | None | Unset = UNSET
    tax_rate: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        interval: str = self.interval

        name = self.name

        product_id = str(self.product_id)

        scheme: str = self.scheme

        unit_price: float | str
        unit_price = self.unit_price

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        tax_rate: float | None | str | Unset
        if isinstance(self.tax_rate, Unset):
            tax_rate = UNSET
        else:
            tax_rate = self.tax_rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "interval": interval,
                "name": name,
                "product_id": product_id,
                "scheme": scheme,
                "unit_price": unit_price,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        interval = check_plan_in_interval(d.pop("interval"))

        name = d.pop("name")

        product_id = UUID(d.pop("product_id"))

        scheme = check_plan_in_scheme(d.pop("scheme"))

        def _parse_unit_price(data: object) -> float | str:
            return cast(float | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        def _parse_currency(data: object) -> CurrencyCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = check_currency_code(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrencyCode | None | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_tax_rate(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate", UNSET))

        plan_in = cls(
            code=code,
            interval=interval,
            name=name,
            product_id=product_id,
            scheme=scheme,
            unit_price=unit_price,
            currency=currency,
            tax_rate=tax_rate,
        )

        return plan_in
