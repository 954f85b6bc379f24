"""Labelled Japanese and Chinese company names with the Latin names written for them, for
bench/transliteration.py: real-world-style names in several templates (legal forms before
and after the name, `(株)`, `有限会社`, `股份有限公司`, `集团`), Latin names with and
without their legal forms, Hepburn written with macrons, with `ou` and without long
vowels, and pinyin without tones, joined and spaced, its trade words romanised or
translated."""

from __future__ import annotations

# (name in Japanese, its Latin name); the templates below add legal forms.
JAPANESE: tuple[tuple[str, str], ...] = (
    ("トヨタ自動車", "Toyota Jidosha"), ("本田技研工業", "Honda Giken Kogyo"),
    ("大林組", "Obayashi Gumi"), ("鹿島建設", "Kajima Kensetsu"), ("大成建設", "Taisei Kensetsu"),
    ("竹中工務店", "Takenaka Komuten"), ("三井物産", "Mitsui Bussan"),
    ("伊藤忠商事", "Itochu Shoji"), ("丸紅", "Marubeni"), ("住友商事", "Sumitomo Shoji"),
    ("日本郵船", "Nippon Yusen"), ("商船三井", "Shosen Mitsui"),
    ("川崎重工業", "Kawasaki Jukogyo"), ("村田製作所", "Murata Seisakusho"),
    ("堀場製作所", "Horiba Seisakusho"), ("富士通", "Fujitsu"), ("東芝", "Toshiba"),
    ("日本電気", "Nippon Denki"), ("沖電気工業", "Oki Denki Kogyo"), ("明治製菓", "Meiji Seika"),
    ("森永製菓", "Morinaga Seika"), ("味の素", "Ajinomoto"), ("キッコーマン", "Kikkoman"),
    ("山崎製パン", "Yamazaki Seipan"), ("資生堂", "Shiseido"), ("花王", "Kao"),
    ("武田薬品工業", "Takeda Yakuhin Kogyo"), ("大塚製薬", "Otsuka Seiyaku"),
    ("第一三共", "Daiichi Sankyo"), ("小林製薬", "Kobayashi Seiyaku"),
    ("日本通運", "Nippon Tsuun"), ("ヤマト運輸", "Yamato Unyu"), ("佐川急便", "Sagawa Kyubin"),
    ("西濃運輸", "Seino Unyu"), ("阪急電鉄", "Hankyu Dentetsu"), ("野村證券", "Nomura Shoken"),
    ("大和証券", "Daiwa Shoken"), ("みずほ銀行", "Mizuho Ginko"), ("りそな銀行", "Resona Ginko"),
    ("静岡銀行", "Shizuoka Ginko"), ("北陸電力", "Hokuriku Denryoku"),
    ("中部電力", "Chubu Denryoku"), ("東北電力", "Tohoku Denryoku"),
    ("凸版印刷", "Toppan Insatsu"), ("大日本印刷", "Dai Nippon Insatsu"),
    ("王子製紙", "Oji Seishi"), ("旭化成", "Asahi Kasei"), ("住友化学", "Sumitomo Kagaku"),
    ("日本製鉄", "Nippon Seitetsu"), ("神戸製鋼所", "Kobe Seikosho"),
    ("ひまわり建設", "Himawari Kensetsu"), ("つばめ物流", "Tsubame Butsuryu"),
    ("あおい食品", "Aoi Shokuhin"), ("こだま電機", "Kodama Denki"),
    ("東洋紡", "Tōyōbō"), ("大阪瓦斯", "Ōsaka Gasu"), ("京王電鉄", "Keiō Dentetsu"),
    ("東邦瓦斯", "Touhou Gasu"), ("北海道電力", "Hokkaidou Denryoku"),
    ("新橋工業", "Shimbashi Kogyo"), ("大野精工", "Ohno Seiko"), ("伊藤ハム", "Itoh Hamu"),
    ("日本ペイント", "Nihon Peinto"), ("三菱地所", "Mitsubishi Jisho"),
    ("清水建設", "Shimizu Construction"), ("日立建機", "Hitachi Construction Machinery"),
    ("住友重工", "Sumitomo Heavy Industries"), ("三井化学", "Mitsui Chemical"),
)  # fmt: skip
JAPANESE_FORMS = ("株式会社{}", "{}株式会社", "(株){}", "有限会社{}", "{}")
LATIN_FORMS = ("{} Co., Ltd.", "{}", "{} K.K.", "{} Corporation", "{} Kabushiki Kaisha")

