"""The kernel over real sockets: forged, unsigned, replayed and malformed messages are
ignored while valid ones keep working; busy/idle wraps kernel_info; restart works."""
import time

import pytest
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from kernel_harness import running


@pytest.fixture()
def kernel():
    with running("solvable") as (km, kc):
        yield km, kc


def raw_shell(km):
    """A DEALER socket on the kernel's shell port, outside jupyter_client's checks."""
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
    return socket


def replies(socket, session, timeout=0.5):
    """Every message that arrives on `socket` within `timeout` seconds."""
    found = []
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        if socket.poll(int(left * 1000)):
            frames = socket.recv_multipart()
            found.append(session.deserialize(session.feed_identities(frames)[1]))
    return found


def test_forged_unsigned_replayed_and_malformed_messages_are_ignored(kernel):
    km, kc = kernel
    socket = raw_shell(km)
    genuine = Session(key=km.session.key, signature_scheme="hmac-sha256")
    forger = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    unsigned = Session(key=b"")
    time.sleep(0.3)  # let the DEALER connect

    forger.send(socket, "kernel_info_request", {})
    unsigned.send(socket, "kernel_info_request", {})
    socket.send_multipart([b"<IDS|MSG>", b"deadbeef", b"{not json", b"{}", b"{}", b"{}"])
    socket.send_multipart([b"no delimiter at all"])
    assert replies(socket, genuine) == []

    message = genuine.msg("kernel_info_request", {})
    frames = genuine.serialize(message)
    socket.send_multipart(frames)
    socket.send_multipart(frames)  # replay: same signature
    got = replies(socket, genuine)
    assert [m["header"]["msg_type"] for m in got] == ["kernel_info_reply"]

    # The kernel is still fine for a normal client.
    kc.kernel_info()
    assert kc.get_shell_msg(timeout=5)["msg_type"] == "kernel_info_reply"
    socket.close()


def test_kernel_info_is_wrapped_in_busy_idle(kernel):
    _, kc = kernel
    while True:
        try:
            kc.get_iopub_msg(timeout=0.2)
        except Exception:
            break
    msg_id = kc.kernel_info()
    kc.get_shell_msg(timeout=5)
    states = []
    while len(states) < 2:
        msg = kc.get_iopub_msg(timeout=5)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status":
            states.append(msg["content"]["execution_state"])
    assert states == ["busy", "idle"]


def test_heartbeat_answers(kernel):
    _, kc = kernel
    kc.hb_channel.unpause()
    time.sleep(1.0)
    assert kc.hb_channel.is_beating()


def test_restart_via_shutdown_request(kernel):
    km, kc = kernel
    first = km.provisioner.pid
    km.restart_kernel(now=False)  # sends shutdown_request(restart=True) on control, waits, relaunches
    assert km.is_alive()
    assert km.provisioner.pid != first
    # km.client() reuses the manager's session, hence the same socket identity:
    # retire the old client so the two do not compete for it.
    kc.stop_channels()
    kc2 = km.client()
    kc2.start_channels()
    kc2.wait_for_ready(timeout=30)
    kc2.kernel_info()
    assert kc2.get_shell_msg(timeout=5)["content"]["status"] == "ok"
    kc2.stop_channels()


def test_shutdown_request_ends_the_process(kernel):
    km, kc = kernel
    kc.shutdown()  # jupyter_client sends it on control
    reply = kc.get_control_msg(timeout=5)
    assert reply["msg_type"] == "shutdown_reply" and reply["content"]["restart"] is False
    deadline = time.monotonic() + 5
    while km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not km.is_alive()


def test_shutdown_request_on_shell_ends_the_process(kernel):
    km, kc = kernel
    msg = kc.session.msg("shutdown_request", {"restart": False})
    kc.shell_channel.send(msg)
    reply = kc.get_shell_msg(timeout=5)
    assert reply["msg_type"] == "shutdown_reply"
    deadline = time.monotonic() + 5
    while km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not km.is_alive()


def test_ipc_transport(tmp_path):
    km = KernelManager(kernel_name="solvable", transport="ipc", ip=str(tmp_path / "kernel"))
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)
        msg_id = kc.execute("6 * 7")
        reply = kc.get_shell_msg(timeout=10)
        assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"
        assert any(p.name.startswith("kernel-") for p in tmp_path.iterdir())
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_progress_is_one_display_updated_in_place(kernel):
    _, kc = kernel
    msg_id = kc.execute("simulate(icl(d=16, tau=2), trials=2, tests=100, seed=1)")
    seen = []
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        seen.append(msg)
    progress = [m for m in seen if m["msg_type"] in ("display_data", "update_display_data")]
    assert progress[0]["msg_type"] == "display_data"
    display_id = progress[0]["content"]["transient"]["display_id"]
    updates = progress[1:]
    assert updates and all(m["msg_type"] == "update_display_data" for m in updates)
    assert all(m["content"]["transient"]["display_id"] == display_id for m in updates)
    assert "100%" in updates[-1]["content"]["data"]["text/plain"]
    # Text front ends print only the first display's text/plain: it names the work
    # instead of showing a percentage that would stay frozen there.
    assert progress[0]["content"]["data"]["text/plain"].startswith("simulate icl")
    assert "running" in progress[0]["content"]["data"]["text/plain"]
    assert "<progress" in progress[0]["content"]["data"]["text/html"]
    assert any(m["msg_type"] == "execute_result" for m in seen)


def test_kernel_exits_when_its_parent_dies():
    import subprocess
    import sys

    launcher = (
        "import os, sys\n"
        "from jupyter_client.manager import KernelManager\n"
        "km = KernelManager(kernel_name='solvable'); km.start_kernel()\n"
        "kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=30)\n"
        "print(km.provisioner.pid, flush=True)\n"
        "os._exit(0)\n"
    )
    out = subprocess.run([sys.executable, "-c", launcher], capture_output=True, text=True, timeout=60, check=True)
    pid = int(out.stdout.split()[-1])

    def alive():
        try:
            with open(f"/proc/{pid}/status") as status:
                return "\tZ" not in next(line for line in status if line.startswith("State:"))
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 5
    while alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive()
