"""An interrupt_request (the kernelspec's interrupt_mode is "message") stops a long
computation: the execute reply says Interrupted within a second, and the kernel
goes on working."""
import time

from jupyter_client.manager import KernelManager

# A simulation that takes minutes uninterrupted (the ICL model checks for
# interrupts every 512 pretraining contexts).
LONG = "simulate(icl(d=64, tau=4), trials=10, tests=1000, seed=1)"


def test_interrupt_stops_a_long_computation_within_a_second():
    km = KernelManager(kernel_name="solvable")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)
        msg_id = kc.execute(LONG)
        time.sleep(1.0)
        assert kc.shell_channel.msg_ready() is False, "the computation ended before it could be interrupted"
        start = time.monotonic()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=5)
        elapsed = time.monotonic() - start
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "Interrupted"
        assert elapsed < 1.0, f"interrupt took {elapsed:.2f} s"

        kc.execute("6 * 7")
        assert kc.get_shell_msg(timeout=10)["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
