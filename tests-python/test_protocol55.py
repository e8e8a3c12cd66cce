"""Protocol 5.5 as ipykernel >= 7.2 speaks it, each feature checked against Solvable
and against ipykernel from the same venv (which validates the harness):

- the kernelspec declares kernel_protocol_version;
- iopub is an XPUB socket that greets each subscriber with iopub_welcome (JEP 65);
- kernel_info_reply lists supported_features (JEP 92) and is answered on control (JEP 82);
- kernel subshells (JEP 91): create/list/delete on control, subshell_id in the header,
  and requests on a subshell answered while the main shell computes.
"""
import time

import pytest
import zmq
from jupyter_client.kernelspec import KernelSpecManager

from kernel_harness import KERNELS, reply_to, running

# A cell that keeps the main shell busy for a long time, in each language.
LONG = {
    "solvable": "limits(seconds=3600, cell=true)\nsimulate(icl(d=64, tau=4), trials=10, tests=1000, seed=1)",
    "python3": "import time; time.sleep(60)",
}


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_kernelspec_declares_protocol_5_5(kernel_name):
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    assert spec.to_dict().get("kernel_protocol_version") == "5.5"


def welcome_for(km, kc, topic):
    """The iopub_welcome a fresh SUB socket subscribed to `topic` receives, or None."""
    socket = zmq.Context.instance().socket(zmq.SUB)
    socket.linger = 0
    socket.setsockopt(zmq.SUBSCRIBE, topic)
    socket.connect(f"{km.transport}://{km.ip}:{km.iopub_port}")
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if socket.poll(200):
                _, frames = kc.session.feed_identities(socket.recv_multipart())
                msg = kc.session.deserialize(frames)
                if msg["msg_type"] == "iopub_welcome":
                    return msg
        return None
    finally:
        socket.close()


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_a_new_iopub_subscriber_gets_iopub_welcome(kernel_name):
    with running(kernel_name) as (km, kc):
        # A topic nobody has subscribed to yet: a plain XPUB (ipykernel's) reports
        # only the first subscription to each topic.
        welcome = welcome_for(km, kc, b"welcome-probe")
        assert welcome is not None, "no iopub_welcome within 10 s"
        assert welcome["content"] == {"subscription": "welcome-probe"}
        assert welcome["parent_header"] == {}


def test_every_client_gets_its_welcome_even_on_a_topic_already_subscribed():
    # Solvable's XPUB is verbose, so a second client subscribing to everything
    # (as jupyter_client's first one did) is greeted too.
    with running("solvable") as (km, kc):
        welcome = welcome_for(km, kc, b"")
        assert welcome is not None and welcome["content"] == {"subscription": ""}


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_kernel_info_lists_supported_features_on_shell_and_control(kernel_name):
    with running(kernel_name) as (_, kc):
        shell = reply_to(kc.get_shell_msg, kc.kernel_info())["content"]
        msg = kc.session.msg("kernel_info_request", {})
        kc.control_channel.send(msg)
        control = reply_to(kc.get_control_msg, msg["header"]["msg_id"])
        assert control["msg_type"] == "kernel_info_reply" and control["content"]["status"] == "ok"
        for content in (shell, control["content"]):
            assert "kernel subshells" in content["supported_features"]
        if kernel_name == "solvable":
            assert shell["protocol_version"] == "5.5"


def control_request(kc, msg_type, content=None):
    msg = kc.session.msg(msg_type, content or {})
    kc.control_channel.send(msg)
    reply = reply_to(kc.get_control_msg, msg["header"]["msg_id"])
    assert reply["msg_type"] == msg_type.replace("_request", "_reply")
    return reply["content"]


