"""`solvable sweep` and `solvable gather`: a local (-j) sweep, and a 6-task sweep through a
real single-node Slurm (munged, slurmctld and slurmd on loopback, started and stopped here)
with one array task cancelled, named by gather and rerun by --resubmit."""
import csv
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import html5lib
import nbformat
import pytest

from solvable_helpers import solvable, solvable_bin

PICK = "pick = [10, 20, 30][width - 1]"


def fixture_notebook(path, pick=PICK):
    """A tiny parameterised notebook: a claim, and a table in a cell tagged `gather`."""
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "solvable", "display_name": "Solvable"}})
    parameters = nbformat.v4.new_code_cell("width = 1\nlr = 0.5")
    parameters.metadata["tags"] = ["parameters"]
    table = nbformat.v4.new_code_cell("table(step=[1, 2], loss=[lr * width, lr * width / 2])")
    table.metadata["tags"] = ["gather"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Sweep fixture"),
        parameters,
        nbformat.v4.new_code_cell(pick),
        nbformat.v4.new_code_cell('claim("loss is lr times width", lr * width, expect=pick * lr / 10, tol=1e-12)'),
        table,
    ]
    nbformat.write(nb, str(path))
    return path


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def record(directory, index):
    return json.loads((Path(directory) / str(index) / "run.json").read_text())


def test_unknown_parameter_names_the_parameters_cell_with_a_suggestion(tmp_path):
    nb = fixture_notebook(tmp_path / "fx.ipynb")
    result = solvable("sweep", nb, "-p", "widht=1,2", "-o", tmp_path / "out")
    assert result.returncode != 0
    assert "unknown parameter 'widht'; did you mean 'width'?" in result.stderr
    assert "width, lr" in result.stderr
    assert not (tmp_path / "out").exists()


