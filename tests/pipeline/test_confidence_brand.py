"""Text and structured data that link a company's name to a page under another brand."""

from __future__ import annotations

import json

import pytest

from worker.pipeline.confidence.brand import (
    BrandLink,
    named_together,
    names_domain,
    structured_alias,
    text_link,
)
from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

pytestmark = pytest.mark.unit

REBRANDS = [
    ("OldBrand", "NewBrand (formerly OldBrand) keeps your backups safe."),
    ("OldBrand", "NewBrand, previously known as OldBrand, keeps your backups safe."),
    ("Oldbrand Ltd", "We used to trade as OldBrand Ltd and were renamed NewBrand in 2021."),
    ("OldBrand", "OldBrand is now NewBrand: same team, new name."),
    ("OldBrand", "OldBrand has become NewBrand."),
    ("OldBrand", "OldBrand is now part of NewBrand Group since 2020."),
    ("OldBrand", "In 2019 NewBrand acquired OldBrand and merged both product lines."),
    ("OldBrand", "NewBrand f/k/a OldBrand."),
    ("Altmarke GmbH", "NeuMarke, ehemals Altmarke GmbH, liefert Ersatzteile."),
    ("Altmarke", "Die NeuMarke AG (vormals Altmarke) wurde 2022 umbenannt."),
    ("Ancienne Marque", "Nouvelle Marque, anciennement Ancienne Marque, conçoit des meubles."),
    ("Marca Vieja", "Marca Nueva, anteriormente Marca Vieja, fabrica muebles."),
    ("Marca Vecchia", "Marca Nuova, precedentemente Marca Vecchia, produce mobili."),
    ("Marca Antiga", "Marca Nova (anteriormente Marca Antiga) produz móveis."),
    ("Oud Merk", "Nieuw Merk, voorheen Oud Merk, maakt meubels."),
    ("Stara Marka", "Nowa Marka, dawniej Stara Marka, produkuje meble."),
    ("Ромашка", "ООО «Василёк» (ранее ООО «Ромашка») производит чай."),
    ("Ромашка", "Компания Ромашка переименована в Василёк в 2020 году."),
    ("Ромашка", "Бывшая компания Ромашка теперь называется Василёк."),
    ("Ромашка", "ТОВ «Волошка», раніше «Ромашка», виробляє чай."),
    ("OldBrand", "In 2020, OldBrand became NewBrand."),
    ("OldBrand Ltd", "OldBrand Ltd changed its name to NewBrand in March."),
    ("OldBrand", "NewBrand, trading as OldBrand until 2019, builds boats."),
    ("Altmarke", "Die Altmarke wurde 2021 umfirmiert und wurde zur NeuMarke."),
    ("Ancienne Marque", "En 2020, Ancienne Marque est devenue Nouvelle Marque."),
    ("Marca Vieja", "En 2020, Marca Vieja se convirtió en Marca Nueva."),
    ("Marca Vieja", "Nuestra antigua web, marca-vieja.es, ya no está activa."),
    ("OldBrand", "Our old website oldbrand.com now points here."),
    ("Ромашка", "В 2020 году Ромашка стала Васильком."),
    ("Marca Vecchia", "Marca Nuova (già Marca Vecchia) produce mobili dal 1990."),
    ("Eski Marka", "Yeni Marka, eski adıyla Eski Marka, mobilya üretiyor."),
    ("Ескі Бренд", "«Жаңа Бренд» (бұрынғы «Ескі Бренд») жиһаз шығарады."),
    ("旧ブランド", "新ブランド株式会社（旧社名：旧ブランド）は家具を製造しています。"),
    ("旧品牌", "新品牌有限公司（原名：旧品牌）专业生产家具。"),
    ("Nilssons Verkstad", "Björkvik Snickeri — tidigare Nilssons Verkstad"),
    ("Gamle Navn", "Nyt Navn ApS (tidligere Gamle Navn) laver møbler."),
    ("Stavomont Brno", "Vltavín Strojírny — dříve Stavomont Brno"),
    ("Vanha Nimi", "Uusi Nimi Oy, entinen Vanha Nimi, valmistaa huonekaluja."),
    ("Régi Név", "Az Új Név Kft. korábban Régi Név néven működött."),
    ("Textiles del Bajío", "Sierra Alta Alimentos — antes Textiles del Bajío"),
    ("Παλιό Όνομα", "Νέο Όνομα Α.Ε. (πρώην Παλιό Όνομα) κατασκευάζει έπιπλα."),
    ("שם ישן", "שם חדש בע״מ (לשעבר שם ישן) מייצרת רהיטים."),
    ("Стари Назив", "Нови Назив д.о.о. (раније Стари Назив) производи намештај."),
]
# The same wording in the languages of the per-language table (rebrand_wording.py).
REBRANDS_MORE_LANGUAGES = [
    ("Vanha Merkki", "Uusi Merkki Oy (aiemmin Vanha Merkki Oy) valmistaa huonekaluja."),
    ("Régi Márka", "Új Márka Kft. – korábbi nevünk Régi Márka Kft. – bútorokat gyárt."),
    ("Marca Veche", "Marca Nouă SRL, fosta Marca Veche SRL, produce mobilă."),
    ("Thương Hiệu Cũ", "Công ty Thương Hiệu Mới (tên cũ: Thương Hiệu Cũ) sản xuất nội thất."),
    ("Merek Lama", "PT Merek Baru, sebelumnya bernama PT Merek Lama, membuat mebel."),
    ("Gammelt Mærke", "Nyt Mærke ApS, tidligere kendt som Gammelt Mærke ApS, laver møbler."),
    ("Gammelt Merke", "Nytt Merke AS har byttet navn fra Gammelt Merke AS."),
    ("Gammalt Märke", "Nytt Märke AB, tidigare Gammalt Märke AB, tillverkar möbler."),
    ("Stara Marka", "Nova Marka d.o.o., ranije poznati kao Stara Marka, izrađuje namještaj."),
    ("Stará Značka", "Nová Značka s.r.o. (predtým Stará Značka s.r.o.) vyrába nábytok."),
    ("Stará Značka", "Nová Značka s.r.o., dříve Stará Značka s.r.o., vyrábí nábytek."),
    ("Senas Prekės Ženklas", "UAB Naujas, anksčiau Senas Prekės Ženklas, gamina baldus."),
    ("Vana Mark", "Uus Mark OÜ, endise nimega Vana Mark OÜ, toodab mööblit."),
    ("Παλιά Μάρκα", "Η Νέα Μάρκα ΑΕ (πρώην Παλιά Μάρκα ΑΕ) κατασκευάζει έπιπλα."),
    ("Стара Марка", "Нова Марка ДООЕЛ, порано Стара Марка ДООЕЛ, произведува мебел."),
    ("Стары Брэнд", "ТАА «Новы Брэнд» (раней «Стары Брэнд») вырабляе мэблю."),
    ("Хуучин Брэнд", "Шинэ Брэнд ХХК, хуучин нэр нь Хуучин Брэнд ХХК, тавилга үйлдвэрлэдэг."),
    ("ძველი ბრენდი", "შპს ახალი ბრენდი, ყოფილი ძველი ბრენდი, ავეჯს აწარმოებს."),
    ("Հին Բրենդ", "Նոր Բրենդ ՍՊԸ-ն (նախկինում Հին Բրենդ) արտադրում է կահույք։"),
    ("برند قدیم", "شرکت برند جدید (نام سابق: برند قدیم) مبلمان تولید می‌کند."),
    ("פרה ישנה", "חברת פרה חדשה (לשעבר פרה ישנה) מייצרת רהיטים."),
    ("পুরনো ব্র্যান্ড", "নতুন ব্র্যান্ড লিমিটেড (পূর্বনাম পুরনো ব্র্যান্ড) আসবাব তৈরি করে।"),
    ("பழைய பிராண்ட்", "புதிய பிராண்ட் நிறுவனம் (முன்பு பழைய பிராண்ட்) தளபாடங்கள் செய்கிறது."),
    ("เก่า", "บริษัท ใหม่ จำกัด (ชื่อเดิม เก่า) ผลิตเฟอร์นิเจอร์"),
    (
        "Jenama Lama",
        "Jenama Baru Sdn Bhd, dahulunya dikenali sebagai Jenama Lama, membuat perabot.",
    ),
    (
        "Chapa Ya Zamani",
        "Chapa Mpya Ltd, zamani ikijulikana kama Chapa Ya Zamani, hutengeneza samani.",
    ),
    ("Köhnə Marka", "Yeni Marka MMC. Əvvəlki adı: Köhnə Marka MMC. Mebel istehsal edir."),
    ("Eski Brend", "Yangi Brend MChJ, avvalgi nomi Eski Brend MChJ, mebel ishlab chiqaradi."),
    ("Эски Бренд", "Янги Бренд МЧЖ (аввалги номи Эски Бренд) мебел ишлаб чиқаради."),
    ("Marka e Vjetër", "Marka e Re sh.p.k., më parë Marka e Vjetër, prodhon mobilje."),
    ("አሮጌ ብራንድ", "አዲስ ብራንድ ኃ.የተ.የግ.ማ (ቀደም ሲል አሮጌ ብራንድ) የቤት ዕቃዎችን ያመርታል።"),
    ("पुरानो ब्रान्ड", "नयाँ ब्रान्ड प्रा. लि. (साबिकको पुरानो ब्रान्ड) फर्निचर बनाउँछ।"),
    ("ម៉ាកចាស់", "ក្រុមហ៊ុន ម៉ាកថ្មី (ឈ្មោះចាស់ ម៉ាកចាស់) ផលិតគ្រឿងសង្ហារឹម។"),
    ("Eski Marka", "Yeni Marka Mobilya A.Ş. Eski unvanı: Eski Marka Ltd. Şti."),
]


