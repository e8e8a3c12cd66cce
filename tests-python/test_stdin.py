"""input(prompt) asks the front end on the stdin channel and uses its answer; with
allow_stdin false it is a clear error; an interrupt ends the wait. Each case runs
against Solvable and ipykernel (the same code is valid in both languages)."""
import time

import pytest

from kernel_harness import KERNELS, iopub_until_idle, reply_to, running


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_input_sends_input_request_and_uses_the_reply(kernel_name):
    with running(kernel_name) as (_, kc):
        msg_id = kc.execute('x = input("name? ")', allow_stdin=True)
        request = kc.get_stdin_msg(timeout=30)
        assert request["msg_type"] == "input_request"
        assert request["parent_header"]["msg_id"] == msg_id
        assert request["content"]["prompt"] == "name? " and request["content"]["password"] is False
        kc.input("Ada Lovelace")
        assert reply_to(kc.get_shell_msg, msg_id)["content"]["status"] == "ok"
        shown = kc.execute("print(x)")
        assert reply_to(kc.get_shell_msg, shown)["content"]["status"] == "ok"
        streams = [m["content"]["text"] for m in iopub_until_idle(kc, shown) if m["msg_type"] == "stream"]
        assert "".join(streams) == "Ada Lovelace\n"


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_input_without_allow_stdin_is_a_clear_error(kernel_name):
    with running(kernel_name) as (_, kc):
        msg_id = kc.execute('input("name? ")', allow_stdin=False)
        reply = reply_to(kc.get_shell_msg, msg_id)["content"]
        assert reply["status"] == "error"
        assert not kc.stdin_channel.msg_ready()
        if kernel_name == "solvable":
            assert reply["ename"] == "IOError"
            assert "allow_stdin false" in reply["evalue"]
        else:
            assert reply["ename"] == "StdinNotImplementedError"


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_an_interrupt_ends_the_wait_for_input(kernel_name):
    with running(kernel_name) as (km, kc):
        msg_id = kc.execute('input("name? ")', allow_stdin=True)
        assert kc.get_stdin_msg(timeout=30)["msg_type"] == "input_request"
        start = time.monotonic()
        km.interrupt_kernel()
        reply = reply_to(kc.get_shell_msg, msg_id, timeout=10)["content"]
        assert reply["status"] == "error" and time.monotonic() - start < 5
        assert reply["ename"] == ("Interrupted" if kernel_name == "solvable" else "KeyboardInterrupt")
        # The kernel goes on working.
        again = kc.execute("print(2)")
        assert reply_to(kc.get_shell_msg, again)["content"]["status"] == "ok"
