"""Small invented news corpora for the clustering tests (no text from ../shared).

Four events: the Crimson Front captures the town of Valmora (March 2021, reported in English and
French, one outlet spelling it "Valmorah"); government troops retake Valmora a year later (April
2022: the same place and actors, another event); a flood in Kessington (March 2021); a library
budget in Brenmoor.
"""

from __future__ import annotations

from newsfuse.model import Article

CAPTURE = [
    ("cap-1", "2021-03-07", "en", "Crimson Front fighters capture Valmora",
     "Fighters of the Crimson Front captured the hill town of Valmora on Sunday after two suicide car "
     "bombs hit army checkpoints, the Kessel Monitoring Group said. At least 40 soldiers were killed or "
     "wounded. Commander Dario Vance said the town's arms depots were seized."),
    ("cap-2", "2021-03-07", "en", "Valmora falls to the Crimson Front",
     "The Crimson Front seized Valmora on Sunday, taking its arms depots after two car bombs struck "
     "checkpoints. The Kessel Monitoring Group counted 40 soldiers killed or wounded; Dario Vance, the "
     "group's commander, called the town strategically important."),
    ("cap-3", "2021-03-08", "en", "Militants take hill town of Valmorah",
     "Militants of the Crimson Front overran Valmorah after car bombs hit army checkpoints, according to "
     "the Kessel Monitoring Group, which put casualties at 40. The capture brings the Front within 20 km "
     "of the northern highway."),
    ("cap-fr", "2021-03-08", "fr", "Le Front Crimson prend Valmora",
     "Les combattants du Front Crimson ont pris la ville de Valmora dimanche, après deux voitures piégées "
     "contre des postes de l'armée. Selon le Kessel Monitoring Group, 40 soldats ont été tués ou blessés. "
     "Le commandant Dario Vance a parlé d'une ville stratégique, à 20 km de la route du nord."),
]
RECAPTURE = [
    ("re-1", "2022-04-10", "en", "Army retakes Valmora",
     "Government troops retook Valmora from the Crimson Front on Sunday after a three-week siege, the "
     "defence ministry said. Soldiers raised the flag over the town hall as engineers cleared mines from "
     "the market."),
    ("re-2", "2022-04-10", "en", "Valmora back in government hands after siege",
     "After a three-week siege, government troops recaptured Valmora from the Crimson Front, the defence "
     "ministry announced. Engineers began clearing mines and the flag was raised over the town hall."),
    ("re-3", "2022-04-11", "en", "Crimson Front driven out of Valmora",
     "The defence ministry said government troops drove the Crimson Front out of Valmora on Sunday, ending "
     "a three-week siege. Mines were being cleared from the market near the town hall."),
]
FLOOD = [
    ("fl-1", "2021-03-09", "en", "Kessington harbour district flooded",
     "Flood waters rose through the harbour district of Kessington overnight, forcing 3,000 residents from "
     "their homes. Rescue boats worked along Canal Street as the river crested at 6.2 metres."),
    ("fl-2", "2021-03-09", "en", "River at record 6.2 metres in Kessington",
     "The river in Kessington crested at 6.2 metres, its highest since 1987, and some 3,000 residents left "
     "their homes. Boats ferried families from Canal Street in the harbour district."),
    ("fl-3", "2021-03-10", "en", "Kessington braces for more rain",
     "Residents of Kessington returned to flooded homes near Canal Street as forecasters warned of more "
     "rain. About 3,000 people spent the night in shelters after the river reached 6.2 metres."),
]
# The flood told in German: the first report shares little with the English ones but a name, the
# second the figures too, and the two share many German words, so they meet each other first.
FLOOD_DE = [
    ("fl-de-1", "2021-03-10", "de", "Hochwasser in Kessington",
     "Nach tagelangem Regen steht das Hafenviertel unter Wasser. Feuerwehr und Technisches Hilfswerk "
     "brachten Familien mit Booten in Sicherheit. Schulen und Kindergärten bleiben geschlossen. Der "
     "Bürgermeister sprach von der schwersten Überschwemmung seit Jahrzehnten und bat um Spenden für "
     "Notunterkünfte, Decken und Trinkwasser in Kessington."),
    ("fl-de-2", "2021-03-10", "de", "Schwerste Überschwemmung seit Jahrzehnten",
     "Feuerwehr und Technisches Hilfswerk holten Familien mit Booten aus dem Hafenviertel, das nach "
     "tagelangem Regen unter Wasser steht; rund 3.000 Bewohner verließen ihre Häuser an der Canal Street, "
     "der Fluss erreichte 6,2 Meter. Schulen und Kindergärten bleiben geschlossen; der Bürgermeister bat "
     "um Spenden für Notunterkünfte, Decken und Trinkwasser in Kessington."),
]
LIBRARY = [
    ("lib-1", None, "en", "Brenmoor approves library budget",
     "The Brenmoor council approved the library budget on Monday after a debate on opening hours and the "
     "cost of heating the central reading room."),
    ("lib-2", None, "en", "Longer opening hours for Brenmoor libraries",
     "Libraries in Brenmoor will open longer hours under the budget the council approved, which also covers "
     "heating for the central reading room."),
]
EVENTS = {"capture": CAPTURE, "recapture": RECAPTURE, "flood": FLOOD, "library": LIBRARY}


def article(row: tuple[str, str | None, str, str, str], *, dated: bool = True) -> Article:
    """An `Article` from a fixture row (id, published, lang, title, text)."""
    i, published, lang, title, text = row
    return Article(id=i, source=f"test:{i}", text=text, title=title, lang=lang,
                   published=published if dated else None)


def corpus(*, dated: bool = True) -> list[Article]:
    """Every fixture article."""
    return [article(row, dated=dated) for rows in EVENTS.values() for row in rows]


def gold() -> dict[str, str]:
    """Article id -> event name."""
    return {row[0]: name for name, rows in EVENTS.items() for row in rows}
