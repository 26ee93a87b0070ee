"""Stopping and starting `make run` as a process manager would: SIGTERM, and --keep across restarts."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import boto3

from local.aws import free_port
from local.stack import wait_until_up
from tests.e2e.conftest import ROOT, Http, aanmelding_nu

EVIDES = "demo-schuldeiser-evides"


@contextmanager
def lokaal(map: Path, *args: str) -> Iterator[tuple[Http, subprocess.Popen[str]]]:
    """`python -m local` in its own working directory (where --keep saves its state)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'layers' / 'common'}:{ROOT}"}
    for naam in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "WARMDOOR_KEEP"):
        env.pop(naam, None)
    proces = subprocess.Popen(
        [sys.executable, "-m", "local", "--port", str(port), *args],
        cwd=map,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}")
        yield Http(f"http://127.0.0.1:{port}"), proces
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.communicate()


def stop_met_sigterm(proces: subprocess.Popen[str]) -> str:
    proces.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    if proces.poll() is None:
        proces.send_signal(signal.SIGTERM)  # a process group signalled by make and by a process manager
    uitvoer, _ = proces.communicate(timeout=60)
    assert proces.returncode == 0, uitvoer
    assert uitvoer.rstrip().endswith("Gestopt."), uitvoer
    return uitvoer


def schedules(http: Http) -> set[str]:
    aws = http.get("/_local/aws")[2]
    scheduler = boto3.client(
        "scheduler",
        endpoint_url=aws["endpoint"],
        region_name=aws["region"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    groepen = scheduler.list_schedule_groups()["ScheduleGroups"]
    return {s["Name"] for g in groepen for s in scheduler.list_schedules(GroupName=g["Name"])["Schedules"]}


def test_sigterm_stops_cleanly_and_keep_restores_referrals_timers_and_clock(tmp_path):
    with lokaal(tmp_path, "--keep") as (http, proces):
        d = Http(http.base, EVIDES).post("/v1/doorverwijzingen", aanmelding_nu(http, "KEEP-1"))[2]
        assert http.post("/_local/clock", {"advance": "PT2H"})[0] == 200
        timers = {f"contacttermijn-{d['id']}", f"incassostop-{d['id']}"}
        assert timers <= schedules(http)
        stop_met_sigterm(proces)
    assert json.loads((tmp_path / ".local-state" / "tables.json").read_text())["clockOffsetSeconds"] >= 7200

    with lokaal(tmp_path, "--keep") as (http, proces):
        assert timers <= schedules(http)  # so a restart changes no deadline
        assert Http(http.base, EVIDES).get(f"/v1/doorverwijzingen/{d['id']}")[0] == 200
        assert http.get("/_local/clock")[2]["now"] >= d["aangemeldOp"]
        stop_met_sigterm(proces)


def test_a_saved_clock_out_of_range_does_not_stop_the_next_start(tmp_path):
    (tmp_path / ".local-state").mkdir()
    staat = {"clockOffsetSeconds": 1e300, "tables": {}, "schedules": []}
    (tmp_path / ".local-state" / "tables.json").write_text(json.dumps(staat))
    with lokaal(tmp_path, "--keep") as (http, proces):
        assert http.get("/_local/clock")[0] == 200
        stop_met_sigterm(proces)


def test_the_access_log_cannot_be_given_forged_lines(tmp_path):
    with lokaal(tmp_path) as (http, proces):
        http.get("/v1/onbekend%0d%0aGET%20/v1/vervalst%20-%3E%20200")
        uitvoer = stop_met_sigterm(proces)
    assert "/v1/onbekend%0D%0AGET%20/v1/vervalst" in uitvoer
    assert not any(regel.startswith("GET /v1/vervalst") for regel in uitvoer.splitlines())
