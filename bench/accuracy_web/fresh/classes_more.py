"""More names in other scripts: Russian companies whose row spells the name the informal
way (`Jemchujina`, not `Zhemchuzhina`), Taiwanese sites in Big5 and Japanese sites in
Shift_JIS, each written in its own script, in Latin letters, or both."""

from __future__ import annotations

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.fresh.build import Maker
from bench.accuracy_web.fresh.lands import JP, RU, TW, Land
from bench.accuracy_web.fresh.words import Name

# (land, own, Latin as the company writes it, as a list may write it, industry, does,
#  the row writes: own | informal | latin; the site writes: own | latin; encoding)
CASES: tuple[tuple[Land, str, str, str, str, str, str, str, str], ...] = (
    (
        RU,
        "Жемчужина Юга",
        "Zhemchuzhina Yuga",
        "Jemchujina Yuga",
        "Hospitality",
        "гостиницы и санатории на побережье",
        "informal",
        "own",
        "utf-8",
    ),
    (
        RU,
        "Щит Безопасность",
        "Shchit Bezopasnost",
        "Schit Bezopasnost",
        "Security",
        "охранные системы и видеонаблюдение для складов",
        "informal",
        "own",
        "windows-1251",
    ),
    (
        RU,
        "Ёлка Декор",
        "Yolka Dekor",
        "Elka Dekor",
        "Retail",
        "ёлочные игрушки и праздничный декор ручной работы",
        "informal",
        "own",
        "koi8-r",
    ),
    (
        RU,
        "Хвойный Лес",
        "Khvoynyy Les",
        "Hvoiny Les",
        "Wood Products",
        "заготовка и сушка хвойной древесины",
        "own",
        "latin",
        "utf-8",
    ),
    (
        RU,
        "Цветмет Урал",
        "Tsvetmet Ural",
        "Cvetmet Ural",
        "Metals",
        "переработка лома цветных металлов",
        "own",
        "own",
        "utf-8",
    ),
    (
        RU,
        "Чайка Тур",
        "Chayka Tur",
        "Chaika Tour",
        "Tourism",
        "речные круизы и экскурсии по Волге",
        "latin",
        "own",
        "utf-8",
    ),
    (
        TW,
        "鼎新精密工業",
        "Dingshin Precision Industry",
        "Ding Xin Jing Mi",
        "Machinery",
        "精密車床零件與模具加工",
        "latin",
        "own",
        "big5",
    ),
    (
        TW,
        "永豐茶業",
        "Yung Feng Tea",
        "Yongfeng Tea",
        "Food Production",
        "高山烏龍茶的種植與外銷",
        "own",
        "own",
        "big5",
    ),
    (
        TW,
        "宏泰電子",
        "Hong Tai Electronics",
        "Hongtai Electronics",
        "Electronics",
        "電源供應器與變壓器製造",
        "own",
        "latin",
        "utf-8",
    ),
    (
        JP,
        "富士見精機",
        "Fujimi Seiki",
        "Fujimi Seiki",
        "Machinery",
        "食品包装機械の設計と製造",
        "latin",
        "own",
        "shift_jis",
    ),
    (
        JP,
        "さくら食品",
        "Sakura Shokuhin",
        "Sakura Foods",
        "Food Production",
        "和菓子と冷凍食品の製造販売",
        "own",
        "own",
        "shift_jis",
    ),
    (
        JP,
        "青葉物流",
        "Aoba Butsuryu",
        "Aoba Butsuryū",
        "Logistics",
        "九州一円の冷凍輸送と倉庫管理",
        "informal",
        "own",
        "utf-8",
    ),
)


_CLASS = {
    ("own", "own"): "script_own",
    ("latin", "own"): "script_latin",
    ("own", "latin"): "script_latin_site",
    ("informal", "own"): "script_informal",
}


def more_scripts(m: Maker) -> None:
    for n, (land, own, latin, informal, industry, does, row, shown, encoding) in enumerate(CASES):
        m.claim(own)
        name = Name(own, latin, industry, does)
        host = m.host(name, land)
        city = land.cities[n % 3]
        site_name = Name(latin, latin, industry, does) if shown == "latin" else name
        linkedin = m.linkedin(slugify(latin), latin, industry, land.row_city(city), land)
        firm = m.firm(
            site_name,
            land,
            host,
            city=city,
            linkedin=linkedin if n % 3 == 0 else None,
            other_name=own if shown == "latin" else "",
            charset=encoding if n % 2 else "",
        )
        template = ("tables", "drupal", "about_only", "ghost", "meta_only", "framer")[n % 6]
        built = m.site(host, template, firm, encoding=encoding, in_header=not n % 2, names=latin)
        written = {"own": own, "informal": informal, "latin": latin}[row]
        m.label(
            _CLASS[(row, shown)],
            written,
            land,
            city,
            f"https://{host}/",
            built,
            linkedin,
            industry=industry,
            note=f"row {row} ({written}), site writes {shown}, {encoding}",
        )