def on_subshell(kc, subshell_id, msg_type, content):
    """Sends a shell request to a subshell; returns its msg_id."""
    msg = kc.session.msg(msg_type, content)
    msg["header"]["subshell_id"] = subshell_id
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_subshells_are_created_listed_and_deleted(kernel_name):
    with running(kernel_name) as (_, kc):
        assert control_request(kc, "list_subshell_request")["subshell_id"] == []
        first = control_request(kc, "create_subshell_request")
        second = control_request(kc, "create_subshell_request")
        assert first["status"] == "ok" and isinstance(first["subshell_id"], str)
        assert first["subshell_id"] != second["subshell_id"]
        listed = control_request(kc, "list_subshell_request")["subshell_id"]
        assert sorted(listed) == sorted([first["subshell_id"], second["subshell_id"]])
        assert control_request(kc, "delete_subshell_request", {"subshell_id": first["subshell_id"]})["status"] == "ok"
        assert control_request(kc, "list_subshell_request")["subshell_id"] == [second["subshell_id"]]
        again = control_request(kc, "delete_subshell_request", {"subshell_id": first["subshell_id"]})
        assert again["status"] == "error"


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_a_subshell_answers_while_the_main_shell_computes(kernel_name):
    with running(kernel_name) as (km, kc):
        subshell = control_request(kc, "create_subshell_request")["subshell_id"]
        main = kc.execute(LONG[kernel_name])
        time.sleep(1.0)
        start = time.monotonic()
        asked = {
            on_subshell(kc, subshell, "kernel_info_request", {}): "kernel_info_reply",
            on_subshell(kc, subshell, "comm_info_request", {}): "comm_info_reply",
            on_subshell(kc, subshell, "is_complete_request", {"code": "x = [1,"}): "is_complete_reply",
            on_subshell(kc, subshell, "history_request", {"hist_access_type": "tail", "n": 5, "output": False,
                                                          "raw": True}): "history_reply",
        }
        answered = {}
        while len(answered) < len(asked):
            msg = kc.get_shell_msg(timeout=10)
            parent = msg["parent_header"].get("msg_id")
            assert parent != main, "the main shell's cell ended before the subshell answered"
            if parent in asked:
                assert msg["msg_type"] == asked[parent]
                assert msg["content"]["status"] == ("incomplete" if asked[parent] == "is_complete_reply" else "ok")
                assert msg["parent_header"]["subshell_id"] == subshell
                answered[parent] = msg
        assert time.monotonic() - start < 5
        complete = next(m["content"] for m in answered.values() if m["msg_type"] == "is_complete_reply")
        assert complete["status"] == "incomplete"
        km.interrupt_kernel()
        assert reply_to(kc.get_shell_msg, main, timeout=30)["content"]["status"] == "error"
        # A cell on the subshell runs and is answered there.
        ran = on_subshell(kc, subshell, "execute_request", {"code": "print(1)", "silent": False, "store_history": True,
                                                             "user_expressions": {}, "allow_stdin": False,
                                                             "stop_on_error": True})
        reply = reply_to(kc.get_shell_msg, ran)
        assert reply["content"]["status"] == "ok" and reply["parent_header"]["subshell_id"] == subshell


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_a_request_for_an_unknown_subshell_gets_no_reply_and_the_kernel_goes_on(kernel_name):
    with running(kernel_name) as (_, kc):
        lost = on_subshell(kc, "no-such-subshell", "kernel_info_request", {})
        assert reply_to(kc.get_shell_msg, kc.kernel_info())["msg_type"] == "kernel_info_reply"
        late = []
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline:
            if kc.shell_channel.msg_ready():
                late.append(kc.get_shell_msg(timeout=1)["parent_header"].get("msg_id"))
            time.sleep(0.05)
        assert lost not in late


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_a_5_3_client_keeps_working(kernel_name):
    # A 5.3 client: its headers say 5.3, it never subscribes for a welcome or names a
    # subshell, and it ignores the fields 5.5 adds.
    with running(kernel_name) as (_, kc):
        for msg_type, content in [("kernel_info_request", {}),
                                  ("execute_request", {"code": "print(6 * 7)", "silent": False, "store_history": True,
                                                       "user_expressions": {}, "allow_stdin": False,
                                                       "stop_on_error": True})]:
            msg = kc.session.msg(msg_type, content)
            msg["header"]["version"] = "5.3"
            kc.shell_channel.send(msg)
            reply = reply_to(kc.get_shell_msg, msg["header"]["msg_id"])
            assert reply["content"]["status"] == "ok"
            assert "subshell_id" not in reply["header"]
