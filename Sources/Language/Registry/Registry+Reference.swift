// MARK: - The generated reference (docs/REFERENCE.md)

extension Registry {
    /// The language reference in Markdown: syntax, then every builtin, model,
    /// function and operation with its parameter table, all from the registry.
    /// `solvable reference` writes it to docs/REFERENCE.md; a test keeps that file current.
    public var referenceMarkdown: String {
        var out = [
            "# Solvable language reference",
            "",
            "<!-- Generated from the registry by `solvable reference`; do not edit by hand. -->",
            "",
            "## Syntax",
            "",
            "- A statement is `name = expression` or an expression; `;` or a new line ends it, and a statement continues over lines inside `(` `)` or `[` `]`. `#` starts a comment.",
            "- Values: numbers (`1.5e-4`, `inf`, `nan`, `pi`), strings (`\"...\"` or `'...'`), `true`/`false`, `none`, lists `[a, b]` (numeric lists are vectors), tables, models, schedules, plots, fits, claims.",
            "- Operators, loosest first: comparisons `== != < <= > >=`; `+ -`; `* /`; unary `-`; `^` (also `**`, right-associative, so `-x^2 = -(x^2)` and `P^-1.5` works). Arithmetic is elementwise over vectors, and a number broadcasts over a vector.",
            "- `t.name` reads a table's column, a row's field, a model's parameter or a fit's coefficient; `x[i]` indexes a vector, list or the rows of a table (negative from the end).",
            "- Calls take positional then keyword arguments: `linspace(0, 1, n=11)`. Operations are called as `op(model, ...)` or `model.op(...)`.",
            "- The last expression of a cell is its result; plots and claims are shown wherever they appear; `show(x)` displays anything.",
            "- `?name` or `name?` opens the help of `name` in the pager; `help(name)` shows it in the output.",
            "- In an operation, any model parameter may be overridden (`theory(m, alpha=2, P=...)`) or swept by giving a list (`alpha=[1, 1.5, 2]`): the results are stacked into one long table with a column named after each swept parameter. Work estimated above 8 GiB of memory or 600 s is refused with a `ResourceError` before it starts.",
            "- `seed(n)` sets the default `seed=` of every operation that takes one.",
            "- Errors: `SyntaxError`, `NameError`, `ArgumentError`, `DomainError`, `ResourceError`, `Interrupted`, `TypeError`, `IndexError`, `IOError`, each with the line, column and a caret.",
            "",
            "## Builtins",
        ]
        for builtin in builtins {
            out += ["", "### \(builtin.name)", "", help(for: builtin.name)?.markdown ?? ""]
        }
        out += ["", "## Constants", "", "| name | meaning |", "|---|---|"]
        out += Self.constants.map { "| `\($0.name)` | \($0.meaning) |" }
        if !families.isEmpty {
            out += ["", "## Models"]
            for family in families {
                out += ["", "### \(family.name)", "", help(for: family.name)?.markdown ?? ""]
            }
        }
        if !functions.isEmpty {
            out += ["", "## Functions"]
            for function in functions {
                out += ["", "### \(function.name)", "", help(for: function.name)?.markdown ?? ""]
            }
        }
        let operations = operationNames
        if !operations.isEmpty {
            out += ["", "## Operations", "", "| operation | models |", "|---|---|"]
            out += operations.map { op in "| `\(op)` | \(families(withOperation: op).map { "`\($0.name)`" }.joined(separator: ", ")) |" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
