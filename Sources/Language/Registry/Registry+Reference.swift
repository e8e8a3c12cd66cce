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
            "- A statement is `name = expression` (or `name += expression`, likewise `-= *= /= //= %= ^=`), `t[\"column\"] = values`, `v[i] = x`, an expression, `def`, `if`/`elif`/`else`, `return` or `pass`; `;` or a new line ends it, and a statement continues over lines inside `(` `)` or `[` `]`. `#` starts a comment. Blocks are indented as in Python; the first line's indentation is the cell's base.",
            "- Values: numbers (`1.5e-4`, `inf`, `nan`, `pi`), strings (`\"...\"`, `'...'`, or `\"\"\"...\"\"\"` over several lines), `true`/`false`/`none` (also `True`/`False`/`None`), lists `[a, b]` (numeric lists are vectors), masks, tables, models, schedules, plots, fits, claims, functions.",
            "- Operators, loosest first: `lambda x: ...`; `a if condition else b`; `or`; `and`; `not`; comparisons `== != < <= > >= in` `not in` (chained as in Python: `0 < x < 1`); `+ -`; `* / // %` (`//` and `%` round towards −∞ as in Python); unary `-`; `^` (also `**`, right-associative, so `-x^2 = -(x^2)` and `P^-1.5` works). Arithmetic is elementwise over vectors, and a number broadcasts over a vector.",
            "- Comparisons with a vector (or a table's column) are elementwise and give a **mask**, a sequence of `true`/`false`: `v > 1`, `t.opt == \"adam\"`. `and`, `or` and `not` combine masks elementwise (on single values they short-circuit as in Python); `v[v > 1]` keeps the elements and `t[t.loss < 1]` the rows where a mask is true (a list of bools works too); `sum(mask)` counts, as in numpy a mask counts as 1 and 0 where numbers are needed. A mask or vector used as a condition (`if`, `a if c else b`) is an error unless it has one element: use `any(...)` or `all(...)`.",
            "- `t[\"z\"] = expression` adds a column to a table (or replaces one of that name), as in pandas: a vector of the table's length, or a number or string for every row; a mask is stored as 1 and 0. `t.z = ...` is refused, since pandas does not add columns that way either.",
            "- List comprehensions `[f(x) for x in xs if x > 1]` run over lists, vectors, `range(...)`, masks and strings, with any number of `for` and `if` clauses (`sum(x^2 for x in xs)` also works); the loop name stays inside the brackets.",
            "- `def name(a, b=2):` with an indented body (or one on the same line) defines a function; defaults are evaluated when it is defined, a string at the start of the body is its docstring (`help(name)`, `?name` and Shift-Tab show the signature and docstring), `return` gives its value (`none` without one). A function reads the session's names when it runs, and a function defined inside another one keeps the enclosing one's names (closures). Names assigned in a body are local to it. Calls nest at most 200 deep (a `RecursionError` beyond). `lambda x, y=1: expression` makes an unnamed function. A user function shadows a builtin of the same name.",
            "- Not supported, each with a `SyntaxError` that names it: `for` and `while` statements (use a comprehension), `class`, `import`, `try`, `with`, `raise`, `del`, `global`, `yield`, `assert` (use `claim`), `break`/`continue`, decorators, `*args`/`**kwargs`, tuples (`a, b = 1, 2`), slices `a[i:j]`, dictionaries and sets, `is`, `&`/`|`/`~` (write `and`/`or`/`not`, which work on masks), f-strings and other prefixed strings (`f\"...\"`, `r\"...\"`, `b\"...\"`).",
            "- `t.name` reads a table's column, a row's field, a model's parameter or a fit's coefficient; `x[i]` indexes a vector, list or the rows of a table (negative from the end).",
            "- Calls take positional then keyword arguments: `linspace(0, 1, n=11)`. Operations are called as `op(model, ...)` or `model.op(...)`.",
            "- The last expression of a cell is its result; plots and claims are shown wherever they appear; `show(x)` displays anything.",
            "- `?name` or `name?` opens the help of `name` in the pager; `help(name)` shows it in the output.",
            "- In an operation, any model parameter may be overridden (`theory(m, alpha=2, P=...)`) or swept by giving a list (`alpha=[1, 1.5, 2]`): the results are stacked into one long table with a column named after each swept parameter. Work estimated above 8 GiB of memory or 600 s is refused with a `ResourceError` before it starts.",
            "- `seed(n)` sets the default `seed=` of every operation that takes one.",
            "- Errors: `SyntaxError`, `NameError`, `ArgumentError`, `DomainError`, `ResourceError`, `Interrupted`, `TypeError`, `IndexError`, `IOError`, `RecursionError`, each with the line, column and a caret.",
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
