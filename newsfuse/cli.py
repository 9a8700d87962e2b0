"""The `newsfuse` command: parses arguments, calls `api`, prints.

Exit status: 0 on success, 1 when some inputs were skipped (each reported on stderr with its
reason, the rest processed) or an operation failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

from newsfuse import __version__, api
from newsfuse.engines import ENGINES, make_engine
from newsfuse.engines.local import LocalEngine
from newsfuse.errors import NewsfuseError, UsageError
from newsfuse.model import Skipped

T = TypeVar("T")

DESCRIPTION = """\
newsfuse turns many outlets' reports of the same news into one cited story.

Inputs are files (.txt, .html, .jsonl/.json, .csv, .warc/.warc.gz, RSS/Atom feeds, Multi-News
files, and .gz of any of them), directories, globs, http(s) URLs, or - for standard input.
"""


class Console:
    """Writes skip reports and progress to stderr; progress bars only on a terminal."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.skipped: list[Skipped] = []

    def skip(self, item: Skipped) -> None:
        self.skipped.append(item)
        print(f"newsfuse: skipped {item.source}: {item.reason}", file=sys.stderr)

    def stored(self, count: int) -> None:
        if not self.quiet:
            print(f"newsfuse: {count} articles stored so far", file=sys.stderr, flush=True)

    def track(self, items: Iterable[T], label: str, total: int | None) -> Iterable[T]:
        if self.quiet or not sys.stderr.isatty() or (total is not None and total < 50):
            return items
        from rich.console import Console as RichConsole
        from rich.progress import track

        return track(items, description=label, total=total, console=RichConsole(stderr=True), transient=True)


def _engine(args: argparse.Namespace, out: Console) -> LocalEngine:
    return make_engine(args.engine, address=args.ray_address, track=out.track)


def _inputs(args: argparse.Namespace) -> list[str]:
    if not args.inputs:
        raise UsageError(f"{args.command}: give at least one input (a file, directory, glob, URL or -)")
    return list(args.inputs)


def _write_json(doc: object) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def cmd_extract(args: argparse.Namespace, out: Console) -> None:
    batch = api.extract(_inputs(args), engine=_engine(args, out), allow_private=args.allow_private,
                        stdin=sys.stdin.buffer, on_skip=out.skip)
    for article in batch.articles:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


def cmd_ingest(args: argparse.Namespace, out: Console) -> None:
    result = api.ingest(_inputs(args), args.db, engine=_engine(args, out),
                        allow_private=args.allow_private, stdin=sys.stdin.buffer, on_skip=out.skip,
                        on_stored=out.stored)
    print(f"{result.added} articles added, {result.existing} already stored, "
          f"{len(result.skipped)} inputs skipped ({args.db})", file=sys.stderr)


def cmd_cluster(args: argparse.Namespace, out: Console) -> None:
    engine = _engine(args, out)
    if args.db and args.inputs:
        api.ingest(args.inputs, args.db, engine=engine, allow_private=args.allow_private,
                   stdin=sys.stdin.buffer, on_skip=out.skip)
    if args.db:
        stories = api.cluster_store(args.db, engine=engine)
    else:
        batch = api.extract(_inputs(args), engine=engine, allow_private=args.allow_private,
                            stdin=sys.stdin.buffer, on_skip=out.skip)
        stories = api.cluster_articles(batch.articles, engine=engine)
    if args.json:
        _write_json({"stories": [s.to_dict() for s in stories]})
        return
    for story in stories:
        print(f"{story.id}  {len(story.articles):>4} articles  {story.title}")


def cmd_brief(args: argparse.Namespace, out: Console) -> None:
    engine = _engine(args, out)
    if args.db:
        if args.inputs:
            api.ingest(args.inputs, args.db, engine=engine, allow_private=args.allow_private,
                       stdin=sys.stdin.buffer, on_skip=out.skip)
        doc = api.brief_store(args.db, words=args.words, engine=engine)
    else:
        batch = api.extract(_inputs(args), engine=engine, allow_private=args.allow_private,
                            stdin=sys.stdin.buffer, on_skip=out.skip)
        stories = api.cluster_articles(batch.articles, engine=engine)
        doc = api.brief_documents(batch.articles, stories, words=args.words, engine=engine)
    if args.json:
        _write_json(doc)
        return
    from newsfuse.terminal import render_brief

    render_brief(doc)


def cmd_serve(args: argparse.Namespace, out: Console) -> None:
    from newsfuse.web import serve

    serve(args.db, args.host, args.port)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand (also used to print `--help`)."""
    parser = argparse.ArgumentParser(prog="newsfuse", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_: str, inputs: str = "*") -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("inputs", nargs=inputs, metavar="INPUT", help="files, directories, globs, URLs or -")
        p.add_argument("--allow-private", action="store_true",
                       help="allow URLs that resolve to loopback, private or link-local addresses")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
        p.add_argument("--engine", choices=ENGINES, default="local",
                       help="local: in this process (default); ray: on Ray (needs the ray extra)")
        p.add_argument("--ray-address", metavar="ADDRESS",
                       help="Ray cluster to join with --engine ray (default: start a local Ray)")
        return p

    command("extract", "Read and clean the inputs; print one JSON article per line.", "+")
    p = command("ingest", "Add the inputs' articles to a store (idempotent).", "+")
    p.add_argument("--db", required=True, help="DuckDB store file (created if missing)")
    p = command("cluster", "Group articles into stories (inputs, or what --db holds).")
    p.add_argument("--json", action="store_true", help='print {"stories": [...]} as JSON')
    p.add_argument("--db", help="cluster the store's articles (adding the inputs first, if any)")
    p = command("brief", "Cluster, then write each story's cited brief, claims and discrepancies.")
    p.add_argument("--json", action="store_true", help="print the JSON contract document")
    p.add_argument("--words", type=_positive, default=200, help="cap on each brief's length (default 200)")
    p.add_argument("--db", help="brief the store's stories (adding the inputs first, if any)")
    p = sub.add_parser("serve", help="Serve a store's stories: web UI and JSON API.",
                       description="Serve a store's stories: web UI at / and JSON API under /api/. "
                       "Bound to a non-loopback host, write endpoints need the token printed at start.")
    p.add_argument("--db", required=True, help="DuckDB store file made by ingest/cluster/brief")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_positive, default=8000, help="port (default 8000)")
    p.set_defaults(quiet=True)
    return parser


COMMANDS = {"extract": cmd_extract, "ingest": cmd_ingest, "cluster": cmd_cluster, "brief": cmd_brief,
            "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns (and exits with) the status of the contract."""
    args = build_parser().parse_args(argv)
    out = Console(quiet=args.quiet)
    try:
        COMMANDS[args.command](args, out)
    except NewsfuseError as err:
        print(f"newsfuse: error: {err}", file=sys.stderr)
        return err.exit_status
    except KeyboardInterrupt:
        print("newsfuse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of stdout went away (`| head`): stop quietly, as the Python docs advise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 1 if out.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
