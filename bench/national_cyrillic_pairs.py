"""Labelled pairs for `bench/transliteration.py --script national`: Mongolian and
Belarusian companies' Cyrillic names beside the Latin names they use, in the styles those
companies write (brands kept, trade words often in English, several romanisations), and a
few whose Latin name is a translation or an exonym no reading gives (kept: the bench
reports them as misses, it is not a list of what the readers get right)."""

from __future__ import annotations

MONGOLIAN: tuple[tuple[str, str], ...] = (
    ("Хаан Банк", "Khan Bank"), ("Голомт Банк", "Golomt Bank"),
    ("Капитрон Банк", "Capitron Bank"), ("Богд Банк", "Bogd Bank"), ("Ариг Банк", "Arig Bank"),
    ("Чингис Хаан Архи", "Chinggis Khaan Vodka"), ("Юнител", "Unitel"), ("Мобиком", "Mobicom"),
    ("Скайтел", "Skytel"), ("Оюу Толгой", "Oyu Tolgoi"),
    ("Эрдэнэс Таван Толгой", "Erdenes Tavan Tolgoi"), ("МИАТ", "MIAT"),
    ("Хүннү Эйр", "Hunnu Air"), ("Шунхлай", "Shunkhlai"), ("Петровис", "Petrovis"),
    ("Магнай Трейд", "Magnai Trade"), ("Макс Групп", "Max Group"),
    ("Номин Холдинг", "Nomin Holding"), ("АПУ", "APU"), ("Говь", "Gobi"),
    ("Гоёл Кашемир", "Goyol Cashmere"), ("Эвсэг", "Evseg"), ("Талх Чихэр", "Talkh Chikher"),
    ("Сүү", "Suu"), ("Тэнгэр Даатгал", "Tenger Insurance"),
    ("Мандал Даатгал", "Mandal Insurance"), ("Бодь Даатгал", "Bodi Insurance"),
    ("Монгол Шуудан", "Mongol Post"), ("Дархан Нэхий", "Darkhan Nekhii"),
    ("Таван Богд", "Tavan Bogd"), ("Жуулчин", "Juulchin"), ("Монголын Алт", "Mongolyn Alt"),
    ("Мон Полимет", "Mon Polimet"), ("Хишиг Арвин", "Khishig Arvin"),
    ("Таван Толгой Түлш", "Tavan Tolgoi Fuel"), ("Гацуурт", "Gatsuurt"),
    ("Хүслэн Аялал", "Khuslen Travel"), ("Зөвлөх Инженеринг", "Zuvlukh Engineering"),
    ("Өлзий Трейд", "Ulzii Trade"), ("Мөрөн Тээвэр", "Moron Transport"),
    ("Сэлэнгэ Гурил", "Selenge Flour"), ("Өндөрхаан Мах", "Undurkhaan Meat"),
    ("Цагаан Дэлгүүр", "Tsagaan Store"), ("Баянгол Хэвлэл", "Bayangol Printing"),
    ("Жаргалант Ноолуур", "Jargalant Cashmere"), ("Түмэн Тавилга", "Tumen Furniture"),
)  # fmt: skip
BELARUSIAN: tuple[tuple[str, str], ...] = (
    ("Белавія", "Belavia"), ("Беларусбанк", "Belarusbank"), ("Белшына", "Belshina"),
    ("Беларуськалій", "Belaruskali"), ("Нафтан", "Naftan"), ("Белтэлекам", "Beltelecom"),
    ("Мілавіца", "Milavitsa"), ("Камунарка", "Kommunarka"),
    ("Савушкін прадукт", "Savushkin Product"), ("Санта Брэмар", "Santa Bremor"),
    ("Белгазпрамбанк", "Belgazprombank"), ("Прыёрбанк", "Priorbank"),
    ("Белаграсэрвіс", "Belagroservice"), ("Гомсельмаш", "Gomselmash"),
    ("Атлант", "Atlant"), ("Гарызонт", "Horizont"), ("Віцязь", "Vityaz"),
    ("Інтэграл", "Integral"), ("Пінскдрэў", "Pinskdrev"), ("Лідскае піва", "Lidskoe Pivo"),
    ("Крыніца", "Krynitsa"), ("Аліварыя", "Olivaria"), ("Дарыда", "Darida"),
    ("Белвест", "Belwest"), ("Элема", "Elema"), ("Купалінка", "Kupalinka"),
    ("Магілёўліфтмаш", "Mogilevliftmash"), ("Белпошта", "Belposhta"),
    ("Мінсктранс", "Minsktrans"), ("Амкадор", "Amkodor"), ("Гродна Азот", "Grodno Azot"),
    ("Мотавела", "Motovelo"), ("Бабушкіна крынка", "Babushkina Krynka"),
    ("Серволюкс", "Servolux"), ("Белаэранавігацыя", "Belaeronavigatsia"),
    ("Будзьма", "Budzma"), ("Пагоня Трэйд", "Pahonia Trade"), ("Бульбаш", "Bulbash"),
    ("Зубраўка", "Zubrowka"), ("Нёман Шкло", "Nioman Glass"),
    ("Гарадзенская Мэбля", "Haradzienskaja Furniture"), ("Віцебскі Тэкстыль", "Viciebsk Textile"),
    ("Палескі Дрэва", "Paleski Wood"), ("Мірская Агра", "Mirskaya Agro"),
    ("Полацк Лагістыка", "Polatsk Logistics"), ("Навагрудскі Хлеб", "Navahrudski Khleb"),
)  # fmt: skip