@pytest.mark.parametrize(("name", "text"), REBRANDS)
def test_words_near_the_old_name_link_a_rebrand(name: str, text: str) -> None:
    assert text_link(name, text) is BrandLink.REBRAND


@pytest.mark.parametrize(("name", "text"), REBRANDS_MORE_LANGUAGES)
def test_rebrand_wording_in_more_languages(name: str, text: str) -> None:
    assert text_link(name, text) is BrandLink.REBRAND


PARENTS = [
    ("Acme Robotics", "Acme Robotics is part of the Acme Group."),
    ("Acme Robotics", "Our companies: Acme Robotics, Acme Logistics and Acme Energy."),
    ("Acme Robotics", "Acme Robotics, a subsidiary of Acme Holdings, builds arms."),
    ("Acme Robotics", "Acme Robotics is a member of Acme Industries."),
    ("Acme Robotik", "Die Acme Robotik GmbH ist Teil der Acme Gruppe."),
    ("Acme Robotique", "Acme Robotique, filiale du groupe Acme."),
    ("Acme Robótica", "Acme Robótica forma parte del grupo Acme."),
    ("Акме Роботикс", "Акме Роботикс входит в группу компаний Акме."),
]


@pytest.mark.parametrize(("name", "text"), PARENTS)
def test_words_near_the_name_saying_it_belongs_to_a_group(name: str, text: str) -> None:
    assert text_link(name, text) is BrandLink.PARENT


