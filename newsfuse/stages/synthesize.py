"""Per-story synthesis: align the articles' sentences into claims, reconcile them, write the brief.

`synthesize` is pure and deterministic: the same story and analysed articles give the same
`StorySynthesis`, whatever engine runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model import AnalyzedArticle, Story, StorySynthesis
from newsfuse.stages.align import align
from newsfuse.stages.brief import write_brief
from newsfuse.stages.reconcile import find_discrepancies, unique_facts


def synthesize(story: Story, articles: Sequence[AnalyzedArticle], *, words: int = 200) -> StorySynthesis:
    """The claims, discrepancies, unique facts and cited brief (at most `words` words) of a story.

    `articles` are the story's analysed articles; they are taken in the story's order (articles
    the story does not list are ignored), so that ids and rankings do not depend on the caller.
    """
    rank = {a: k for k, a in enumerate(story.articles)}
    members = sorted((a for a in articles if a.article.id in rank), key=lambda a: rank[a.article.id])
    alignment = align(members)
    discrepancies = find_discrepancies(alignment, members)
    return StorySynthesis(
        story=story.id,
        brief=write_brief(alignment, discrepancies, titles=[a.article.title or "" for a in members],
                          words=words),
        claims=alignment.claims,
        discrepancies=discrepancies,
        unique=unique_facts(alignment),
    )
