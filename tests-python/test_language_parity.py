"""The Python-style language against CPython (and numpy for the array builtins): the
same program text, run by `solvable eval` and by Python, gives the same value. The
language accepts Python's spellings (`**`, `True`, `None`), so most programs are
shared verbatim; where numpy is the reference, its call is given beside ours."""
import math
import subprocess

import numpy as np
import pytest

from conftest import SOLVABLE_BIN

SHARED = [
    "[-7 // 2, -7 % 2, 7 % -2, 7.5 // 2, -0.5 % 1, 2 ** 10, -2 ** 2]",
    "[1 < 2 < 3, 1 < 3 < 2, 3 >= 3 == 3 != 4, 'apple' < 'banana', 'B' < 'a']",
    "[0 or 5, 3 and 4, None or 'd', not 0, not 'x', 1 if 0 else 2]",
    "[x ** 2 for x in [1, 2, 3, 4] if x > 1]",
    "[[x, y] for x in [1, 2] for y in [10, 20] if x + y != 21]",
    "[c + c for c in 'abc']",
    "sum(x * x for x in range(100))",
    "[i for i in range(20) if i % 3 == 0 if i % 2 == 0]",
    "[2 in [1, 2], 'ell' in 'hello', 'z' not in ['a']]",
    "(lambda k: lambda x: x * k)(3)(5)",
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n[fib(n) for n in range(15)]",
    "def adder(k):\n    def add(x):\n        return x + k\n    return add\n[adder(1)(2), adder(10)(2)]",
    "def f(a, b=2, c=3):\n    return a * 100 + b * 10 + c\n[f(1), f(1, 5), f(1, c=7), f(c=1, b=2, a=3)]",
    "k = 1\ndef g(x=k):\n    return x\nk = 2\n[g(), k]",
    "def sign(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    else:\n        return 0\n[sign(x) for x in [-3, 0, 2]]",
    "x = 5\nx += 2\nx *= 3\nx //= 4\nx",
    "def total(xs):\n    s = 0\n    s += sum(xs)\n    return s\ntotal([1, 2, 3])",
]

# (solvable, numpy) pairs for the array builtins and masks.
NUMPY = [
    ("argmin([3, 1, 2, 1])", "np.argmin([3, 1, 2, 1])"),
    ("argmax([3, nan, 5])", "np.argmax([3, np.nan, 5])"),
    ("sort([3, nan, 1, 2, -inf])", "np.sort([3, np.nan, 1, 2, -np.inf])"),
    ("unique([3, 1, 3, nan, nan, 2])", "np.unique([3, 1, 3, np.nan, np.nan, 2])"),
    ("cumsum([1, 2, 3.5, -1])", "np.cumsum([1, 2, 3.5, -1])"),
    ("diff([1, 4, 9, 16, 25], n=2)", "np.diff([1, 4, 9, 16, 25], n=2)"),
    ("diff([1, 4], n=3)", "np.diff([1, 4], n=3)"),
    ("v = linspace(0, 1, 11)\nv[v > 0.55]", "v = np.linspace(0, 1, 11)\nresult = v[v > 0.55]"),
    ("v = linspace(0, 1, 11)\nv[v > 0.2 and v < 0.5]", "v = np.linspace(0, 1, 11)\nresult = v[(v > 0.2) & (v < 0.5)]"),
    ("v = linspace(0, 1, 11)\nsum(v > 0.5)", "v = np.linspace(0, 1, 11)\nresult = np.sum(v > 0.5)"),
    ("v = [5, 1, 4]\nnot v > 2", "v = np.array([5, 1, 4])\nresult = ~(v > 2)"),
]


def solvable_value(code):
    out = subprocess.run([SOLVABLE_BIN, "eval", "-e", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout.strip()
    names = {"true": True, "false": False, "none": None, "nan": math.nan, "inf": math.inf}
    return eval(text, {"__builtins__": {}}, names)


def python_value(code):
    namespace = {"np": np}
    *body, last = code.split("\n")
    exec("\n".join(body), namespace)
    if last.startswith("result = "):
        exec(last, namespace)
        return namespace["result"]
    return eval(last, namespace)


def same(a, b):
    if isinstance(b, np.ndarray):
        b = b.tolist()
    if isinstance(b, (np.generic,)):
        b = b.item()
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return (math.isnan(a) and math.isnan(b)) or a == b or math.isclose(a, b, rel_tol=1e-12)
    return a == b


@pytest.mark.parametrize("code", SHARED)
def test_same_program_same_value_as_cpython(code):
    ours, theirs = solvable_value(code), python_value(code)
    assert same(ours, theirs), f"solvable {ours!r} vs python {theirs!r}"


@pytest.mark.parametrize("ours_code,numpy_code", NUMPY)
def test_array_builtins_and_masks_match_numpy(ours_code, numpy_code):
    ours, theirs = solvable_value(ours_code), python_value(numpy_code)
    assert same(ours, theirs), f"solvable {ours!r} vs numpy {theirs!r}"
