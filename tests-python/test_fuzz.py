"""Fuzzes one real kernel with seeded generated cells (issue 15).

Cells mix arithmetic on extreme numbers, strings, vectors and shared nested lists,
builtins with odd arguments, random bytes, out-of-range model parameters and in-range
theory calls of models that document a finite answer. The test fails on

* a hang: any cell without a reply within HANG_BOUND seconds (an interrupt is then
  sent, and the kernel must still answer within INTERRUPT_BOUND),
* a crash: the kernel process dies, or a reply is neither "ok" nor a known error kind,
* a silent wrong number: nan or inf returned by an in-range theory call whose model
  documents a finite answer.

SOLVABLE_FUZZ_CELLS sets the number of cells (default 3000, about 75 s on 2 cores),
SOLVABLE_FUZZ_SEED the seed (default 15). The figures are printed at the end.
"""
import math
import os
import random
import time

import pytest

from kernel_harness import running

CELLS = int(os.environ.get("SOLVABLE_FUZZ_CELLS", "3000"))
SEED = int(os.environ.get("SOLVABLE_FUZZ_SEED", "15"))
HANG_BOUND = 10.0
INTERRUPT_BOUND = 5.0
KNOWN_ERRORS = {"SyntaxError", "NameError", "ArgumentError", "DomainError", "ResourceError", "TypeError",
                "IndexError", "Interrupted"}

NUMBERS = ["0", "1", "-1", "2", "0.5", "1e-300", "1e300", "1e308", "-1e308", "1e-320", "inf", "-inf",
           "3.7", "1e6", "1e7", "1e12", "-0", "1e-10", "123456789"]
BUILTINS = ["sqrt", "log", "log10", "exp", "abs", "round", "floor", "ceil", "min", "max", "sum", "mean", "len"]


def number(rng):
    return rng.choice(NUMBERS) if rng.random() < 0.7 else repr(rng.uniform(-1e3, 1e3))


def expression(rng, depth=0):
    kind = rng.randrange(9 if depth < 3 else 3)
    if kind == 0:
        return number(rng)
    if kind == 1:
        return rng.choice(['"ab"', '"x"', '""', "true", "none", "v", "s", "a"])
    if kind == 2:
        return "[" + ", ".join(number(rng) for _ in range(rng.randrange(0, 5))) + "]"
    if kind == 3:
        op = rng.choice(["+", "-", "*", "/", "^", "<", "==", "!="])
        return f"({expression(rng, depth + 1)} {op} {expression(rng, depth + 1)})"
    if kind == 4:
        return f"{rng.choice(BUILTINS)}({expression(rng, depth + 1)})"
    if kind == 5:
        n = rng.choice(["1", "5", "1e3", "1e6", "1e7", "1e8", "1e12", "0", "-3", "2.5", "inf"])
        return f"{rng.choice(['linspace', 'geomspace'])}({number(rng)}, {number(rng)}, n={n})"
    if kind == 6:
        return f"range({rng.choice(['0', '10', '1e6', '1e7', '1e9', '-5', '2.5', 'inf'])})"
    if kind == 7:
        index = rng.choice(["0", "-1", "5", "1e9", "0.5", '"a"'])
        return f"{expression(rng, depth + 1)}[{index}]"
    return f"table(a={expression(rng, depth + 1)})"


def garbage(rng):
    alphabet = "abcxyz019 +-*/^()[]{},.=\"'#:\n\t_!?@$%&|~<>\\"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))


def out_of_range_model(rng):
    choices = [
        f"theory(ridge(alpha={rng.choice(['0', '-1', 'inf', '1e400'])}), P=[10])",
        f"theory(judge(noise={rng.choice(['0', '-1', '1e-300', '1e-200', '1e-10'])}))",
        f"theory(ridge(), P=[{rng.choice(['0', '-1', 'nan', '[]'])}])",
        f"deeplinear(singular=[{rng.choice(['1e308', '0', '-1', '1e200'])}])",
        f"simulate(ridge(dim={rng.choice(['1e7', '1e9', '0', '2.5'])}), P=[10, 1e6])",
        f"theory(flow(dim={rng.choice(['1e7', '1e8', '0'])}, N=1000, P=1000), t=geomspace(1, 1e6, 1000))",
        f"claim(\"x\", {number(rng)}, expect={rng.choice(['inf', '-inf', '1'])}, tol={rng.choice(['0', '-1', 'inf', '1'])})",
        f"plot(cosine(0.1), steps={rng.choice(['1e12', '0', '1e7', '10'])})",
        f"limits(seconds={rng.choice(['0', '-1', '1e9', 'inf'])})",
    ]
    return rng.choice(choices)


