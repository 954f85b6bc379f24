"""Company-name words of Chinese and Japanese and how the same companies write them in
English, and the legal forms that are no part of a name.

A Chinese company's English name is its brand in pinyin and its trade translated
(`华为技术有限公司` is Huawei Technologies Co., Ltd.); Japanese companies romanise their
trade word (`北斗精工` Hokuto Seiko) or translate it (`日立建機` Hitachi Construction
Machinery). These are the usual trade and structure words of company names, as in
company registers, not the names of any company.
"""

from __future__ import annotations

import re

# Legal forms, written before or after the name; longest first so `股份有限公司` goes whole.
LEGAL_FORMS = re.compile(
    "股份有限公司|有限责任公司|有限責任公司|股份公司|有限公司|分公司|公司|股份|"
    "株式会社|有限会社|合同会社|合資会社|合名会社|[（(]株[）)]|㈱|[（(]有[）)]|㈲"
)
# Words that say what kind of entity it is rather than which one: group, holdings.
STRUCTURE = ("集团", "集團", "控股", "グループ")

# Trade words: Chinese (simplified and traditional) and Japanese kanji.
TRADES: dict[str, str] = {
    # Chinese
    "科技": "technology", "技术": "technologies", "技術": "technologies",
    "电子": "electronics", "電子": "electronics", "电器": "electric", "電器": "electric",
    "电气": "electric", "電氣": "electric", "机械": "machinery", "機械": "machinery",
    "精密": "precision", "包装": "packaging", "包裝": "packaging", "纺织": "textile",
    "紡織": "textile", "食品": "foods", "贸易": "trading", "貿易": "trading",
    "物流": "logistics", "建设": "construction", "建設": "construction",
    "建筑": "construction", "建築": "construction", "工程": "engineering",
    "医药": "pharmaceutical", "醫藥": "pharmaceutical", "制药": "pharmaceutical",
    "化工": "chemical", "能源": "energy", "材料": "materials", "汽车": "automotive",
    "汽車": "automotive", "制造": "manufacturing", "製造": "manufacturing",
    "实业": "industrial", "實業": "industrial", "工业": "industrial", "工業": "industrial",
    "投资": "investment", "投資": "investment", "服务": "services", "服務": "services",
    "软件": "software", "軟體": "software", "信息": "information", "資訊": "information",
    "网络": "network", "網路": "network", "通信": "communication", "通讯": "communication",
    "环保": "environmental", "環保": "environmental", "农业": "agriculture",
    "農業": "agriculture", "家具": "furniture", "服装": "apparel", "服裝": "apparel",
    "印刷": "printing", "设备": "equipment", "設備": "equipment", "塑料": "plastics",
    "塑膠": "plastics", "金属": "metal", "金屬": "metal", "钢铁": "steel", "鋼鐵": "steel",
    "光电": "optoelectronics", "光電": "optoelectronics", "生物": "biotech",
    "传媒": "media", "傳媒": "media", "文化": "culture", "教育": "education",
    "咨询": "consulting", "諮詢": "consulting", "国际": "international",
    "國際": "international", "新材料": "new materials", "医疗": "medical",
    "醫療": "medical", "运输": "transport", "運輸": "transport", "航运": "shipping",
    "海运": "shipping",
    "海運": "shipping",
    "陶瓷": "ceramics", "玻璃": "glass", "纸业": "paper", "紙業": "paper",
    "照明": "lighting", "仪器": "instruments", "儀器": "instruments",
    "茶业": "tea", "茶業": "tea", "茶叶": "tea", "茶葉": "tea",
    # Japanese
    "電機": "electric", "商事": "trading", "製作所": "works", "化学": "chemical",
    "製薬": "pharmaceutical", "精機": "precision machinery", "重工": "heavy industries",
    "建機": "construction machinery", "産業": "industries",
    "不動産": "real estate", "銀行": "bank", "証券": "securities", "保険": "insurance",
    "製菓": "confectionery", "食品工業": "food industries", "電工": "electric works",
    "通商": "trading", "物産": "trading", "製紙": "paper", "鉄鋼": "steel",
}  # fmt: skip
_LONGEST_FIRST = sorted(TRADES, key=len, reverse=True)
TRADE_WORDS = re.compile("|".join(map(re.escape, _LONGEST_FIRST)))
