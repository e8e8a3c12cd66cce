"""Writes the 20-cell benchmark notebook (plots, tables, math) used by render.sh and
run.sh, and the same code as one plain file for `solvable eval`.

Usage: python render_notebook.py OUT.ipynb OUT.solv
Every code cell ends in show(...) (no bare last expression), so evaluating the
concatenated file does exactly the display work the notebook run does.
"""
import json
import sys


def cells():
    out = []
    for i in range(20):
        if i % 4 == 0:
            out.append(("markdown", f"## Section {i // 4 + 1}\n\nThe ICL error $E(\\alpha) = \\rho + \\sum_k w_k^2 \\lambda_k$ "
                                    f"and $$\\kappa = \\lambda + \\kappa \\sum_k \\frac{{\\lambda_k}}{{\\lambda_k P + \\kappa}}$$"))
        elif i % 4 == 1:
            out.append(("code", f"m{i} = icl(kappa=2, tau=2, d=16)\n"
                                f"th{i} = theory(m{i}, alpha=linspace(0.5, 4, 30))\n"
                                f"sim{i} = simulate(m{i}, alpha=[0.5, 1, 2, 4], trials=2, tests=500, seed={i})\n"
                                f"show(plot(th{i}, sim{i}, x=\"alpha\", y=\"icl\", title=\"ICL {i}\"))"))
        elif i % 4 == 2:
            out.append(("code", f"P = geomspace(10, 1e4, 60)\n"
                                f"t{i} = table(P=P, test=3 * P^(-1.{i}), train=P^(-2))\n"
                                f"show(plot(t{i}, x=\"P\", y=\"test\", scale=\"loglog\", title=\"Power law {i}\"))\n"
                                f"show(t{i})"))
        else:
            out.append(("code", f"f{i} = fit(t{i - 1}, x=\"P\", y=\"test\", law=\"powerlaw\")\n"
                                f"print(f{i})\n"
                                f"show(claim(\"exponent {i}\", f{i}.exponent, expect=-1.{i - 1}, tol=0.01))"))
    return out


def notebook():
    nb_cells = []
    for n, (kind, source) in enumerate(cells()):
        cell = {"cell_type": kind, "id": f"cell{n}", "metadata": {}, "source": source.splitlines(True)}
        if kind == "code":
            cell.update(outputs=[], execution_count=None)
        nb_cells.append(cell)
    return {"cells": nb_cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "solvable", "display_name": "Solvable", "language": "solvable"},
                         "solvable": {"paper": {"title": "Benchmark notebook", "authors": ["Bench"], "year": 2026}}}}


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(json.dumps(notebook(), indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(source for kind, source in cells() if kind == "code") + "\n")
