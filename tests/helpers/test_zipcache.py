"""reproducible_zip: the bytes zipfile writes, with each unchanging member compressed once."""

import io
import zipfile

from kehoach.common import zipcache
from kehoach.common.zipcache import reproducible_zip

MEMBERS = [("[Content_Types].xml", b"<Types/>"), ("word/tài liệu.xml", "Xã Vĩnh Hòa".encode() * 500),
           ("empty", b""), ("word/styles.xml", bytes(range(256)) * 400)]


def with_zipfile(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def test_same_bytes_as_zipfile_and_readable_back() -> None:
    data = reproducible_zip(MEMBERS)
    assert data == with_zipfile(MEMBERS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == MEMBERS


def test_a_changed_member_is_encoded_again_and_offsets_follow() -> None:
    reproducible_zip(MEMBERS)
    changed = [MEMBERS[0], ("word/tài liệu.xml", b"other text"), *MEMBERS[2:]]
    assert reproducible_zip(changed) == with_zipfile(changed)
    assert ("word/styles.xml", MEMBERS[3][1], (1980, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED, 0o644 << 16) in zipcache._cache