UNLINKED = [
    ("OldBrand", "NewBrand keeps backups safe. Customers include OldBrand and others."),
    ("OldBrand", "NewBrand keeps backups safe in three regions."),
    ("Acme", "Formerly a bakery, this building now hosts our offices."),
    (
        "OldBrand",
        "Our partner OldBrand ships every Monday. "
        + "Filler text about servers. " * 6
        + "The product was formerly sold in boxes.",
    ),
    ("Ромашка", "Компания Василёк выращивает чай с 1998 года."),
    # Ordinary words that only begin like rebrand wording, or say "was" and "before".
    ("Delta Advisory", "Delta Advisory a fost fondată în 2005 la Iași."),
    ("Acme", "Acme prejudice-free hiring since 1990."),
    ("Acme", "Acme: dating and events since 1990."),
]


@pytest.mark.parametrize(("name", "text"), UNLINKED)
def test_a_mere_mention_or_far_away_words_link_nothing(name: str, text: str) -> None:
    assert text_link(name, text) is None


def _facts(organization: dict[str, object]) -> PageFacts:
    data = {"@context": "https://schema.org", "@type": "Organization", **organization}
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return extract_facts(
        "https://newbrand.io/", f"<html><head>{script}</head><body></body></html>", "text/html"
    )


@pytest.mark.parametrize(
    ("organization", "alias"),
    [
        ({"name": "NewBrand", "alternateName": "OldBrand"}, "OldBrand"),
        ({"name": "NewBrand", "alternateName": ["NB", "OldBrand Inc."]}, "OldBrand Inc."),
        ({"name": "NewBrand", "legalName": "OldBrand Ltd"}, "OldBrand Ltd"),
        ({"name": "NewBrand", "alternateName": "Other Co"}, ""),
        ({"name": "NewBrand"}, ""),
    ],
)
def test_structured_data_aliases(organization: dict[str, object], alias: str) -> None:
    facts = _facts(organization)
    assert structured_alias("OldBrand", facts) == alias


