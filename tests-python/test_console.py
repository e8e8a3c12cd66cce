"""Progress as a user of `jupyter console` sees it. The console prints a display's
text/plain once and ignores update_display_data, so a progress bar there would stay
at its first percentage after the work ended. The harness is checked first against
ipykernel: an updated display shows its first state in the console."""
import os
import re
import shutil
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

JUPYTER = shutil.which("jupyter", path=os.path.dirname(sys.executable)) or shutil.which("jupyter")
PROMPT = re.compile(r"In \[(\d+)\]: ")


def console(kernel_name):
    child = pexpect.spawn(JUPYTER, ["console", f"--kernel={kernel_name}", "--simple-prompt"],
                          encoding="utf-8", timeout=90, dimensions=(50, 200),
                          env={**os.environ, "TERM": "dumb"})
    child.expect(PROMPT)
    return child


def run(child, code):
    """Sends one line and returns what the console printed before the next prompt,
    without the echo of the line itself."""
    child.sendline(code)
    child.expect(PROMPT)
    echoed, _, printed = child.before.replace("\r", "").partition("\n")
    assert echoed.strip() == code
    return printed


def close(child):
    child.sendeof()
    if child.expect([pexpect.EOF, r"really want to exit"], timeout=30) == 1:
        child.sendline("y")
        child.expect(pexpect.EOF, timeout=30)


def test_harness_console_shows_the_first_state_of_an_updated_display():
    child = console("python3")
    try:
        out = run(child, "h = display('first-state', display_id=True); h.update('final-state')")
        assert "first-state" in out and "final-state" not in out
    finally:
        close(child)


def test_progress_in_the_console_never_shows_a_stale_percentage():
    child = console("solvable")
    try:
        out = run(child, "simulate(icl(d=16, tau=2), trials=2, tests=100, seed=1)")
        lines = [line for line in out.splitlines() if "simulate icl" in line]
        assert lines, out
        # The one line the console prints names the work; no frozen "3%" remains.
        assert re.search(r"simulate icl: running, \d+ steps", lines[0]), lines
        assert not re.search(r"\b\d{1,2}%", out), out
        assert "Out[" in out  # the result follows
    finally:
        close(child)
