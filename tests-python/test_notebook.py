"""nbclient runs a notebook with the Solvable kernel, and the outputs it saves are
exactly what the kernel sent on iopub."""
import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, output_from_msg

CELLS = [
    'print("hello, world")',
    "x = 6 * 7\nx",
    'warn("careful")',
    "show(table(a=[1, 2], b=[3, 4]))",
    "show(plot([1, 2, 3], [1, 4, 9]))",
    "undefined_name",
]


class RecordingClient(NotebookClient):
    """Keeps every iopub message per cell as it arrives."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.received = {}

    def process_message(self, msg, cell, cell_index):
        self.received.setdefault(cell_index, []).append(msg)
        return super().process_message(msg, cell, cell_index)


def expected_outputs(messages):
    """The nbformat outputs that these iopub messages describe."""
    outputs = []
    for msg in messages:
        if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            output = output_from_msg(msg)
            if output.output_type == "stream" and outputs and outputs[-1].output_type == "stream" \
                    and outputs[-1].name == output.name:
                outputs[-1].text += output.text  # nbclient coalesces consecutive streams
            else:
                outputs.append(output)
        elif msg["msg_type"] == "clear_output":
            outputs = []
    return outputs


def test_nbclient_outputs_match_the_kernel_messages(tmp_path):
    nb = new_notebook(cells=[new_markdown_cell("# Smoke")] + [new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "solvable", "display_name": "Solvable", "language": "solvable"}
    client = RecordingClient(nb, kernel_name="solvable", timeout=60, allow_errors=True)
    client.execute()
    path = tmp_path / "smoke.ipynb"
    nbformat.write(nb, path)
    saved = nbformat.read(path, as_version=4)
    nbformat.validate(saved)

    code_cells = [(i, c) for i, c in enumerate(saved.cells) if c.cell_type == "code"]
    for index, cell in code_cells:
        assert cell.outputs == expected_outputs(client.received.get(index, [])), cell.source
    counts = [c.execution_count for _, c in code_cells]
    assert counts == list(range(1, len(CELLS) + 1))

    outputs = [c.outputs for _, c in code_cells]
    assert outputs[0] == [nbformat.v4.new_output("stream", name="stdout", text="hello, world\n")]
    assert outputs[1][0].output_type == "execute_result" and outputs[1][0].data["text/plain"] == "42"
    assert outputs[2][0].name == "stderr"
    assert "text/html" in outputs[3][0].data
    assert "image/svg+xml" in outputs[4][0].data
    assert outputs[5][0].output_type == "error" and outputs[5][0].ename == "NameError"
    assert saved.metadata.language_info.name == "solvable"
