"""Kernel memory under hostile input (issue 15): a frame over the kernel's cap
(64 MiB) is refused by libzmq before it is read, so an unsigned message of hundreds of
megabytes does not raise the kernel's memory on its way to the signature check."""
import time

import zmq

from kernel_harness import reply_to, running


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def test_an_oversized_unsigned_frame_does_not_reach_memory():
    with running("solvable") as (km, kc):
        pid = km.provisioner.pid
        before = rss_bytes(pid)
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
        try:
            huge = b"x" * (256 << 20)
            socket.send_multipart([b"<IDS|MSG>", b"", b"{}", b"{}", b"{}", huge])
            del huge
            peak = before
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                peak = max(peak, rss_bytes(pid))
                time.sleep(0.02)
        finally:
            socket.close()
        assert peak - before < 80 << 20, f"RSS grew by {(peak - before) >> 20} MiB"
        # The kernel goes on answering.
        assert reply_to(kc.get_shell_msg, kc.kernel_info())["msg_type"] == "kernel_info_reply"
