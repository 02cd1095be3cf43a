from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GeneratedPdfOut")


@_attrs_define
class GeneratedPdfOut:
    """
    Attributes:
        created_at (datetime.datetime):
        document_id (UUID):
        kind (str):
        number (str):
        object_ (str):
        sha256 (str):
        size (int):
        version (int):
    """

    created_at: datetime.datetime
    document_id: UUID
    kind: str
    number: str
    object_: str
    sha256: str
    size: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        document_id = str(self.document_id)

        kind = self.kind

        number = self.number

        object_ = self.object_

        sha256 = self.sha256

        size = self.size

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "document_id": document_id,
                "kind": kind,
                "number": number,
                "object": object_,
                "sha256": sha256,
                "size": size,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document_id = UUID(d.pop("document_id"))

        kind = d.pop("kind")

        number = d.pop("number")

        object_ = d.pop("object")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        version = d.pop("version")

        generated_pdf_out = cls(
            created_at=created_at,
            document_id=document_id,
            kind=kind,
            number=number,
            object_=object_,
            sha256=sha256,
            size=size,
            version=version,
        )

        generated_pdf_out.additional_properties = d
        return generated_pdf_out

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
