"""Readable terminal rendering (rich) of a `brief --json` document, for `newsfuse brief`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

JSON = dict[str, Any]


def _outlet_names(doc: JSON) -> dict[str, str]:
    return {a["id"]: a.get("outlet") or a.get("source") or a["id"] for a in doc.get("articles", [])}


def _markers(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def _brief(console: Console, story: JSON, numbers: dict[str, int]) -> None:
    for sentence in story.get("brief", {}).get("sentences", []):
        cited = [c["article"] for c in sentence.get("citations", [])]
        support = [i for i in sentence.get("support", []) if i not in cited]
        console.print(f"  {escape(sentence['text'])} [cyan]{_markers(cited + support, numbers)}[/cyan]")


def _claims(console: Console, story: JSON, numbers: dict[str, int]) -> None:
    consensus = [c for c in story.get("claims", []) if len(c.get("support", [])) >= 2]
    if not consensus:
        return
    table = Table(title="What the outlets agree on", show_lines=False, expand=True)
    table.add_column("claim", ratio=5)
    table.add_column("stated by", ratio=1)
    for claim in consensus[:10]:
        table.add_row(escape(claim["text"]), _markers(claim["support"], numbers))
    console.print(table)


def _discrepancies(console: Console, story: JSON, numbers: dict[str, int]) -> None:
    items = story.get("discrepancies", [])
    if not items:
        return
    table = Table(title="Where they disagree", expand=True)
    table.add_column("about", ratio=2)
    table.add_column("value", ratio=3)
    table.add_column("outlets", ratio=1)
    for item in items:
        for k, value in enumerate(item.get("values", [])):
            table.add_row(escape(item.get("about", "")) if k == 0 else "", escape(value.get("text", "")),
                          _markers(value.get("articles", []), numbers))
    console.print(table)


def _unique(console: Console, story: JSON, numbers: dict[str, int], outlets: dict[str, str]) -> None:
    unique = story.get("unique", {})
    if not unique:
        return
    console.print("[bold]Only one outlet reports[/bold]")
    for article, facts in unique.items():
        console.print(f"  [cyan][{numbers.get(article, '?')}][/cyan] {escape(outlets.get(article, article))}")
        for fact in facts[:3]:
            console.print(f"      - {escape(fact)}")


def _event(console: Console, story: JSON) -> None:
    event = story.get("event")
    if not event:
        return
    parts = [f"{k}: {escape(str(v))}" for k, v in event.items() if v and k != "evidence"]
    console.print("[bold]Event[/bold]  " + "; ".join(parts))


def render_brief(doc: JSON, console: Console | None = None) -> None:
    """Print every story: its brief with citation markers, consensus, discrepancies, unique facts."""
    console = console or Console()
    outlets = _outlet_names(doc)
    for story in doc.get("stories", []):
        numbers = {a: k for k, a in enumerate(story.get("articles", []), start=1)}
        console.rule(f"[bold]{escape(story.get('title') or story['id'])}[/bold]")
        _brief(console, story, numbers)
        _event(console, story)
        _claims(console, story, numbers)
        _discrepancies(console, story, numbers)
        _unique(console, story, numbers, outlets)
        sources = ", ".join(f"[{n}] {escape(outlets.get(a, a))}" for a, n in numbers.items())
        console.print(f"[dim]Sources: {sources}[/dim]\n")
