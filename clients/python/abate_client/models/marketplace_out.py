from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.settings_out import SettingsOut


T = TypeVar("T", bound="MarketplaceOut")


@_attrs_define
class MarketplaceOut:
    """
    Attributes:
        default_currency (str): ISO 4217 code
        id (UUID):
        is_test (bool): a test marketplace (set when it was created, for good): only its billing runs may use
            `test_mode`
        name (str):
        object_ (Literal['marketplace']):
        own_company_id (UUID):
        settings (SettingsOut):
        slug (str):
    """

    default_currency: str
    id: UUID
    is_test: bool
    name: str
    object_: Literal["marketplace"]
    own_company_id: UUID
    settings: SettingsOut
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default_currency = self.default_currency

        id = str(self.id)

        is_test = self.is_test

        name = self.name

        object_ = self.object_

        own_company_id = str(self.own_company_id)

        settings = self.settings.to_dict()

        slug = self.slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "default_currency": default_currency,
                "id": id,
                "is_test": is_test,
                "name": name,
                "object": object_,
                "own_company_id": own_company_id,
                "settings": settings,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.settings_out import SettingsOut  # noqa: PLC0415

        d = dict(src_dict)
        default_currency = d.pop("default_currency")

        id = UUID(d.pop("id"))

        is_test = d.pop("is_test")

        name = d.pop("name")

        object_ = cast(Literal["marketplace"], d.pop("object"))
        if object_ != "marketplace":
            raise ValueError(f"object must match const 'marketplace', got '{object_}'")

        own_company_id = UUID(d.pop("own_company_id"))

        settings = SettingsOut.from_dict(d.pop("settings"))

        slug = d.pop("slug")

        marketplace_out = cls(
            default_currency=default_currency,
            id=id,
            is_test=is_test,
            name=name,
            object_=object_,
            own_company_id=own_company_id,
            settings=settings,
            slug=slug,
        )

        marketplace_out.additional_properties = d
        return marketplace_out

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
