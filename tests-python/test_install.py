"""`solvable install` writes a kernelspec that Jupyter finds and can start."""
import json
import os
import subprocess
from pathlib import Path

from conftest import PREFIX, SOLVABLE_BIN
from jupyter_client.kernelspec import KernelSpecManager


def test_prefix_install_is_found_by_jupyter():
    spec = KernelSpecManager().get_kernel_spec("solvable")
    assert Path(spec.resource_dir).resolve() == (Path(PREFIX) / "share/jupyter/kernels/solvable").resolve()
    assert spec.argv == [os.path.realpath(SOLVABLE_BIN), "kernel", "-f", "{connection_file}"]
    assert spec.display_name == "Solvable"
    assert spec.language == "solvable"
    assert spec.interrupt_mode == "message"
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (Path(spec.resource_dir) / logo).stat().st_size > 0


def test_logos_are_real_images():
    resources = Path(PREFIX) / "share/jupyter/kernels/solvable"
    for size in (32, 64):
        data = (resources / f"logo-{size}x{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == size and int.from_bytes(data[20:24], "big") == size
    assert (resources / "logo-svg.svg").read_text().startswith("<svg")


def test_sys_prefix_uses_the_virtual_environment(tmp_path):
    env = dict(os.environ, VIRTUAL_ENV=str(tmp_path))
    subprocess.run([SOLVABLE_BIN, "install", "--sys-prefix"], check=True, env=env, capture_output=True)
    kernel = json.loads((tmp_path / "share/jupyter/kernels/solvable/kernel.json").read_text())
    assert kernel["argv"][1:] == ["kernel", "-f", "{connection_file}"]


def test_user_install_honours_jupyter_data_dir(tmp_path):
    env = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path))
    subprocess.run([SOLVABLE_BIN, "install", "--user"], check=True, env=env, capture_output=True)
    assert (tmp_path / "kernels/solvable/kernel.json").exists()


def test_conflicting_destinations_are_refused():
    result = subprocess.run([SOLVABLE_BIN, "install", "--user", "--sys-prefix"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "choose one of --user, --prefix DIR and --sys-prefix" in result.stderr


def test_bad_connection_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "connection.json"
    bad.write_text('{"ip": "127.0.0.1", "transport": "tcp"}')
    result = subprocess.run([SOLVABLE_BIN, "kernel", "-f", str(bad)], capture_output=True, text=True, timeout=10)
    assert result.returncode != 0
    assert "missing shell_port" in result.stderr
