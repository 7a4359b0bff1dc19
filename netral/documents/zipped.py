"""Parts of a DOCX or ODT package, read with a budget and parsed without entities.

Zip bombs: a part is decompressed in chunks and the reading stops as soon as the
package's budget of unpacked bytes (`Limits.max_unpacked_bytes`) is spent, whatever the
archive's headers claim. XML: defusedxml refuses any DTD, so neither external entities
(XXE: a file or URL pulled into the text) nor entity expansion (billion laughs) happen.
"""

from __future__ import annotations

import io
import zipfile
from typing import cast
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from netral.documents.errors import DocumentError
from netral.documents.limits import MB, Limits

_CHUNK = 64 * 1024


class Package:
    def __init__(self, data: bytes, kind: str, limits: Limits) -> None:
        self.kind = kind
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
            self._names = set(self._archive.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise DocumentError(f"damaged {kind}: {error}") from error
        if len(self._names) > limits.max_zip_members:
            raise DocumentError(
                f"{kind} refused: {len(self._names)} parts, more than the"
                f" {limits.max_zip_members} a document has"
            )
        self._limit = limits.max_unpacked_bytes
        self._budget = limits.max_unpacked_bytes

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def names(self) -> list[str]:
        return sorted(self._names)

    def read(self, name: str) -> bytes:
        if name not in self._names:
            raise DocumentError(f"damaged {self.kind}: part {name} is missing")
        chunks = []
        try:
            with self._archive.open(name) as part:
                while chunk := part.read(min(_CHUNK, self._budget + 1)):
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise DocumentError(
                            f"{self.kind} refused: its parts unpack to more than"
                            f" {self._limit // MB} MB (a zip bomb?)"
                        )
                    chunks.append(chunk)
        except DocumentError:
            raise
        except RuntimeError as error:  # zipfile's "File ... is encrypted"
            raise DocumentError(f"encrypted {self.kind}: not read") from error
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise DocumentError(f"damaged {self.kind}: {error}") from error
        return b"".join(chunks)

    def xml(self, name: str) -> Element:
        data = self.read(name)
        try:
            return cast(Element, fromstring(data, forbid_dtd=True))
        except DefusedXmlException as error:
            raise DocumentError(
                f"{self.kind} refused: {name} declares a DTD or entities"
                " (external entities are never read)"
            ) from error
        except ParseError as error:
            raise DocumentError(f"damaged {self.kind}: {name}: {error}") from error