# (name in Chinese, simplified or traditional, its Latin name).
CHINESE: tuple[tuple[str, str], ...] = (
    ("华为技术", "Huawei Technologies"), ("海尔集团", "Haier Group"), ("美的集团", "Meidi Group"),
    ("格力电器", "Geli Electric"), ("比亚迪", "Biyadi"), ("吉利汽车", "Jili Automotive"),
    ("万科", "Wanke"), ("碧桂园", "Biguiyuan"), ("京东方科技", "Jingdongfang Technology"),
    ("阿里巴巴", "Alibaba"), ("腾讯", "Tengxun"), ("百度", "Baidu"),
    ("小米科技", "Xiaomi Technology"), ("网易", "Wangyi"), ("拼多多", "Pinduoduo"),
    ("美团", "Meituan"), ("顺丰速运", "Shunfeng Suyun"), ("圆通速递", "Yuantong Sudi"),
    ("中通快递", "Zhongtong Kuaidi"), ("申通快递", "Shen Tong Kuai Di"), ("韵达", "Yunda"),
    ("伊利", "Yili"), ("蒙牛乳业", "Mengniu Ruye"), ("光明乳业", "Guang Ming Ru Ye"),
    ("青岛啤酒", "Qingdao Pijiu"), ("燕京啤酒", "Yanjing Pijiu"), ("五粮液", "Wuliangye"),
    ("海天味业", "Haitian Weiye"), ("康师傅", "Kangshifu"), ("统一企业", "Tongyi Qiye"),
    ("娃哈哈", "Wahaha"), ("农夫山泉", "Nongfu Shanquan"), ("恒瑞医药", "Hengrui Pharmaceutical"),
    ("复星医药", "Fuxing Pharmaceutical"), ("云南白药", "Yunnan Baiyao"),
    ("同仁堂", "Tongrentang"), ("徐工机械", "Xugong Machinery"), ("中联重科", "Zhonglian Zhongke"),
    ("宝钢", "Baogang"), ("鞍钢", "Angang"), ("招商银行", "Zhaoshang Yinhang"),
    ("兴业银行", "Xingye Yinhang"), ("浦发银行", "Pufa Yinhang"), ("安踏体育", "Anta Tiyu"),
    ("波司登", "Bosideng"), ("海信电器", "Haixin Electric"), ("创维", "Chuangwei"),
    ("长虹电子", "Changhong Electronics"), ("立讯精密", "Lixun Precision"),
    ("歌尔股份", "Geer"), ("舜宇光电", "Shunyu Optoelectronics"),
    ("台積電", "Taijidian"), ("聯發科技", "Lianfa Technology"), ("統一超商", "Tongyi Chaoshang"),
    ("長榮海運", "Changrong Haiyun"), ("國泰金控", "Guotai Jinkong"),
    ("中远海运", "Zhongyuan Shipping"), ("紫金矿业", "Zijin Kuangye"),
    ("东方雨虹", "Dongfang Yuhong"), ("晨光文具", "Chenguang Wenju"),
)  # fmt: skip
CHINESE_FORMS = ("{}有限公司", "{}股份有限公司", "{}", "{}有限责任公司")
PINYIN_FORMS = ("{} Co., Ltd.", "{}", "{} Co Ltd", "{} Limited")


def _pairs(
    names: tuple[tuple[str, str], ...], native: tuple[str, ...], latin: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    return tuple(
        (native[i % len(native)].format(cjk), latin[(i // 2) % len(latin)].format(lat))
        for i, (cjk, lat) in enumerate(names)
    )


JAPANESE_PAIRS = _pairs(JAPANESE, JAPANESE_FORMS, LATIN_FORMS)
CHINESE_PAIRS = _pairs(CHINESE, CHINESE_FORMS, PINYIN_FORMS)
