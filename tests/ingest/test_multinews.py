"""Multi-News source files: `|||||` separates articles, `NEWLINE_CHAR` is a newline."""

from __future__ import annotations

from pathlib import Path

from .helpers import read_all

EXAMPLE_1 = "First article. NEWLINE_CHAR NEWLINE_CHAR Its second paragraph. ||||| Second article. |||||  "
EXAMPLE_2 = "Another event, first report. ||||| Another event, second report."


def test_src_file_one_example_per_line(tmp_path: Path) -> None:
    path = tmp_path / "train.src"
    path.write_text(f"{EXAMPLE_1}\n{EXAMPLE_2}\n", encoding="utf-8")
    docs, skipped = read_all([str(path)])
    assert skipped == []
    assert [d.source for d in docs] == [f"{path}:1#1", f"{path}:1#2", f"{path}:2#1", f"{path}:2#2"]
    assert docs[0].content == "First article. \n \n Its second paragraph."
    assert all(d.kind == "text" for d in docs)


def test_txt_with_separators_is_one_example(tmp_path: Path) -> None:
    path = tmp_path / "cluster.txt"
    path.write_text("Report one.\nMore of one.\n|||||\nReport two.\n", encoding="utf-8")
    docs, skipped = read_all([str(path)])
    assert skipped == []
    assert [(d.source, d.content) for d in docs] == [
        (f"{path}#1", "Report one.\nMore of one."), (f"{path}#2", "Report two.")]


def test_stdin_multinews_is_sniffed() -> None:
    import io

    docs, skipped = read_all(["-"], stdin=io.BytesIO(EXAMPLE_2.encode()))
    assert skipped == [] and [d.source for d in docs] == ["-#1", "-#2"]
