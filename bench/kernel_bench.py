"""Kernel latency, Solvable beside ipykernel in the same run:

- cold start: from launching the kernel process to receiving kernel_info_reply;
- round trip of a trivial execute_request: to execute_reply, and to the iopub `idle`
  that ends the request (what a front end waits for). Median and p99.

Usage: python bench/kernel_bench.py [--starts N] [--executes N]
SOLVABLE_BIN names the binary (default .build/release/solvable); the kernelspec is
installed into a temporary prefix, ipykernel runs from this Python.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zmq
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
KERNELS = {"solvable": "x = 1", "python3": "x = 1"}


def install_solvable():
    binary = os.environ.get("SOLVABLE_BIN", str(ROOT / ".build/release/solvable"))
    prefix = tempfile.mkdtemp(prefix="solvable-bench-")
    subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = f"{prefix}/share/jupyter" + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    # ipykernel from this interpreter, whatever kernelspec the machine has.
    from ipykernel.kernelspec import write_kernel_spec
    write_kernel_spec(f"{prefix}/share/jupyter/kernels/python3")
    return binary


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def cold_start(name):
    """Seconds from launching the kernel process (its kernelspec argv) to its
    kernel_info_reply. The client is connected before the launch, with a 1 ms
    reconnect interval, so neither kernel waits on the client's retry timer."""
    spec = KernelSpecManager().get_kernel_spec(name)
    directory = tempfile.mkdtemp(prefix="bench-conn-")
    connection_file, info = write_connection_file(os.path.join(directory, "kernel.json"))
    context = zmq.Context()
    context.setsockopt(zmq.RECONNECT_IVL, 1)
    kc = BlockingKernelClient(connection_file=connection_file, context=context)
    kc.load_connection_file()
    kc.start_channels(hb=False)
    argv = [a.replace("{connection_file}", connection_file) for a in spec.argv]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    msg_id = kc.kernel_info()
    while kc.get_shell_msg(timeout=30)["parent_header"].get("msg_id") != msg_id:
        pass
    elapsed = time.perf_counter() - start
    kc.shutdown()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    kc.stop_channels()
    context.term()
    return elapsed


def round_trips(name, code, count):
    """Per execute: (seconds to execute_reply, seconds to the request's idle)."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels(hb=False)
    kc.wait_for_ready(timeout=30)
    to_reply, to_idle = [], []
    for i in range(count + 20):
        start = time.perf_counter()
        msg_id = kc.execute(code)
        reply = kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:  # a leftover from wait_for_ready
            reply = kc.get_shell_msg(timeout=30)
        replied = time.perf_counter() - start
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        idle = time.perf_counter() - start
        if i >= 20:  # warm-up
            to_reply.append(replied)
            to_idle.append(idle)
    status = reply["content"]["status"]
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return to_reply, to_idle, status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--executes", type=int, default=500)
    args = parser.parse_args()
    binary = install_solvable()
    print(f"solvable binary: {binary}")
    print(f"{'kernel':10} {'cold start median':>18} {'reply median':>13} {'reply p99':>10} "
          f"{'idle median':>12} {'idle p99':>9}  last status")
    results = {}
    for name, code in KERNELS.items():
        starts = [cold_start(name) for _ in range(args.starts)]
        reply, idle, status = round_trips(name, code, args.executes)
        results[name] = (statistics.median(starts), statistics.median(reply), statistics.median(idle))
        print(f"{name:10} {1e3 * statistics.median(starts):15.1f} ms {1e3 * statistics.median(reply):10.2f} ms "
              f"{1e3 * percentile(reply, 99):7.2f} ms {1e3 * statistics.median(idle):9.2f} ms "
              f"{1e3 * percentile(idle, 99):6.2f} ms  {status}")
    s, p = results["solvable"], results["python3"]
    print(f"cold start ratio solvable/ipykernel: {s[0] / p[0]:.3f} (target <= 0.1)")
    print(f"round trip ratio (reply median): {s[1] / p[1]:.3f} (target <= 0.5)")
    print(f"round trip ratio (idle median): {s[2] / p[2]:.3f}")


if __name__ == "__main__":
    sys.exit(main())
