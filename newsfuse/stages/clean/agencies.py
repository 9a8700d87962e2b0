"""The news agencies newsfuse recognises: canonical names, the ways copy writes them, their own sites.

Names are matched case-sensitively on purpose ("AP" the agency, never "ap" inside a word). An
`Agency` lists its names in three groups:

- `aliases`: names that mean the agency wherever they appear, in Latin script and in the other
  scripts newsfuse reads (رويترز is Reuters, فرانس برس is AFP), so a dateline "دمشق (رويترز) -" or
  a citation "قال مسؤول لرويترز" is read like its English twin;
- `ambiguous`: short names that also mean something else in running text ("PA" the Palestinian
  Authority, "PAP" a party, "AAP" another, "RIA" an investment adviser, "Anatolia" a region): they
  count in credits and datelines ("(PAP)", "— PA"), and in running text only next to the words
  "news agency" ("the PA news agency");
- `hosts`: the registrable domains of the agency's own sites (a story on uk.reuters.com is Reuters
  copy).

Arabic forms that are common words or places on their own (الأناضول is also Anatolia, الفرنسية is
"French") are listed only with the word for agency (وكالة الأناضول, وكالة الصحافة الفرنسية).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """A news agency: its canonical name (as `Article.wire` writes it), its names, its own sites."""

    name: str
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()


AGENCIES: tuple[Agency, ...] = (
    Agency("AP", ("The Associated Press", "Associated Press", "AP", "أسوشيتد برس", "أسوشيتيد برس",
                  "أسوشييتد برس", "اسوشيتد برس", "الأسوشيتد برس"), hosts=("apnews.com", "ap.org")),
    Agency("Reuters", ("Reuters", "REUTERS", "رويترز", "Рейтер", "路透社"), ("Thomson Reuters",),
           hosts=("reuters.com",)),
    Agency("AFP", ("Agence France-Presse", "Agence France Presse", "AFP", "Afp", "فرانس برس", "فرانس پرس",
                   "وكالة الصحافة الفرنسية", "أ ف ب", "أ.ف.ب", "Франс Пресс", "法新社"), hosts=("afp.com",)),
    Agency("PA", ("Press Association", "PA Media", "PA Wire"), ("PA",), hosts=("pa.media",)),
    Agency("DPA", ("Deutsche Presse-Agentur", "dpa", "د ب أ", "وكالة الأنباء الألمانية"), ("DPA",),
           hosts=("dpa.com", "dpa-international.com")),
    Agency("Anadolu", ("Anadolu Agency", "Anadolu Ajansı", "Anadolu", "Anatolia News Agency",
                       "وكالة الأناضول", "الأناضول للأنباء"), ("AA", "Anatolia"), hosts=("aa.com.tr",)),
    Agency("Xinhua", ("Xinhua News Agency", "Xinhua", "XINHUA", "شينخوا", "新华社", "Синьхуа"),
           hosts=("xinhuanet.com", "news.cn")),
    Agency("UPI", ("United Press International", "UPI", "يونايتد برس"), hosts=("upi.com",)),
    Agency("EFE", ("EFE", "Efe", "إفي", "إيفي"), hosts=("efe.com",)),
    Agency("ANSA", ("ANSA", "Ansa", "أنسا"), hosts=("ansa.it",)),
    Agency("Bernama", ("Bernama", "BERNAMA"), hosts=("bernama.com",)),
    Agency("IANS", ("Indo-Asian News Service", "IANS"), hosts=("ianslive.in",)),
    Agency("PTI", ("Press Trust of India", "PTI"), hosts=("ptinews.com",)),
    Agency("ANI", ("Asian News International", "ANI"), hosts=("aninews.in",)),
    Agency("Kyodo", ("Kyodo News", "Kyodo", "KYODO", "共同通信", "كيودو"),
           hosts=("kyodonews.net", "kyodonews.jp")),
    Agency("Yonhap", ("Yonhap News Agency", "Yonhap", "YONHAP", "연합뉴스", "يونهاب"), hosts=("yna.co.kr",)),
    Agency("TASS", ("ITAR-TASS", "TASS", "Tass", "ТАСС"), hosts=("tass.com", "tass.ru")),
    Agency("RIA", ("RIA Novosti", "РИА Новости", "ريا نوفوستي", "نوفوستي"), ("RIA",), hosts=("ria.ru",)),
    Agency("Sputnik", ("Sputnik News", "Sputnik", "سبوتنيك"), hosts=("sputniknews.com", "sputnikglobe.com")),
    Agency("Interfax", ("Interfax", "إنترفاكس", "Интерфакс"), hosts=("interfax.com", "interfax.ru")),
    Agency("AAP", ("Australian Associated Press",), ("AAP",), hosts=("aap.com.au",)),
    Agency("Europa Press", ("Europa Press",), hosts=("europapress.es",)),
    Agency("ACN", ("Catalan News Agency", "Agència Catalana de Notícies"), ("ACN",),
           hosts=("catalannews.com", "acn.cat")),
    Agency("APA", ("Austria Presse Agentur", "Austria Press Agency"), ("APA",), hosts=("apa.at",)),
    Agency("ATS", ("Agence Télégraphique Suisse", "Keystone-ATS", "Keystone-SDA"), ("ATS", "SDA"),
           hosts=("keystone-sda.ch",)),
    Agency("Belga", ("Belga",), hosts=("belga.be",)),
    Agency("CTK", ("Czech News Agency", "ČTK", "CTK"), hosts=("ctk.cz",)),
    Agency("KCNA", ("Korean Central News Agency", "KCNA"), hosts=("kcna.kp",)),
    Agency("MENA", ("Middle East News Agency", "وكالة أنباء الشرق الأوسط", "أ ش أ"), ("MENA",),
           hosts=("mena.org.eg",)),
    Agency("NTB", ("Norsk Telegrambyrå",), ("NTB",), hosts=("ntb.no",)),
    Agency("PAP", ("Polish Press Agency", "Polska Agencja Prasowa"), ("PAP",), hosts=("pap.pl",)),
    Agency("SANA", ("Syrian Arab News Agency", "SANA", "الوكالة العربية السورية للأنباء", "وكالة سانا"),
           ("Sana",), hosts=("sana.sy",)),
    Agency("TT", ("TT News Agency", "Tidningarnas Telegrambyrå"), ("TT",), hosts=("tt.se",)),
    Agency("WAM", ("Emirates News Agency", "WAM", "وكالة أنباء الإمارات"), hosts=("wam.ae",)),
    Agency("KUNA", ("Kuwait News Agency", "KUNA", "وكالة الأنباء الكويتية"), hosts=("kuna.net.kw",)),
    Agency("QNA", ("Qatar News Agency",), ("QNA",), hosts=("qna.org.qa",)),
    Agency("SPA", ("Saudi Press Agency",), ("SPA",), hosts=("spa.gov.sa",)),
    Agency("Petra", ("Jordan News Agency",), ("Petra",), hosts=("petra.gov.jo",)),
    Agency("NNA", ("National News Agency",), ("NNA",), hosts=("nna-leb.gov.lb",)),
    Agency("APP", ("Associated Press of Pakistan",), ("APP",), hosts=("app.com.pk",)),
    Agency("BSS", ("Bangladesh Sangbad Sangstha",), ("BSS",), hosts=("bssnews.net",)),
    Agency("ANP", ("Algemeen Nederlands Persbureau",), ("ANP",), hosts=("anp.nl",)),
    Agency("Lusa", ("Lusa",), hosts=("lusa.pt",)),
    Agency("AGI", ("Agenzia Giornalistica Italia",), ("AGI",), hosts=("agi.it",)),
    Agency("Adnkronos", ("Adnkronos",), hosts=("adnkronos.com",)),
    Agency("Jiji", ("Jiji Press", "時事通信"), ("Jiji",), hosts=("jiji.com",)),
    Agency("Antara", ("Antara News Agency",), ("Antara",), hosts=("antaranews.com",)),
    Agency("PNA", ("Philippine News Agency",), ("PNA",), hosts=("pna.gov.ph",)),
    Agency("VNA", ("Vietnam News Agency",), ("VNA",), hosts=("vnanet.vn",)),
    Agency("CNA", ("Central News Agency",), ("CNA",), hosts=("focustaiwan.tw", "cna.com.tw")),
    Agency("Ukrinform", ("Ukrinform",), hosts=("ukrinform.net", "ukrinform.ua")),
    Agency("UNIAN", ("UNIAN",), hosts=("unian.info", "unian.net")),
    Agency("BTA", ("Bulgarian News Agency",), ("BTA",), hosts=("bta.bg",)),
    Agency("Agerpres", ("Agerpres", "AGERPRES"), hosts=("agerpres.ro",)),
    Agency("HINA", ("HINA",), hosts=("hina.hr",)),
    Agency("MTI", ("Hungarian News Agency",), ("MTI",), hosts=("mti.hu",)),
    Agency("STT", ("Finnish News Agency",), ("STT",), hosts=("stt.fi",)),
    Agency("Ritzau", ("Ritzau",), hosts=("ritzau.dk",)),
    Agency("Tanjug", ("Tanjug",), hosts=("tanjug.rs",)),
    Agency("Notimex", ("Notimex",), hosts=("notimex.gob.mx",)),
    Agency("Prensa Latina", ("Prensa Latina",), hosts=("prensa-latina.cu", "plenglish.com")),
    Agency("Télam", ("Télam", "Telam"), hosts=("telam.com.ar",)),
    Agency("Agência Brasil", ("Agência Brasil", "Agencia Brasil"), hosts=("agenciabrasil.ebc.com.br",)),
)  # fmt: skip

_CANONICAL = {alias: a.name for a in AGENCIES for alias in a.aliases}
_CREDIT = _CANONICAL | {alias: a.name for a in AGENCIES for alias in a.ambiguous}
_HOSTS = {host: a.name for a in AGENCIES for host in a.hosts}


def alternation(names: Iterable[str]) -> str:
    """A regex matching any of the literal `names`, the longest where several fit ("Associated
    Press" over "AP"). Built as a trie, so a search tries a character or two at each position of a
    text instead of every name in turn."""
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_pattern(trie)})"


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A name may end here: the longer names go first (greedy), this one if they fail.
    return f"(?:{body})?" if "" in node else body


# Every name, for credits and datelines (where even an ambiguous short name means the agency).
AGENCY = alternation(_CREDIT)
_WHOLE = re.compile(rf"(?:the\s+)?({AGENCY})(?:\s+news\s+agency)?", re.IGNORECASE)


def canonical_agency(name: str, *, credit: bool = False) -> str | None:
    """The canonical agency for a name as written ("Associated Press" -> "AP"), else None.

    With `credit` (the name stands in a dateline, byline or credit line) the ambiguous short names
    count too ("(PA)", "— AAP"); elsewhere "PA" or "Petra" is not taken for an agency.
    """
    names = _CREDIT if credit else _CANONICAL
    name = name.strip()
    if name in names:
        return names[name]
    m = _WHOLE.fullmatch(name)
    if m is None:
        return None
    # Case-insensitive only for spelled-out names: "ap" or "pa" in lower case are not agencies.
    found = m.group(1)
    for alias, canon in names.items():
        if alias.casefold() == found.casefold() and (len(alias) > 4 or alias == found):
            return canon
    return None


def agency_of_host(host: str | None) -> str | None:
    """The agency whose own site `host` is ("uk.reuters.com" -> "Reuters"), else None."""
    if not host:
        return None
    labels = host.lower().rstrip(".").split(".")
    for n in range(len(labels) - 1):
        agency = _HOSTS.get(".".join(labels[n:]))
        if agency:
            return agency
    return None
