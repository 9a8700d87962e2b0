"""`serve`: the write token is printed (and required) only when the server is not loopback-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI

from newsfuse.web import server


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[FastAPI, str, int]]:
    calls: list[tuple[FastAPI, str, int]] = []
    monkeypatch.setattr(server.uvicorn, "run", lambda app, host, port, **_: calls.append((app, host, port)))
    return calls


def test_loopback_serve_needs_no_token(store_path: Path, runs: list, capsys: pytest.CaptureFixture) -> None:
    server.serve(store_path, "127.0.0.1", 8123)
    (app, host, port), = runs
    assert (host, port) == ("127.0.0.1", 8123)
    assert app.state.writes.token is None
    assert capsys.readouterr().out == ""


def test_public_serve_prints_its_token(store_path: Path, runs: list, capsys: pytest.CaptureFixture) -> None:
    server.serve(store_path, "0.0.0.0", 8124)
    (app, _, _), = runs
    token = app.state.writes.token
    assert token and len(token) >= 20
    assert token in capsys.readouterr().out
