"""Page boilerplate at line level: which lines of a text are page chrome, and why.

Rules are shapes, not sentences: imperative calls to action ("Sign up for ...", "Find X on your
TV"), comment-form prompts, credit shapes ("Name / Agency / Getty Images", "(AP Photo/...)"),
breadcrumbs, copyright notices.  Each rule has a word cap so that a long news sentence that happens
to share a phrase is never taken.  Context rules then catch what a single line cannot show: the
short headline links under a "Related" header, a line repeating one already removed, a sentence-less
photo caption inside the body, and page chrome learned from the outlet's other pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.stages.clean.lines import (
    Line,
    capitalized_share,
    ends_sentence,
    is_label,
    is_prose,
    normalize,
    words,
)
from newsfuse.stages.clean.published import DATE_LINE


@dataclass(frozen=True)
class Rule:
    """Lines matching `pattern` (searched, case-insensitive) with at most `max_words` are `reason`."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int


def _rule(reason: str, pattern: str, max_words: int = 25, flags: int = re.IGNORECASE) -> Rule:
    return Rule(reason, re.compile(pattern, flags), max_words)


_SOCIAL = r"(?:twitter|facebook|instagram|linkedin|threads|youtube|tiktok|x)"
_PHOTO_WORD = r"(?:photo(?:graph)?s?|pictures?|images?|foto|credit|illustration|screenshot|handout)"
_CREDIT_SOURCE = (
    r"(?:getty(?: images)?|afp|ap|reuters|epa(?:-efe)?|shutterstock|alamy|anadolu(?: agency)?|xinhua"
    r"|upi|pa(?: images| wire)?|sipa|bloomberg|dpa|nurphoto|sopa images|lightrocket|corbis|istock"
    r"|associated press|aap|ansa|tass|sputnik|youtube|pool|file|handout)"
)

