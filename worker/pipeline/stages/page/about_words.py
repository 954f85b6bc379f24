"""How a site names its About page, per language: in a link's text or in the page's
address (`/tietoa-meista`, `/o-nama`, `/despre-noi`).

Kept as a table, one line per language: a language is added by adding its line. Latin
phrases also match their address form, written without accents and with `-` or `_`
between the words. Scripts whose vowel signs Python's `\\w` does not count as letters
(the Indic scripts) are matched without word boundaries.
"""

from __future__ import annotations

import re
import unicodedata

ABOUT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("about", "company", "who we are", "our story"),
    "de": ("über uns", "ueber-uns", "unternehmen", "wir über uns"),
    "fr": ("à propos", "qui sommes-nous", "l'entreprise", "notre société"),
    "es": ("quiénes somos", "sobre nosotros", "la empresa", "nosotros"),
    "it": ("chi siamo", "azienda"),
    "pt": ("quem somos", "sobre nós", "a empresa"),
    "nl": ("over ons",),
    "pl": ("o nas", "o firmie"),
    "tr": ("hakkımızda", "kurumsal"),
    "ru": ("о компании", "о нас", "o kompanii"),
    "uk": ("про компанію", "про нас", "pro kompaniyu"),
    "be": ("пра нас", "пра кампанію", "pra nas"),
    "bg_mk": ("за нас", "за компанијата", "за компанията", "za nas"),
    "sr": ("о нама", "o nama"),
    "kk": ("компания туралы", "біз туралы", "kompaniya turaly"),
    "mn": ("бидний тухай", "компанийн тухай"),
    "fi": ("tietoa meistä", "meistä", "yritys"),
    "et": ("meist", "ettevõttest"),
    "hu": ("rólunk", "cégünkről", "bemutatkozás"),
    "ro": ("despre noi", "despre companie"),
    "sv": ("om oss", "om företaget"),
    "da_nb": ("om os", "om oss", "om firmaet", "om selskapet", "om virksomheden"),
    "is": ("um okkur",),
    "hr_bs_sl": ("o nama", "o podjetju", "o tvrtki"),
    "cs_sk": ("o nás", "o firmě", "o firme", "o společnosti", "o spoločnosti"),
    "lt": ("apie mus", "apie įmonę"),
    "lv": ("par mums", "par uzņēmumu"),
    "el": ("σχετικά με εμάς", "ποιοι είμαστε", "η εταιρεία"),
    "vi": ("giới thiệu", "về chúng tôi"),
    "id_ms": ("tentang kami", "mengenai kami", "profil perusahaan"),
    "tl": ("tungkol sa amin",),
    "sw": ("kuhusu sisi", "kuhusu kampuni"),
    "sq": ("rreth nesh", "rreth kompanisë"),
    "az": ("haqqımızda", "şirkət haqqında"),
    "uz": ("biz haqimizda", "kompaniya haqida", "биз ҳақимизда", "компания ҳақида"),
    "am": ("ስለ እኛ", "ስለ ድርጅቱ"),
    "ka": ("ჩვენს შესახებ", "ჩვენ შესახებ", "კომპანიის შესახებ"),
    "hy": ("մեր մասին", "ընկերության մասին"),
    "he": ("אודות", "עלינו"),
    "ar": ("من نحن", "عن الشركة", "معلومات عنا"),
    "fa": ("درباره ما", "درباره\u200cی ما", "درباره شرکت"),
    "ja": ("会社概要", "会社案内", "企業情報"),
    "zh": ("关于我们", "關於我們", "公司简介", "公司簡介"),
    "ko": ("회사소개", "회사 소개"),
    "th": ("เกี่ยวกับเรา",),
}
# Matched anywhere: no word boundaries in these scripts.
ABOUT_UNSPACED: dict[str, tuple[str, ...]] = {
    "hi": ("हमारे बारे में",),
    "bn": ("আমাদের সম্পর্কে", "আমাদের কথা"),
    "ta": ("எங்களைப் பற்றி", "எங்களை பற்றி"),
    "ne": ("हाम्रो बारेमा", "हाम्रो बारे"),
    "km": ("អំពីយើង", "អំពីក្រុមហ៊ុន"),
}
_UNSPACED_SCRIPTS = ("ja", "zh", "ko", "th")


def address_form(text: str) -> str:
    """`Tietoa meistä` as an address writes it: `tietoa-meista`."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.lower()


def _phrase(phrase: str) -> str:
    return r"[\s_-]+".join(re.escape(word) for word in phrase.split())


def _pattern() -> re.Pattern[str]:
    bounded: set[str] = set()
    anywhere: set[str] = set()
    for lang, phrases in ABOUT_WORDS.items():
        for phrase in phrases:
            forms = {phrase, address_form(phrase)}
            target = anywhere if lang in _UNSPACED_SCRIPTS else bounded
            target.update(_phrase(form) for form in forms)
    for phrases in ABOUT_UNSPACED.values():
        anywhere.update(_phrase(phrase) for phrase in phrases)
    longest_first = sorted(bounded, key=len, reverse=True)
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(longest_first)})(?!\w)|{'|'.join(sorted(anywhere))}",
        re.IGNORECASE,
    )


ABOUT = _pattern()


def says_about(text: str) -> bool:
    """Whether a link's text or an address names an About page."""
    return bool(ABOUT.search(text) or ABOUT.search(address_form(text)))