def test_local_sweep_gathers_names_the_failure_and_resubmits_only_it(tmp_path):
    nb = fixture_notebook(tmp_path / "fx.ipynb")
    out = tmp_path / "sweep"
    result = solvable("sweep", nb, "-p", "lr=0.5,0.25", "-p", "width=1,2,5", "-o", out, "-j", "2")
    assert result.returncode == 1
    assert "4 of 6 task(s) ok" in result.stdout
    assert "task 2: failed:" in result.stderr and "task 5: failed:" in result.stderr
    plan = json.loads((out / "sweep.json").read_text())
    assert plan["names"] == ["lr", "width"]
    assert plan["tasks"] == [["0.5", "1"], ["0.5", "2"], ["0.5", "5"], ["0.25", "1"], ["0.25", "2"], ["0.25", "5"]]
    assert record(out, 4) == {**record(out, 4), "task": 4, "status": "ok", "parameters": {"lr": "0.25", "width": "2"}}
    executed = nbformat.read(str(out / "4" / "fx.ipynb"), as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "lr = 0.25" in injected[0].source and "width = 2" in injected[0].source

    gathered = solvable("gather", out)
    assert gathered.returncode == 1
    assert "task 2 (lr=0.5, width=5): failed:" in gathered.stderr
    assert "IndexError" in gathered.stderr or "index" in gathered.stderr.lower()
    rows = read_csv(out / "gather.csv")
    ok_rows = [r for r in rows if r["status"] == "ok"]
    assert len(ok_rows) == 8 and len(rows) == 10  # two table rows per ok task, one row per failed task
    for r in ok_rows:
        assert float(r["loss"]) == float(r["lr"]) * float(r["width"]) / float(r["step"])
    claims = read_csv(out / "claims.csv")
    assert len(claims) == 4 and all(c["result"] == "PASS" for c in claims)
    page = (out / "report" / "sweep.html").read_text()
    html5lib.HTMLParser(strict=True).parse(page)
    assert "task 5 (lr=0.25, width=5)" in page and "failed" in page

    ok_before = {i: record(out, i) for i in (0, 1, 3, 4)}
    fixture_notebook(nb, pick="pick = [10, 20, 30, 40, 50][width - 1]")  # the user fixes the notebook
    again = solvable("sweep", "--resubmit", out, "-j", "2")
    assert again.returncode == 0, again.stderr
    assert "2 of 2 task(s) ok" in again.stdout
    assert {i: record(out, i) for i in (0, 1, 3, 4)} == ok_before  # the ok tasks were not rerun
    assert solvable("gather", out).returncode == 0
    assert len(read_csv(out / "gather.csv")) == 12
    assert "nothing to resubmit" in solvable("sweep", "--resubmit", out).stdout


# MARK: - A real single-node Slurm

SLURM_BINARIES = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "scontrol"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def slurm(tmp_path_factory):
    """Starts munged, slurmctld and slurmd for one node on loopback; yields the environment
    for Slurm's clients; stops the daemons by their pid files."""
    missing = [b for b in SLURM_BINARIES if not shutil.which(b) and not os.path.exists("/usr/sbin/" + b)]
    if missing:
        pytest.skip("Slurm is not installed (missing " + ", ".join(missing) + "; Debian: slurm-wlm munge)")
    if os.geteuid() != 0:
        pytest.fail("the Slurm test runs slurmd, which needs root (CI runs as root)")
    root = tmp_path_factory.mktemp("slurm")
    for sub in ("state", "spool", "log"):
        (root / sub).mkdir()
    key = root / "munge.key"
    key.write_bytes(os.urandom(1024))
    key.chmod(0o400)
    sbin = lambda name: shutil.which(name) or "/usr/sbin/" + name
    host = socket.gethostname()
    conf = root / "slurm.conf"
    conf.write_text(f"""ClusterName=solvabletest
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
AuthType=auth/munge
AuthInfo=socket={root}/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation={root}/state
SlurmdSpoolDir={root}/spool
SlurmctldPidFile={root}/slurmctld.pid
SlurmdPidFile={root}/slurmd.pid
SlurmctldLogFile={root}/log/slurmctld.log
SlurmdLogFile={root}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName={host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
""")
    env = {**os.environ, "SLURM_CONF": str(conf)}
    pids = [root / "munged.pid", root / "slurmctld.pid", root / "slurmd.pid"]
    try:
        subprocess.run([sbin("munged"), f"--key-file={key}", f"--socket={root}/munge.sock", f"--pid-file={pids[0]}",
                        f"--log-file={root}/munged.log", f"--seed-file={root}/munge.seed", "--force"],
                       check=True, env=env, timeout=30)
        subprocess.run([sbin("slurmctld"), "-i"], check=True, env=env, timeout=30)
        subprocess.run([sbin("slurmd")], check=True, env=env, timeout=30)
        deadline = time.monotonic() + 30
        while True:
            state = subprocess.run(["sinfo", "-h", "-o", "%T"], env=env, capture_output=True, text=True).stdout.strip()
            if state.startswith("idle"):
                break
            if time.monotonic() > deadline:
                logs = "\n".join(p.read_text()[-2000:] for p in (root / "log").iterdir())
                pytest.fail(f"Slurm did not come up (node state {state!r}):\n{logs}")
            time.sleep(0.5)
        yield env
    finally:
        for pid_file in reversed(pids):
            if pid_file.exists():
                try:
                    os.kill(int(pid_file.read_text().split()[0]), 15)
                except (ProcessLookupError, ValueError):
                    pass


def test_slurm_sweep_of_six_tasks_with_one_cancelled_is_gathered_and_resubmitted(slurm, tmp_path):
    nb = fixture_notebook(tmp_path / "fx.ipynb")
    out = tmp_path / "sweep"
    name = f"solvable-test-{os.getpid()}"
    # Held at submission so one array task can be cancelled before it runs (scancel JOB_3).
    sweep = subprocess.Popen([solvable_bin(), "sweep", nb, "-p", "lr=0.5,0.25", "-p", "width=1,2,3", "-o", out,
                              "--slurm", "--wait", "--sbatch-arg=--hold", f"--sbatch-arg=--job-name={name}"],
                             env=slurm, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    job = ""
    while not job:
        job = subprocess.run(["squeue", "-h", "-n", name, "-o", "%F"], env=slurm, capture_output=True,
                             text=True).stdout.split("\n")[0].strip()
        assert time.monotonic() < deadline, "the array never reached the queue"
        time.sleep(0.3)
    subprocess.run(["scancel", f"{job}_3"], env=slurm, check=True)
    subprocess.run(["scontrol", "release", job], env=slurm, check=True)
    stdout, stderr = sweep.communicate(timeout=120)
    assert f"submitted Slurm job array {job} (tasks 0-5)" in stdout
    assert "5 of 6 task(s) ok" in stdout and "task 3: missing" in stderr
    script = (out / "sweep.sbatch").read_text()
    assert "--task \"$SLURM_ARRAY_TASK_ID\"" in script
    assert record(out, 4)["slurm_job"] and record(out, 4)["status"] == "ok"

    gathered = solvable("gather", out)
    assert gathered.returncode == 1
    assert "task 3 (lr=0.25, width=1): missing" in gathered.stderr
    assert "5 of 6 task(s) ok" in gathered.stdout
    assert len(read_csv(out / "gather.csv")) == 11
    assert "task 3 (lr=0.25, width=1)</strong>: missing" in (out / "report" / "sweep.html").read_text()

    before = {i: record(out, i) for i in (0, 1, 2, 4, 5)}
    again = solvable("sweep", "--resubmit", out, "--slurm", "--wait", env=slurm)
    assert again.returncode == 0, again.stderr
    assert "(tasks 3)" in again.stdout and "1 of 1 task(s) ok" in again.stdout
    assert {i: record(out, i) for i in (0, 1, 2, 4, 5)} == before
    final = solvable("gather", out)
    assert final.returncode == 0, final.stderr
    rows = read_csv(out / "gather.csv")
    assert len(rows) == 12 and all(r["status"] == "ok" for r in rows)
    assert len(read_csv(out / "claims.csv")) == 6
