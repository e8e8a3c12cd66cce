"""Installs the Solvable kernelspec into a temporary prefix and points Jupyter at it.

SOLVABLE_BIN names the binary (make test passes the release build); without it the
release, then the debug build of this checkout is used.
"""
import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def solvable_binary() -> str:
    explicit = os.environ.get("SOLVABLE_BIN")
    if explicit:
        return explicit
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "solvable"
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("set SOLVABLE_BIN or build solvable first")


SOLVABLE_BIN = solvable_binary()
PREFIX = tempfile.mkdtemp(prefix="solvable-kernelspec-")
atexit.register(shutil.rmtree, PREFIX, ignore_errors=True)
subprocess.run([SOLVABLE_BIN, "install", "--prefix", PREFIX], check=True, capture_output=True)
KERNELS = Path(PREFIX) / "share" / "jupyter"
os.environ["JUPYTER_PATH"] = str(KERNELS) + os.pathsep + os.environ.get("JUPYTER_PATH", "")
# Keep runtime files (connection files) out of the user's directories.
os.environ.setdefault("JUPYTER_RUNTIME_DIR", tempfile.mkdtemp(prefix="solvable-runtime-"))
