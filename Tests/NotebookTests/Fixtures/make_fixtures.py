"""Writes the round-trip fixtures with nbformat itself (the library JupyterLab's server
and nbclient use to save notebooks), so the bytes are exactly what Jupyter writes.

Run with a Python that has nbformat:  python make_fixtures.py
"""
import base64
import json
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_raw_cell
from nbformat.v4 import new_output

PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc000000301010018dd8db00000000049454e44ae426082")).decode()
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">\n'
       '<rect x="0" y="0" width="320" height="200" fill="#ffffff"/>\n'
       '<polyline points="20,180 100,90 180,60 300,20" fill="none" stroke="#0072b2" stroke-width="3"/>\n'
       '<circle cx="100" cy="95" r="5" fill="#d55e00"/>\n<text x="160" y="195">P</text>\n</svg>\n')
WIDGETS = {"application/vnd.jupyter.widget-state+json": {
    "state": {"a1b2": {"model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0",
                        "model_name": "FloatSliderModel", "state": {"value": 0.5, "max": 1.0}}},
    "version_major": 2, "version_minor": 0}}


def full():
    nb = new_notebook(metadata={
        "kernelspec": {"name": "solvable", "display_name": "Solvable", "language": "solvable"},
        "language_info": {"name": "solvable", "version": "0.1.0", "file_extension": ".solv",
                          "mimetype": "text/x-solvable", "codemirror_mode": "python"},
        "solvable": {"paper": {"title": "Spectrum dependent learning curves in kernel regression",
                               "authors": ["Blake Bordelon", "Abdulkadir Canatar", "Cengiz Pehlevan"],
                               "year": 2020, "arxiv": "2002.02561"}},
        "widgets": WIDGETS,
        "toc-autonumbering": True,
        "jupytext": {"formats": "ipynb,py:percent"},
    })
    md = new_markdown_cell("# Learning curves — ridge\n\nThe error is $E_g = \\sum_k w_k^2 \\lambda_k$ "
                           "and ![plot](attachment:tiny.png)\n\n$$\\kappa = \\lambda + \\kappa \\sum_k \\frac{\\lambda_k}{\\lambda_k P + \\kappa}$$")
    md.attachments = {"tiny.png": {"image/png": PNG}}
    md.metadata = {"editable": False, "slideshow": {"slide_type": "slide"}}
    params = new_code_cell("alpha = 1.5\nbeta = 1.2", metadata={"tags": ["parameters"]}, execution_count=1)
    code = new_code_cell("m = ridge(alpha=alpha, beta=beta)\nth = theory(m, P=geomspace(10, 1e4, 40))\nplot(th, x=\"P\", y=\"test\")",
                         execution_count=2,
                         metadata={"collapsed": False, "scrolled": True,
                                   "execution": {"iopub.execute_input": "2026-11-30T10:00:00.100000Z",
                                                 "iopub.status.busy": "2026-11-30T10:00:00.099000Z",
                                                 "iopub.status.idle": "2026-11-30T10:00:00.512000Z",
                                                 "shell.execute_reply": "2026-11-30T10:00:00.510000Z"}})
    code.outputs = [
        new_output("stream", name="stdout", text="sweeping 40 points\nτ done ✓\n"),
        new_output("stream", name="stderr", text="warning: dim small\n"),
        new_output("display_data", data={"text/plain": "<Plot: 1 series>", "image/svg+xml": SVG},
                   metadata={"image/svg+xml": {"isolated": True}}),
        new_output("display_data", data={"text/plain": "table 3x2",
                                         "text/html": "<table>\n<tr><th>P</th><th>test</th></tr>\n<tr><td>10</td><td>0.5</td></tr>\n</table>",
                                         "application/vnd.dataresource+json": {"schema": {"fields": [{"name": "P", "type": "number"}]},
                                                                               "data": [{"P": 10}, {"P": 1e-05}, {"P": 0.1}]}},
                   metadata={}),
        new_output("display_data", data={"text/plain": "<IPython.core.display.Image object>", "image/png": PNG},
                   metadata={"image/png": {"width": 1, "height": 1}}),
        new_output("execute_result", execution_count=2, data={"text/plain": "1.8000000000000003",
                                                              "application/json": {"value": 1.8000000000000003, "big": 1e+16}}),
    ]
    code.outputs[2]["transient_extra"] = "kept"  # an unknown output field from another tool
    claim = new_code_cell('claim("exponent", 1.79, expect=1.8, tol=0.1)', execution_count=3)
    claim.outputs = [new_output("display_data", data={
        "text/plain": "PASS exponent", "application/vnd.solvable.claim+json":
            {"text": "exponent", "measured": 1.79, "expect": 1.8, "tol": 0.1, "pass": True}}, metadata={})]
    err = new_code_cell("undefined_name + 1", execution_count=4)
    err.outputs = [new_output("error", ename="NameError", evalue="unknown name 'undefined_name'",
                              traceback=["\x1b[0;31mNameError\x1b[0m: unknown name 'undefined_name'",
                                         "  line 1, column 1", "undefined_name + 1", "^"])]
    raw = new_raw_cell("raw text\n<b>not html</b>", metadata={"raw_mimetype": "text/html"})
    nb.cells = [md, params, code, claim, err, raw]
    return nb


def old_v44():
    nb = nbformat.v4.new_notebook()
    nb.nbformat_minor = 4
    nb.metadata = {"kernelspec": {"name": "solvable", "display_name": "Solvable"}}
    nb.cells = [nbformat.v4.new_markdown_cell("## Old notebook\nNo ids here."),
                nbformat.v4.new_code_cell("x = 1\nx", execution_count=None)]
    for cell in nb.cells:
        del cell["id"]
    return nb


if __name__ == "__main__":
    with open("jupyter_full.ipynb", "w", encoding="utf-8") as f:
        nbformat.write(full(), f)
    # nbformat.write would upgrade 4.4 to 4.5; write it as nbformat 4.4-era tools did
    # (the same json.dumps call, sources kept as single strings as some tools store them).
    with open("jupyter_v44.ipynb", "w", encoding="utf-8") as f:
        f.write(json.dumps(old_v44(), indent=1, sort_keys=True, ensure_ascii=False) + "\n")