def test_a_search_result_naming_both_names_links_a_translated_name() -> None:
    results = ["Белый Парус (White Sail Travel) — tours from Almaty", "White Sail Travel | Home"]
    owner = ["Home", "White Sail Travel"]
    assert "names 'Белый Парус' and 'White Sail Travel'" in named_together(
        "Белый Парус", owner, results
    )
    # Results naming only one of them, or a page owner named like the row, link nothing.
    assert named_together("Белый Парус", owner, results[1:]) == ""
    assert named_together("Белый Парус", ["Белый Парус"], results) == ""


def test_the_old_domain_counts_only_as_a_whole_address() -> None:
    text = "Nuestra antigua web, olivares-ingenieria.es, ya no está activa."
    assert names_domain("olivares-ingenieria.es", text) == "the page names olivares-ingenieria.es"
    assert names_domain("ingenieria.es", text) == ""
    assert names_domain("olivares-ingenieria.es", "see www.olivares-ingenieria.es.com") == ""


_RENAMED_SITE = (
    "<html><head><title>Veenhof Installatietechniek</title></head><body><main><p>Sinds 1983"
    " staat Veenhof Installatietechniek in Utrecht voor warmtepompen en ventilatie.</p></main>"
    "<footer><div>Veenhof Installatietechniek — voorheen Brouwer &amp; Zonen Installaties"
    "</div><address>Utrecht, Nederland</address></footer></body></html>"
)


def test_a_rename_said_in_the_footer_links_the_old_name() -> None:
    facts = extract_facts("https://veenhof-installatietechniek.nl/", _RENAMED_SITE, "text/html")
    assert "voorheen" not in facts.main_text  # the footer is no part of the page's text
    score = website_score("Brouwer & Zonen Installaties", facts, WebsiteSource.REDIRECT)
    assert score.confidence >= 0.8
    assert "the text links the names" in score.evidence
    other = website_score("Jansen Elektro", facts, WebsiteSource.REDIRECT)
    assert other.confidence < 0.5


def test_a_group_listed_in_a_footer_is_no_rename() -> None:
    html = _RENAMED_SITE.replace("voorheen Brouwer", "onderdeel van Brouwer")
    facts = extract_facts("https://veenhof-installatietechniek.nl/", html, "text/html")
    score = website_score("Brouwer & Zonen Installaties", facts, WebsiteSource.SEARCH)
    assert score.confidence < 0.5
