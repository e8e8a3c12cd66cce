"""Starting a kernel by name and reading its replies, shared by the protocol tests.

Each protocol test runs against Solvable and against ipykernel from the same venv
(kernel name "python3"), so a test that passes for ipykernel checks the harness,
and one that then fails for Solvable points at the kernel."""
import contextlib
import time

from jupyter_client.manager import KernelManager

# Both kernels under test; the code a test runs is valid in both languages.
KERNELS = ["solvable", "python3"]


@contextlib.contextmanager
def running(kernel_name):
    """A started kernel and a ready client, shut down afterwards."""
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def reply_to(get, msg_id, timeout=30):
    """The first message from `get` (e.g. kc.get_shell_msg) whose parent is `msg_id`."""
    deadline = time.monotonic() + timeout
    while True:
        msg = get(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id, timeout=60):
    """The iopub messages of request `msg_id`, up to its `idle` status (excluded)."""
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen
        seen.append(msg)