RULES: tuple[Rule, ...] = (
    # --- credits and captions
    _rule("photo-credit", rf"^\(?\s*{_PHOTO_WORD}(?:\s+credit)?\s*(?::|by\b|courtesy\b|/)", 15),
    _rule("photo-credit", rf"^\(?\s*{_CREDIT_SOURCE}\s*{_PHOTO_WORD}?\s*/\s*[^/.!?]+\)?$", 10),
    _rule("photo-credit", rf"^\(?\s*{_CREDIT_SOURCE}(?:\s+{_PHOTO_WORD})?\s*\)?$", 4),
    _rule("caption", rf"\b{_PHOTO_WORD}\s*(?:by|:|courtesy of)\s*[^.!?]{{2,60}}\)?\s*[|]?$", 80),
    _rule("caption", rf"\(\s*{_CREDIT_SOURCE}\s*{_PHOTO_WORD}\s*/?[^()]*\)\s*$", 80),
    _rule("caption", rf"\w.*[—–-]\s*(?:{_CREDIT_SOURCE}(?:\s+{_PHOTO_WORD})?|{_PHOTO_WORD})\s*\|\s*$", 80),
    _rule("caption", r"/\s*getty images\s*\)?$", 80),
    _rule("caption", r"\w.*©\s*[A-Za-z][A-Za-z .&/-]{1,40}$", 60),
    # a credit glued to the caption by the page's markup: "... with the trophyReuters"
    _rule("caption", r"[a-z](?:Reuters|REUTERS|AFP|Getty Images|AP Photo|EPA|Xinhua)\)?$", 80, 0),
    # --- comment forms
    _rule("comment", r"^(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\b", 8),
    _rule("comment", r"^(?:\d+|no)?\s*(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?$", 4),
    _rule("comment", r"\byour email address will not be published\b", 20),
    _rule("comment", r"^required fields are marked\b", 10),
    _rule("comment", r"^please (?:enter|type|leave) your (?:comment|name|e-?mail)", 10),
    _rule(
        "comment", r"^(?:tell us what you think|join the (?:conversation|discussion)|comments are closed)", 10
    ),
    _rule("comment", r"^(?:view|show|read|load|see|hide)(?: all)?(?: \d+)? comments\b", 8),
    _rule("comment", r"^(?:be the first to comment|you must be logged in to (?:post a )?comment)", 12),
    _rule("comment", r"^(?:log ?in|sign in|register) to (?:comment|reply|post)", 10),
    # --- newsletters and sign-ups
    _rule("newsletter", r"\bsign[ -]?up\b.*\bnewsletters?\b|\bnewsletters?\b.*\bsign[ -]?up\b", 45),
    _rule(
        "newsletter",
        r"^(?:sign[ -]?up|subscribe|register|join)\b.*\b(?:e-?mails?|inbox|updates|alerts)\b",
        30,
    ),
    _rule(
        "newsletter", r"^get (?:our |the )?(?:[\w-]+ ){0,3}(?:e-?mails?|newsletters?|updates|alerts)\b", 20
    ),
    _rule("newsletter", r"\b(?:delivered|straight|direct(?:ly)?) to your inbox\b", 30),
    _rule("newsletter", r"^[^.!?]{0,40}\bnewsletters?$", 6),
    # --- related content
    _rule(
        "related",
        r"^(?:related(?: (?:news|stories|articles|content|coverage|posts|topics|links|reading|videos?))?"
        r"|more (?:on|about) this(?: story| topic)?|recommended(?: for you| reading| stories)?"
        r"|you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed|shared)"
        r"|trending(?: now| stories)?|top stories|more (?:stories|news|headlines|videos)"
        r"|latest (?:news|stories|headlines)|further reading|editor'?s picks|popular (?:stories|posts)"
        r"|what to read next)(?:\s*[:\-–—.!]+|\s*$)",
        20,
    ),
    _rule(
        "related",
        r"^(?:read more|read next|read also|also read|see also|see more|don'?t miss|also on [\w.-]+"
        r"|also know)\b(?:\s*[:\-–—.!]+|\s*$|\s+(?=[A-Z\"“‘']))",
        20,
    ),
    _rule("related", r"\w.*\[[A-Z][A-Z ]{2,15}\]\s*\|?$", 20, 0),
    # --- promotion
    _rule("promo", r"^find .{1,60} on (?:your )?tv\b", 15),
    _rule("promo", r"^watch(?: now| live| more| full)?\s*[:\-–—]", 15),
    _rule("promo", r"^watch (?:the |our |this |more |full |live )?(?:video|clip|episode|stream)s?\b", 15),
    _rule("promo", r"^(?:download|get|install) (?:our|the) .{0,40}\bapps?\b", 20),
    _rule("promo", r"\b(?:click|tap) here\b", 25),
    _rule("promo", r"^(?:subscribe(?: now| today)?|become a (?:member|subscriber|patron))\b", 20),
    _rule(
        "promo", r"^(?:advertisement|advertising|sponsored(?: content| stories)?|promoted(?: stories)?)$", 3
    ),
    _rule("promo", r"^get (?:unlimited |full |exclusive )?access to\b", 40),
    _rule("promo", r"^get .{1,60} delivered\b", 30),
    _rule("promo", r"^continue reading\b", 10),
    _rule("promo", r"^listen(?: to this| now)?\s*[:\-–—]|^listen (?:to|live|back|now)\b", 20),
    # --- sharing and following
    _rule(
        "share",
        r"^share(?:\s+(?:this|the|it))?(?:\s+(?:article|story|post|page|link))?\s*(?:[:!]|$|\s+(?:on|via|with)\b)",
        10,
    ),
    _rule(
        "share", r"\bshare (?:it|this|the story|this story|this article) with (?:a friend|your friends)\b", 15
    ),
    _rule("share", r"^follow (?:us|him|her|them|me)\b|^like us on\b", 20),
    _rule("share", rf"\bfollow (?:us|him|her|them|me) on {_SOCIAL}\b", 45),
    _rule("share", rf"^follow\b.{{0,60}}\bon {_SOCIAL}\b", 25),
    _rule(
        "share",
        r"^(?:(?:tweet|e-?mail|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|copy link"
        r"|messenger|flipboard|share)\s*[|,/·•]?\s*){2,}$",
        12,
    ),
    # --- legal
    _rule(
        "copyright", r"^\(?\s*(?:©|\(c\)|ⓒ|copyright\s*(?:©|\(c\)|\d{4}|by\b)|copyright\b.{0,40}\d{4})", 30
    ),
    _rule("copyright", r"\ball rights reserved\b", 25),
    _rule("copyright", r"^(?:this|the) (?:material|article|story) may not be (?:published|broadcast)", 30),
    # --- credits: Reuters-style reporting and editing lines
    _rule(
        "credit",
        r"^\(\s*(?:additional )?(?:reporting|writing|editing)\s+by\b"
        r"|^(?:additional )?(?:reporting|writing)\s+by\b.*(?:;|\bediting by\b)",
        60,
    ),
    # --- navigation and page metadata
    _rule("navigation", r"^(?:home|start|index)\s*[>»›|/]", 20),
    _rule("navigation", r"^[^.!?>»›]{1,40}(?:\s*[>»›]\s*[^.!?>»›]{1,40}){2,}$", 20),
    _rule(
        "navigation",
        r"^(?:back to top|skip to (?:main )?content|show (?:more|less)|load more|next (?:article|story|post)"
        r"|previous (?:article|story|post)|menu|close|search|home|top)\b",
        4,
    ),
    _rule("navigation", r"^back to (?:the )?[\w ]{0,40}$", 6),
    _rule(
        "metadata",
        r"^\(?\s*(?:published|updated|posted|last updated|first published|modified)\b.{0,60}\d",
        14,
    ),
    _rule("metadata", r"^\d+\s*(?:min(?:ute)?s?|hours?)\s*read$", 4),
    Rule("metadata", DATE_LINE, 14),
    # server errors printed into the page ("Notice: Undefined index ... in /var/www/x.php on line 3")
    _rule("markup", r"^(?:notice|warning|deprecated|fatal error|parse error)\s*:.*\bin /\S+", 60),
)

