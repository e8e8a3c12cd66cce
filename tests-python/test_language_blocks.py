"""A `def` typed line by line, as `jupyter console` sends it (and through a real
`jupyter console` on a pseudo-terminal): after each Enter the
console asks is_complete with the whole buffer and, while the answer is `incomplete`,
opens a new line with the indent the kernel suggests; an empty line ends the block.
Then the cell runs, and the function answers, knows its docstring, and completes."""
import os
import sys

import pexpect
import pytest
from jupyter_client.manager import KernelManager


@pytest.fixture()
def kc():
    km = KernelManager(kernel_name="solvable")
    km.start_kernel()
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=30)
    yield client
    client.stop_channels()
    km.shutdown_kernel(now=True)


def is_complete(kc, code):
    kc.is_complete(code)
    reply = kc.get_shell_msg(timeout=10)["content"]
    return reply["status"], reply.get("indent", "")


def type_lines(kc, lines):
    """What the console does on each Enter: the buffer so far, the kernel's answer."""
    buffer, answers = "", []
    for line in lines:
        buffer = line if not buffer else buffer + "\n" + line
        status, indent = is_complete(kc, buffer)
        answers.append((status, indent))
        if status != "incomplete":
            break
    return buffer, answers


def test_def_is_continued_until_a_blank_line_then_runs(kc):
    buffer, answers = type_lines(kc, [
        "def f(x, k=2):",
        '    """Scales x by k."""',
        "    if x > 0:",
        "        return k * x",
        "    return 0",
        "    ",
    ])
    assert answers == [
        ("incomplete", "    "),
        ("incomplete", "    "),
        ("incomplete", "        "),
        ("incomplete", "        "),
        ("incomplete", "    "),
        ("complete", ""),
    ]
    results = []
    reply = kc.execute_interactive(buffer + "\n[f(v) for v in [-1, 3]]", timeout=30, output_hook=results.append)
    assert reply["content"]["status"] == "ok"
    shown = [m["content"]["data"]["text/plain"] for m in results if m["msg_type"] == "execute_result"]
    assert shown == ["[0, 6]"]
    kc.inspect("f(", 2)
    inspected = kc.get_shell_msg(timeout=10)["content"]
    assert inspected["found"] and inspected["data"]["text/plain"].startswith("f(x, k=2)\n\nScales x by k.")
    kc.complete("f(1, ", 5)
    assert "k" in kc.get_shell_msg(timeout=10)["content"]["matches"]


def test_unsupported_statements_are_reported_at_once(kc):
    assert is_complete(kc, "for x in [1, 2]:") == ("invalid", "")
    reply = kc.execute_interactive("for x in [1, 2]:\n    print(x)", timeout=30)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"] == "'for' statements are not supported; use a list comprehension [... for x in xs]"


def test_a_real_jupyter_console_continues_a_def_and_runs_it():
    """The same through `jupyter console` on a pseudo-terminal: after `def f(x):` the
    console shows its continuation prompt and indents the body by the kernel's 4 spaces
    (so the body line is typed without indentation); an empty line runs the cell."""
    env = dict(os.environ, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1")
    jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
    child = pexpect.spawn(jupyter, ["console", "--kernel", "solvable"], encoding="utf-8",
                          timeout=30, env=env, dimensions=(40, 200))
    try:
        child.expect(r"In \[")
        child.send("def f(x):\r")
        child.expect(r"\.\.\.:")
        child.send("return x + 1\r")
        child.expect(r"\.\.\.:")
        child.send("\r")
        child.expect(r"In \[")
        child.expect("2")
        child.send("f(41)\r")
        child.expect(r"Out\[")
        child.expect("42")
    finally:
        child.sendcontrol("d")
        child.close(force=True)
