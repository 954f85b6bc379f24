"""UTF-16 CSV without a byte order mark, in any script and either byte order, is read as
text; bytes that only look like it (binary numbers, UTF-32, noise) are still refused."""

from __future__ import annotations

import os
import random
import struct

import httpx
import pytest

from gateway.ingest.encoding import detect_encoding
from gateway.ingest.sniff import sniff_format, utf16_without_bom
from shared.errors import InvalidInput
from shared.layout import SessionKeys
from shared.rows_format import read_rows
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller, upload

pytestmark = pytest.mark.unit

# (header, rows): several scripts and header wordings, each with its delimiter. Mostly
# non-Latin cells, as real lists have them: no byte column is mostly NULs.
TABLES = {
    "chinese": (
        "公司名称,网站,城市,行业",
        [
            "腾讯控股有限公司,qq.com,深圳市南山区,互联网服务",
            "阿里巴巴集团控股有限公司,,杭州市余杭区,电子商务平台",
            "北京百度网讯科技有限公司,baidu.com,北京市海淀区,搜索引擎",
        ],
    ),
    "chinese-traditional": (
        "公司名稱\t網站\t城市",
        [
            "台灣積體電路製造股份有限公司\t\t新竹科學園區",
            "鴻海精密工業股份有限公司\t\t新北市土城區",
        ],
    ),
    "japanese": (
        "会社名;ウェブサイト;所在地",
        [
            "ソニーグループ株式会社;;東京都港区港南",
            "任天堂株式会社;;京都府京都市南区上鳥羽",
            "トヨタ自動車株式会社;;愛知県豊田市トヨタ町",
        ],
    ),
    "korean": (
        "회사명|웹사이트|주소",
        [
            "삼성전자 주식회사||경기도 수원시 영통구",
            "엘지전자 주식회사||서울특별시 영등포구 여의대로",
            "주식회사 카카오||제주특별자치도 제주시 첨단로",
        ],
    ),
    "cyrillic": (
        "Наименование;Сайт;Город",
        ["Яндекс;;Москва", "Сбербанк России;;Москва", "Лаборатория Касперского;;Москва"],
    ),
    "ukrainian": ("Назва компанії,Місто", ["Нова пошта,Київ", "Розетка,Київ"]),
    "latin": ("Company Name,Website", ["Capcom,capcom.com", "Société Générale,sg.fr"]),
    "mixed": (
        "Name\tSite\tCity",
        [
            "Sony ソニー株式会社\tsony.com\t東京都港区",
            "Яндекс Yandex\tya.ru\tМосква",
            "腾讯 Tencent\tqq.com\t深圳市南山区",
        ],
    ),
    "names-only": (
        "会社名",
        ["トヨタ自動車株式会社", "本田技研工業株式会社", "株式会社日立製作所"],
    ),
}


def csv_text(table: str, line_end: str = "\n") -> str:
    header, rows = TABLES[table]
    return line_end.join([header, *rows]) + line_end


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("table", sorted(TABLES))
def test_utf16_without_bom_is_recognised_in_any_script(table: str, codec: str) -> None:
    data = csv_text(table).encode(codec)
    assert sniff_format(data) == "csv"
    assert detect_encoding(data) == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_sample_cut_in_a_surrogate_pair_or_a_character_is_still_text(codec: str) -> None:
    data = ("Name,Site\n" + "😀 Emoji Co,emoji.com\n" * 400).encode(codec)
    for cut in (8191, 8190, 8189):
        assert utf16_without_bom(data[:cut]) == codec


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Company,Website\nAcme,acme.com\n", id="utf-8"),
        pytest.param("公司名称,网站\n腾讯,qq.com\n".encode(), id="utf-8-cjk"),
        pytest.param("Компания;Сайт\nЯндекс;yandex.ru\n".encode("cp1251"), id="cp1251"),
    ],
)
def test_text_in_a_byte_encoding_is_not_taken_for_utf16(data: bytes) -> None:
    assert utf16_without_bom(data) is None


def binary_samples() -> list[bytes]:
    rng = random.Random(7)
    noise = [bytes(rng.getrandbits(8) for _ in range(4096)) + b"\0" for _ in range(50)]
    return [
        *noise,
        os.urandom(8192) + b"\0\0",
        b"".join(struct.pack("<h", i % 100) for i in range(3000)),
        b"".join(struct.pack(">i", i * 7) for i in range(2000)),
        b"".join(struct.pack("<d", i / 3) for i in range(1000)),
        csv_text("latin").encode("utf-32-le"),
        csv_text("chinese").encode("utf-32-be"),
        csv_text("korean").encode("utf-32"),
    ]


@pytest.mark.parametrize("data", binary_samples())
def test_binary_and_utf32_are_still_refused(data: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        sniff_format(data)
    assert (refused.value.code, refused.value.status_code) == ("unsupported_format", 415)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("table", "line_end", "name_column"),
    [
        ("chinese", "\n", "公司名称"),
        ("chinese-traditional", "\r\n", "公司名稱"),
        ("japanese", "\r\n", "会社名"),
        ("korean", "\r\n", "회사명"),
        ("cyrillic", "\n", "Наименование"),
        ("mixed", "\n", "Name"),
        ("names-only", "\r\n", "会社名"),
    ],
)
async def test_an_upload_in_utf16_without_bom_becomes_its_rows(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    codec: str,
    table: str,
    line_end: str,
    name_column: str,
) -> None:
    response = await upload(client, csv_text(table, line_end).encode(codec), "list.csv")
    assert response.status_code == 201, response.text
    summary = response.json()["input"]
    assert (summary["encoding"], summary["name_column"]) == (codec, name_column)
    keys = SessionKeys(owner.tenant, response.json()["session_id"])
    rows = read_rows(await store.get_bytes(keys.rows))
    header, lines = TABLES[table]
    delimiter = next((d for d in ",;\t|" if d in header), ",")
    assert [row.name for row in rows] == [line.split(delimiter)[0] for line in lines]
