"""Company names of the seventh web written in Latin letters, by country: brands (some
with an ampersand) and trades, the trade often with the country's legal form (`A.Ş.`,
`Sp. z o.o.`, `Ltda.`, `Inc.`), its LinkedIn industry, and what it does."""

from __future__ import annotations

# stock: (brands, ((trade word, industry, what it does), ...))
LATIN: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    "VN": (
        ("Thiên Phúc", "Sông Hồng", "Phú Quốc", "Trường Sơn", "Hạ Long", "Bình Minh", "Ngọc Lan"),
        (
            ("Vận Tải", "Truck Transportation", "vận chuyển hàng hóa từ cảng Hải Phòng đi các tỉnh phía Bắc"),  # noqa: E501
            ("Xây Dựng", "Construction", "xây dựng nhà xưởng và khu dân cư"),
            ("Thực Phẩm", "Food Production", "sản xuất nước mắm và bánh phở khô"),
        ),
    ),
    "TR": (
        ("Ege Yıldızı", "Kaçkar", "Uludağ & Kardeşler", "Boğaziçi", "Çamlıca", "Toros", "Gökçeada"),
        (
            ("Nakliyat A.Ş.", "Truck Transportation", "Avrupa'ya parsiyel yük taşımacılığı yapıyor"),  # noqa: E501
            ("İnşaat Ltd. Şti.", "Construction", "konut ve sanayi yapıları inşa ediyor"),
            ("Gıda San. ve Tic. A.Ş.", "Food Production", "zeytin, zeytinyağı ve pekmez üretiyor"),
        ),
    ),
    "PL": (
        ("Wisła", "Żuraw", "Podhale", "Mazurski", "Bałtyk & Syn", "Śnieżka", "Kaszuby"),
        (
            ("Transport Sp. z o.o.", "Truck Transportation", "przewozi ładunki do Niemiec i Czech"),
            ("Budownictwo S.A.", "Construction", "buduje hale magazynowe i osiedla mieszkaniowe"),
            ("Piekarnia s.c.", "Food Production", "wypieka chleb na zakwasie dla sklepów"),
        ),
    ),
    "BR": (
        ("Ipê Amarelo", "Araucária", "Serra Gaúcha", "Pão & Cia", "Jequitibá", "Ouro Preto", "Cajá"),  # noqa: E501
        (
            ("Transportes Ltda.", "Truck Transportation", "transporta grãos do Paraná até o porto de Paranaguá"),  # noqa: E501
            ("Construtora S/A", "Construction", "constrói condomínios residenciais e galpões logísticos"),  # noqa: E501
            ("Alimentos EIRELI", "Food Production", "produz pão de queijo congelado para supermercados"),  # noqa: E501
        ),
    ),
    "ID": (
        ("Nusantara", "Merapi", "Bintang Timur", "Sumber Makmur", "Cahaya & Putra", "Toba", "Rinjani"),  # noqa: E501
        (
            ("Logistik", "Truck Transportation", "mengirim kargo dari Tanjung Perak ke seluruh Jawa"),  # noqa: E501
            ("Konstruksi", "Construction", "membangun gudang dan perumahan"),
            ("Pangan Tbk", "Food Production", "memproduksi kecap manis dan sambal botolan"),
        ),
    ),
    "PH": (
        ("Kalayaan", "Mabuhay", "Tagaytay", "Banaue", "Sampaguita", "Boracay & Co", "Mayon"),
        (
            ("Trucking Services Inc.", "Truck Transportation", "naghahatid ng kargamento mula sa pantalan ng Maynila"),  # noqa: E501
            ("Builders Corp.", "Construction", "nagtatayo ng mga bahay at bodega"),
            ("Food Products Inc.", "Food Production", "gumagawa ng tuyo at bagoong na nakabote"),
        ),
    ),
}  # fmt: skip
