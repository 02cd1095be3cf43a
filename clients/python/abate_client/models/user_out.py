from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """
    Attributes:
        company_id (UUID):
        email (str):
        id (UUID):
        name (str):
        object_ (Literal['user']):
    """

    company_id: UUID
    email: str
    id: UUID
    name: str
    object_: Literal["user"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_id = str(self.company_id)

        email = self.email

        id = str(self.id)

        name = self.name

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "company_id": company_id,
                "email": email,
                "id": id,
                "name": name,
                "object": object_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = UUID(d.pop("company_id"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        object_ = cast(Literal["user"], d.pop("object"))
        if object_ != "user":
            raise ValueError(f"object must match const 'user', got '{object_}'")

        user_out = cls(
            company_id=company_id,
            email=email,
            id=id,
            name=name,
            object_=object_,
        )

        user_out.additional_properties = d
        return user_out

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