BODY_WORDS = 15
_INNER_SENTENCE_END = re.compile(r"[a-z)][.!?][\"'”’]?\s+[A-Z]")
_BULLET = re.compile(r"^[-–—•*·▪►]\s")


_SOURCE_PART = re.compile(rf"(?:.*\s)?(?:{_CREDIT_SOURCE}|agency|{_PHOTO_WORD})", re.IGNORECASE)
_SHORTCODE = re.compile(r"\[/?\w+(?:\s+[\w-]+=[^\]]*)*\]")


def _slash_credit(line: str) -> bool:
    """A credit like "Name / Agency / Getty Images": 2-5 short capitalised parts split by slashes,
    one of them a photo source or photo word."""
    parts = [p.strip(" ()") for p in line.split("/")]
    if not 2 <= len(parts) <= 5 or len(words(line)) > 12 or ends_sentence(line):
        return False
    if not all(p and len(words(p)) <= 5 and p[:1].isupper() for p in parts):
        return False
    return any(_SOURCE_PART.fullmatch(p) for p in parts)


def _shortcode_only(line: str) -> bool:
    """A line of WordPress shortcodes ("[button link=...]Send us ...[/button]") with no sentence
    left once they are taken out (a sentence glued to a shortcode stays)."""
    if not _SHORTCODE.search(line):
        return False
    rest = _SHORTCODE.sub(" ", line)
    return not is_prose(rest) and len(words(rest)) < 12 and bool(re.search(r"\[/\w+\]|\w=", line))


def match_rule(line: str) -> str | None:
    """The reason of the first rule `line` matches, or None."""
    if _slash_credit(line):
        return "photo-credit"
    if _shortcode_only(line):
        return "markup"
    n = len(words(line))
    for rule in RULES:
        if n <= rule.max_words and rule.pattern.search(line):
            return rule.reason
    return None


def _is_section_header(line: str, reason: str | None) -> bool:
    """A related-content header alone on its line ("Related News", "Read more:", "DON'T MISS")."""
    return reason == "related" and len(words(line)) <= 4 and not line.rstrip().endswith(("]", ".", "!", "?"))


def _caption_shape(text: str) -> bool:
    """A photo caption: 10+ words in sentence case with no final punctuation, one sentence, no colon
    (subheads are short or "Title: speaker")."""
    return (
        10 <= len(words(text)) <= 35
        and not ends_sentence(text)
        and not text.endswith((",", ";", ":"))
        and ":" not in text
        and not _INNER_SENTENCE_END.search(text)
        and not _BULLET.match(text)
        and text[:1].isupper()
        and capitalized_share(text) < 0.5
    )


def classify(
    lines: Sequence[Line], is_repeated: Callable[[str], bool] = lambda _: False, *, captions: bool = True
) -> list[str | None]:
    """The removal reason of each line (None: keep), from the rules and the line's context.

    `captions` enables the caption-shape rule, for text without markup (an HTML extractor already
    knows a figure caption from its markup, and prose-less lines there are lists and subheads).
    """
    reasons: list[str | None] = [match_rule(x.text) for x in lines]
    # A caption sits inside the body: after a paragraph-length line, before the last sentence.
    prose = [i for i, x in enumerate(lines) if is_prose(x.text) and reasons[i] is None]
    paragraphs = [i for i, x in enumerate(lines) if len(words(x.text)) >= BODY_WORDS and reasons[i] is None]
    first_body = paragraphs[0] if paragraphs else len(lines)
    last_prose = prose[-1] if prose else -1
    block_size = Counter(x.block for x in lines)
    removed_keys: dict[str, str] = {}
    in_related = False
    for i, line in enumerate(lines):
        reason = reasons[i]
        if reason is None:
            key = normalize(line.text)
            if key in removed_keys:
                reason = removed_keys[key]
            elif in_related and is_label(line.text):
                reason = "related"
            elif is_label(line.text) and is_repeated(line.text):
                reason = "repeated"
            elif (
                captions
                and first_body < i < last_prose
                and block_size[line.block] == 1
                and _caption_shape(line.text)
            ):
                reason = "caption"
        if reason is not None:
            in_related = _is_section_header(line.text, reason) or (in_related and reason == "related")
            removed_keys.setdefault(normalize(line.text), reason)
        elif not is_label(line.text):
            in_related = False
        reasons[i] = reason
    return reasons