def finite_theory(rng):
    """An in-range theory call whose model documents a finite answer; ends in one number."""
    kind = rng.randrange(3)
    if kind == 0:
        alpha = rng.choice([0.5, 1.1, 1.5, 2.5, 4, 20, 110, 300, 1e9])
        beta = rng.choice([0.3, 1, 1.2, 3])
        lam = rng.choice([1e-8, 1e-4, 0.1, 1, 1e10, 1e160, 1e200, 1e300])
        noise = rng.choice([0, 0.1, 1, 100])
        dim = rng.choice([10, 100, 1000])
        p = rng.choice([3, 10, 50, 333, 5000, "inf"])
        return f"sum(theory(ridge(alpha={alpha}, beta={beta}, lambda={lam}, noise={noise}, dim={dim}), P=[{p}]).test)"
    if kind == 1:
        noise = rng.choice([1e-4, 1e-3, 0.01, 0.5, 2, 100])
        prior = rng.choice([0.1, 1, 10])
        k = rng.choice([1, 2, 8, 100, 10000])
        d, n = rng.choice([(100, 200), (50, 400), (300, 200), (10, 1000)])
        return f"theory(judge(noise={noise}, prior={prior}, k={k}, d={d}, n={n})).error[0]"
    alpha = rng.choice([1.2, 1.5, 2])
    lam = rng.choice([1e-3, 0.1, 1, 1e100])
    n = rng.choice([10, 100, 500])
    p = rng.choice([10, 50, 333, 2000])
    return f"sum(theory(randfeat(alpha={alpha}, lambda={lam}, dim=1000, N={n}), P=[{p}]).test)"


def cell(rng):
    kind = rng.random()
    if kind < 0.1:
        return "garbage", garbage(rng)
    if kind < 0.2:
        return "out-of-range", out_of_range_model(rng)
    if kind < 0.35:
        return "finite", finite_theory(rng)
    if kind < 0.4:
        lines = ["a = [1]"] + ["a = [a, a]"] * rng.randrange(1, 80) + [rng.choice(["len(a)", "a", "print(a)"])]
        return "lists", "\n".join(lines)
    if kind < 0.45:
        lines = ['s = "ab"'] + ["s = s + s"] * rng.randrange(1, 40) + ["len(s)"]
        return "strings", "\n".join(lines)
    if kind < 0.5:
        return "table", f"table(a=range({rng.choice(['1e5', '1e6', '1e7'])}))"
    lines = [f"{name} = {expression(rng)}" for name in rng.sample(["v", "s", "a", "x"], rng.randrange(0, 3))]
    return "expression", "\n".join(lines + [expression(rng)])


@pytest.fixture(scope="module")
def kernel():
    with running("solvable") as (km, kc):
        yield km, kc


def run(km, kc, code):
    """Executes `code`; returns (reply content, text/plain result or None, seconds)."""
    msg_id = kc.execute(code, store_history=False)
    start = time.monotonic()
    result, reply = None, None
    while reply is None:
        left = HANG_BOUND - (time.monotonic() - start)
        if left <= 0:
            km.interrupt_kernel()
            return None, None, time.monotonic() - start
        try:
            msg = kc.get_shell_msg(timeout=min(left, 1.0))
        except Exception:
            assert km.is_alive(), f"the kernel died running:\n{code}"
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg["content"]
    elapsed = time.monotonic() - start
    while True:  # the result, if any, arrived on iopub before the reply
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            break
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            break
    return reply, result, elapsed


def test_fuzzed_kernel_never_hangs_crashes_or_returns_nan_for_finite_models(kernel):
    km, kc = kernel
    rng = random.Random(SEED)
    hangs, crashes, nonfinite, latencies, kinds, refused, slowest = [], [], [], [], {}, 0, (0.0, "")
    # A 200 MB budget keeps the doubling cells cheap on a shared machine (and tests it).
    assert run(km, kc, "limits(memory=2e8)")[0]["status"] == "ok"
    for i in range(CELLS):
        kind, code = cell(rng)
        kinds[kind] = kinds.get(kind, 0) + 1
        reply, result, elapsed = run(km, kc, code)
        latencies.append(elapsed)
        if elapsed > slowest[0]:
            slowest = (elapsed, code)
        if reply is None:
            hangs.append(code)
            # The interrupt must be honoured: the reply comes within the bound.
            start = time.monotonic()
            while time.monotonic() - start < INTERRUPT_BOUND:
                try:
                    if kc.get_shell_msg(timeout=0.5)["parent_header"].get("msg_id"):
                        break
                except Exception:
                    pass
            else:
                crashes.append("interrupt ignored: " + code)
                break
            continue
        if not km.is_alive():
            crashes.append(code)
            break
        if reply["status"] == "error" and reply.get("ename") not in KNOWN_ERRORS:
            crashes.append(f"{reply.get('ename')}: {code}")
        if kind == "finite" and reply["status"] == "ok":
            if result is None or not math.isfinite(float(result.split()[0].strip("[]"))):
                nonfinite.append(f"{code} -> {result}")
        elif kind == "finite":
            refused += 1  # a clear error naming the parameter is allowed; a nan or inf is not
    figures = (f"{CELLS} cells (seed {SEED}; {kinds}), {len(crashes)} crashes, {len(hangs)} hangs > {HANG_BOUND:.0f} s, "
               f"{len(nonfinite)} non-finite ({refused} finite-model calls refused with an error), max latency {max(latencies):.2f} s, "
               f"median {sorted(latencies)[len(latencies) // 2] * 1000:.1f} ms")
    print("\nfuzz:", figures)
    print(f"slowest cell ({slowest[0]:.2f} s):\n{slowest[1][:300]}")
    assert not crashes, f"{figures}\ncrashes:\n" + "\n---\n".join(crashes[:5])
    assert not hangs, f"{figures}\nhangs:\n" + "\n---\n".join(hangs[:5])
    assert not nonfinite, f"{figures}\nnon-finite:\n" + "\n".join(nonfinite[:10])
