"""An interrupt_request (the kernelspec's interrupt_mode is "message") or a SIGINT
stops a long computation: the execute reply says Interrupted within a second, the
requests queued behind it are aborted (stop_on_error), and the kernel goes on working."""
import os
import signal
import time

import pytest

from kernel_harness import running

# A simulation that takes minutes uninterrupted (the ICL model checks for
# interrupts every 512 pretraining contexts).
LONG = "limits(seconds=3600, cell=true)\nsimulate(icl(d=64, tau=4), trials=10, tests=1000, seed=1)"


@pytest.fixture()
def kernel():
    with running("solvable") as (km, kc):
        yield km, kc


def reply_to(kc, msg_id, timeout):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"]["msg_id"] == msg_id:
            return reply


def start_long_cell(kc):
    msg_id = kc.execute(LONG)
    time.sleep(1.0)
    assert kc.shell_channel.msg_ready() is False, "the computation ended before it could be interrupted"
    return msg_id


def test_interrupt_request_stops_a_long_computation_within_a_second(kernel):
    km, kc = kernel
    msg_id = start_long_cell(kc)
    start = time.monotonic()
    km.interrupt_kernel()  # interrupt_mode "message": interrupt_request on control
    reply = reply_to(kc, msg_id, timeout=5)
    elapsed = time.monotonic() - start
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert elapsed < 1.0, f"interrupt took {elapsed:.2f} s"

    after = kc.execute("6 * 7")
    assert reply_to(kc, after, timeout=10)["content"]["status"] == "ok"


def test_sigint_also_interrupts(kernel):
    km, kc = kernel
    msg_id = start_long_cell(kc)
    start = time.monotonic()
    os.kill(km.provisioner.pid, signal.SIGINT)
    reply = reply_to(kc, msg_id, timeout=5)
    assert reply["content"]["ename"] == "Interrupted"
    assert time.monotonic() - start < 1.0
    after = kc.execute("1 + 1")
    assert reply_to(kc, after, timeout=10)["content"]["status"] == "ok"


def test_requests_queued_behind_a_failed_cell_are_aborted(kernel):
    km, kc = kernel
    first = start_long_cell(kc)
    queued = [kc.execute("6 * 7"), kc.execute('print("never")')]
    time.sleep(0.2)
    km.interrupt_kernel()
    assert reply_to(kc, first, timeout=5)["content"]["ename"] == "Interrupted"
    for msg_id in queued:
        assert reply_to(kc, msg_id, timeout=5)["content"]["status"] == "aborted"
    again = kc.execute("6 * 7")
    assert reply_to(kc, again, timeout=10)["content"]["status"] == "ok"
