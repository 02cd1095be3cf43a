from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaxClearanceIn")


@_attrs_define
class TaxClearanceIn:
    """
    Attributes:
        tax_clearance_id (str): the id the tax authority's clearance system gave the document, e.g. the MARK of Greece's
            myDATA (a Greek seller's e-invoice must carry it)
        tax_clearance_url (None | str | Unset):
    """

    tax_clearance_id: str
    tax_clearance_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        tax_clearance_id = self.tax_clearance_id

        tax_clearance_url: None | str | Unset
        if isinstance(self.tax_clearance_url, Unset):
            tax_clearance_url = UNSET
        else:
            tax_clearance_url = self.tax_clearance_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tax_clearance_id": tax_clearance_id,
            }
        )
        if tax_clearance_url is not UNSET:
            field_dict["tax_clearance_url"] = tax_clearance_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tax_clearance_id = d.pop("tax_clearance_id")

        def _parse_tax_clearance_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_clearance_url = _parse_tax_clearance_url(d.pop("tax_clearance_url", UNSET))

        tax_clearance_in = cls(
            tax_clearance_id=tax_clearance_id,
            tax_clearance_url=tax_clearance_url,
        )

        return tax_clearance_in
