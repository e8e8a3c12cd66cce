extension DiagnosticCatalogTests {
    /// The syntax errors (`Diagnostic.Syntax`), one row or more per case.
    static let syntaxRows: [Row] = [
        Row(diagnostic: "syntax.unsupportedStatement", code: "for x in [1, 2]: print(x)", traceback: [
            "SyntaxError: 'for' statements are not supported; use a list comprehension [... for x in xs]", "  at line 1, column 1", "    for x in [1, 2]: print(x)", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "while true:", traceback: [
            "SyntaxError: 'while' loops are not supported; use a list comprehension [... for x in xs] or a recursive function", "  at line 1, column 1", "    while true:", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "class A:", traceback: [
            "SyntaxError: 'class' definitions are not supported; use def for functions and table(...) for data", "  at line 1, column 1", "    class A:", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "import numpy", traceback: [
            "SyntaxError: 'import' is not supported; every builtin and model is already available (see help())", "  at line 1, column 1", "    import numpy", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "from math import pi", traceback: [
            "SyntaxError: 'from' is not supported; every builtin and model is already available (see help())", "  at line 1, column 1", "    from math import pi", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "try:", traceback: [
            "SyntaxError: 'try' (exception handling) is not supported", "  at line 1, column 1", "    try:", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "with open(\"f\") as f:", traceback: [
            "SyntaxError: 'with' statements are not supported", "  at line 1, column 1", "    with open(\"f\") as f:", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "raise 1", traceback: [
            "SyntaxError: 'raise' is not supported", "  at line 1, column 1", "    raise 1", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "del x", traceback: [
            "SyntaxError: 'del' is not supported; assign the name a new value instead", "  at line 1, column 1", "    del x", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "x = 1\nglobal x", traceback: [
            "SyntaxError: 'global' declarations are not supported; a function reads the session's names but binds its own", "  at line 2, column 1", "    global x", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "def f():\n    yield 1", traceback: [
            "SyntaxError: 'yield' (generators) is not supported; return a list instead", "  at line 2, column 5", "        yield 1", "        ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "assert 1 == 1", traceback: [
            "SyntaxError: 'assert' is not supported; state a check with claim(text, measured, expect=..., tol=...)", "  at line 1, column 1", "    assert 1 == 1", "    ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "break", traceback: [
            "SyntaxError: 'break' is not supported: the language has no loops (use a list comprehension)", "  at line 1, column 1", "    break", "    ^"]),
        Row(diagnostic: "syntax.braces", code: "x = {\"a\": 1}", traceback: [
            "SyntaxError: dictionaries and sets ('{ }') are not supported; use a table or a list", "  at line 1, column 5", "    x = {\"a\": 1}", "        ^"]),
        Row(diagnostic: "syntax.decorator", code: "@cache\ndef f(): return 1", traceback: [
            "SyntaxError: decorators ('@') are not supported", "  at line 1, column 1", "    @cache", "    ^"]),
        Row(diagnostic: "syntax.returnOutsideFunction", code: "return 1", traceback: [
            "SyntaxError: 'return' outside function", "  at line 1, column 1", "    return 1", "    ^"]),
        Row(diagnostic: "syntax.badUnindent", code: "def f(x):\n    return x\n  y = 2", traceback: [
            "SyntaxError: unindent does not match any outer indentation level", "  at line 3, column 3", "      y = 2", "      ^"]),
        Row(diagnostic: "syntax.unexpectedIndent", code: "x = 1\n    y = 2", traceback: [
            "SyntaxError: unexpected indent", "  at line 2, column 5", "        y = 2", "        ^"]),
        Row(diagnostic: "syntax.expectedBlock", code: "def f():", traceback: [
            "SyntaxError: expected an indented block after function definition on line 1, found end of input", "  at line 1, column 9", "    def f():", "            ^"]),
        Row(diagnostic: "syntax.expectedParameterSeparator", code: "def f()\n    return 1", traceback: [
            "SyntaxError: expected ':' after the parameters of 'f', found end of line", "  at line 1, column 8", "    def f()", "           ^"]),
        Row(diagnostic: "syntax.nonDefaultAfterDefault", code: "def f(a=1, b): return a", traceback: [
            "SyntaxError: parameter without a default follows parameter with a default", "  at line 1, column 12", "    def f(a=1, b): return a", "               ^"]),
        Row(diagnostic: "syntax.duplicateParameter", code: "def f(a, a): return a", traceback: [
            "SyntaxError: duplicate parameter 'a'", "  at line 1, column 10", "    def f(a, a): return a", "             ^"]),
        Row(diagnostic: "syntax.variadicParameter", code: "def f(*args): return 1", traceback: [
            "SyntaxError: '*args' parameters are not supported", "  at line 1, column 7", "    def f(*args): return 1", "          ^"]),
        Row(diagnostic: "syntax.variadicParameter", code: "def f(**kw): return 1", traceback: [
            "SyntaxError: '**kwargs' parameters are not supported", "  at line 1, column 7", "    def f(**kw): return 1", "          ^"]),
        Row(diagnostic: "syntax.expectedFunctionName", code: "def for(x): return x", traceback: [
            "SyntaxError: expected a function name after 'def', found for", "  at line 1, column 5", "    def for(x): return x", "        ^"]),
        Row(diagnostic: "syntax.cannotAssignKeyword", code: "if = 3", traceback: [
            "SyntaxError: cannot assign to 'if': it is a keyword", "  at line 1, column 1", "    if = 3", "    ^"]),
        Row(diagnostic: "syntax.expectedElse", code: "x = 1 if 2", traceback: [
            "SyntaxError: expected 'else' in the conditional expression 'a if condition else b', found end of input", "  at line 1, column 11", "    x = 1 if 2", "              ^"]),
        Row(diagnostic: "syntax.expectedExpression", code: "x = [y for y in]", traceback: [
            "SyntaxError: expected an expression, found ']'", "  at line 1, column 16", "    x = [y for y in]", "                   ^"]),
        Row(diagnostic: "syntax.expectedLoopName", code: "x = [y for 1 in [1]]", traceback: [
            "SyntaxError: expected a variable name after 'for', found 1", "  at line 1, column 12", "    x = [y for 1 in [1]]", "               ^"]),
        Row(diagnostic: "syntax.unpackingInComprehension", code: "x = [a for a, b in [1]]", traceback: [
            "SyntaxError: unpacking several names in a comprehension (for a, b in ...) is not supported; loop over one name", "  at line 1, column 13", "    x = [a for a, b in [1]]", "                ^"]),
        Row(diagnostic: "syntax.tuple", code: "x = (1, 2)", traceback: [
            "SyntaxError: tuples are not supported; use a list [a, b]", "  at line 1, column 7", "    x = (1, 2)", "          ^"]),
        Row(diagnostic: "syntax.slice", code: "v = [1, 2, 3]\nv[0:2]", traceback: [
            "SyntaxError: slices (a[i:j]) are not supported; index with a mask or use a comprehension", "  at line 2, column 4", "    v[0:2]", "       ^"]),
        Row(diagnostic: "syntax.misplacedKeyword", code: "x is none", traceback: [
            "SyntaxError: 'is' is not supported; compare with == or !=", "  at line 1, column 3", "    x is none", "      ^"]),
        Row(diagnostic: "syntax.fieldAssignment", code: "t = table(a=[1])\nt.b = 2", traceback: [
            "SyntaxError: cannot assign to the field 'b'; add or replace a column with t[\"b\"] = values", "  at line 2, column 3", "    t.b = 2", "      ^"]),
        Row(diagnostic: "syntax.cannotAssignExpression", code: "f(x) = 3", traceback: [
            "SyntaxError: cannot assign to this expression; assignments look like name = value", "  at line 1, column 6", "    f(x) = 3", "         ^"]),
        Row(diagnostic: "syntax.unsupportedStatement", code: "x = 1\nelse:", traceback: [
            "SyntaxError: 'else' without a matching 'if'", "  at line 2, column 1", "    else:", "    ^"]),
        Row(diagnostic: "syntax.expectedBlock", code: "def f(x):\nreturn x", traceback: [
            "SyntaxError: expected an indented block after function definition on line 1, found return", "  at line 2, column 1", "    return x", "    ^"]),
        Row(diagnostic: "syntax.generatorNotAlone", code: "sum(x for x in [1, 2], 3)", traceback: [
            "SyntaxError: a generator argument must be the only argument; put it in brackets: [... for x in xs]", "  at line 1, column 5", "    sum(x for x in [1, 2], 3)", "        ^"]),
        Row(diagnostic: "syntax.expectedExpression", code: "x = 1 +", traceback: [
            "SyntaxError: expected an expression, found end of input", "  at line 1, column 8", "    x = 1 +", "           ^"]),
        Row(diagnostic: "syntax.trailing", code: "x += 1\ny = 2 +=", traceback: [
            "SyntaxError: unexpected += after a complete statement", "  at line 2, column 7", "    y = 2 +=", "          ^"]),
        Row(diagnostic: "syntax.neverClosed", code: "lambda x: x(1", traceback: [
            "SyntaxError: '(' was never closed", "  at line 1, column 12", "    lambda x: x(1", "               ^"]),
        Row(diagnostic: "syntax.stringPrefix", code: "print(f\"x {1}\")", traceback: [
            "SyntaxError: f-strings are not supported; give print the parts: print(\"loss\", x)", "  at line 1, column 7", "    print(f\"x {1}\")", "          ^"]),
        Row(diagnostic: "syntax.stringPrefix", code: "x = r'a\\b'", traceback: [
            "SyntaxError: raw strings (r\"...\") are not supported; write a backslash as \\\\", "  at line 1, column 5", "    x = r'a\\b'", "        ^"]),
        Row(diagnostic: "syntax.tupleAssignment", code: "a, b = 1, 2", traceback: [
            "SyntaxError: tuples are not supported (as in a, b = 1, 2); assign one name at a time, or use a list [a, b]", "  at line 1, column 2", "    a, b = 1, 2", "     ^"]),
        Row(diagnostic: "syntax.tupleAssignment", code: "x = 1, 2", traceback: [
            "SyntaxError: tuples are not supported (as in a, b = 1, 2); assign one name at a time, or use a list [a, b]", "  at line 1, column 6", "    x = 1, 2", "         ^"]),
        Row(diagnostic: "syntax.stringPrefix", code: "b\"ab\"", traceback: [
            "SyntaxError: bytes literals (b\"...\") are not supported", "  at line 1, column 1", "    b\"ab\"", "    ^"]),
        Row(diagnostic: "syntax.stringPrefix", code: "u\"x\"", traceback: [
            "SyntaxError: the u\"...\" prefix is not needed: strings are Unicode", "  at line 1, column 1", "    u\"x\"", "    ^"]),
        Row(diagnostic: "syntax.unterminatedString", code: "x = \"\"\"never closed", traceback: [
            "SyntaxError: unterminated triple-quoted string (missing closing \"\"\")", "  at line 1, column 5", "    x = \"\"\"never closed", "        ^"]),
        Row(diagnostic: "syntax.bitwiseOperator", code: "t = table(a=[1], b=[2])\nt[(t.a > 1) & (t.b < 2)]", traceback: [
            "SyntaxError: '&' is not supported; write 'and', which works elementwise on masks: t[t.a > 1 and t.b < 2]", "  at line 2, column 13", "    t[(t.a > 1) & (t.b < 2)]", "                ^"]),
        Row(diagnostic: "syntax.bitwiseOperator", code: "v = [1]\nv[(v > 0) | (v < 2)]", traceback: [
            "SyntaxError: '|' is not supported; write 'or', which works elementwise on masks: t[t.a > 1 or t.b < 2]", "  at line 2, column 11", "    v[(v > 0) | (v < 2)]", "              ^"]),
        Row(diagnostic: "syntax.bitwiseOperator", code: "v = [1]\nv[~(v > 0)]", traceback: [
            "SyntaxError: '~' is not supported; write 'not', which works elementwise on masks: t[t.a > 1 and not t.b]", "  at line 2, column 3", "    v[~(v > 0)]", "      ^"]),
        Row(diagnostic: "syntax.invalidNumber", code: "x = 1e+", traceback: [
            "SyntaxError: invalid number '1e'", "  at line 1, column 5", "    x = 1e+", "        ^"]),
        Row(diagnostic: "syntax.numberTooLarge", code: "x = 1e999", traceback: [
            "SyntaxError: the number '1e999' is too large: numbers go up to about 1.8e308 (write inf for infinity)", "  at line 1, column 5", "    x = 1e999", "        ^"]),
        Row(diagnostic: "syntax.unmatched", code: "x = 1)", traceback: [
            "SyntaxError: unmatched ')'", "  at line 1, column 6", "    x = 1)", "         ^"]),
        Row(diagnostic: "syntax.mismatched", code: "x = [1, 2)", traceback: [
            "SyntaxError: ')' does not match '[' at line 1, column 5", "  at line 1, column 10", "    x = [1, 2)", "             ^"]),
        Row(diagnostic: "syntax.unexpectedCharacter", code: "x = 1 $ 2", traceback: [
            "SyntaxError: unexpected character '$'", "  at line 1, column 7", "    x = 1 $ 2", "          ^"]),
        Row(diagnostic: "syntax.expectedFieldName", code: "t.(1)", traceback: [
            "SyntaxError: expected a field name after '.', found (", "  at line 1, column 3", "    t.(1)", "      ^"]),
        Row(diagnostic: "syntax.expectedArgumentSeparator", code: "f(1 2)", traceback: [
            "SyntaxError: expected ',' or ')' in the argument list, found 2", "  at line 1, column 5", "    f(1 2)", "        ^"]),
        Row(diagnostic: "syntax.expectedListSeparator", code: "[1 2]", traceback: [
            "SyntaxError: expected ',' or ']' in the list, found 2", "  at line 1, column 4", "    [1 2]", "       ^"]),
        Row(diagnostic: "syntax.expectedIn", code: "[x for x of [1]]", traceback: [
            "SyntaxError: expected 'in' after 'for x', found of", "  at line 1, column 10", "    [x for x of [1]]", "             ^"]),
        Row(diagnostic: "syntax.expectedHelpName", code: "?1", traceback: [
            "SyntaxError: expected a name after '?'", "  at line 1, column 2", "    ?1", "     ^"]),
        Row(diagnostic: "syntax.expectedParameterName", code: "def f(1): return 1", traceback: [
            "SyntaxError: expected a parameter name, found 1", "  at line 1, column 7", "    def f(1): return 1", "          ^"]),
        Row(diagnostic: "syntax.expected", code: "def f(x) return x", traceback: [
            "SyntaxError: expected ':' after the parameters of 'f', found return", "  at line 1, column 10", "    def f(x) return x", "             ^"]),
        Row(diagnostic: "syntax.severalSubscripts", code: "v = [1]\nv[0, 1]", traceback: [
            "SyntaxError: indexing with several subscripts (a[i, j]) is not supported", "  at line 2, column 4", "    v[0, 1]", "       ^"]),
        Row(diagnostic: "syntax.repeatedKeyword", code: "f(a=1, a=2)", traceback: [
            "SyntaxError: keyword argument 'a' repeated", "  at line 1, column 8", "    f(a=1, a=2)", "           ^"]),
        Row(diagnostic: "syntax.positionalAfterKeyword", code: "f(a=1, 2)", traceback: [
            "SyntaxError: positional argument follows keyword argument", "  at line 1, column 8", "    f(a=1, 2)", "           ^"]),
        Row(diagnostic: "syntax.mustStartLine", code: "x = 1; def f(): return 1", traceback: [
            "SyntaxError: 'def' must start a line of its own", "  at line 1, column 8", "    x = 1; def f(): return 1", "           ^"]),
        Row(diagnostic: "syntax.indexedAssignmentTarget", code: "f(1)[0] = 2", traceback: [
            "SyntaxError: only a name can be indexed on the left of '=', as in t[\"z\"] = values", "  at line 1, column 5", "    f(1)[0] = 2", "        ^"]),
        Row(diagnostic: "syntax.augmentedNeedsName", code: "1 += 2", traceback: [
            "SyntaxError: '+=' needs a name on its left, as in x += 1", "  at line 1, column 3", "    1 += 2", "      ^"]),
        Row(diagnostic: "syntax.helpTakesName", code: "f(1)?", traceback: [
            "SyntaxError: help with '?' takes a name, as in ?ridge", "  at line 1, column 1", "    f(1)?", "    ^"]),
        Row(diagnostic: "syntax.cannotAssignConstant", code: "true = 1", traceback: [
            "SyntaxError: cannot assign to 'true'", "  at line 1, column 1", "    true = 1", "    ^"]),
        Row(diagnostic: "syntax.nestedTooDeeply (operators)", code: "x = " + Array(repeating: "1", count: 300).joined(separator: "+"), traceback: [
            "SyntaxError: expression nested too deeply (more than 200 levels)", "  at line 1, column 402",
            "    x = " + Array(repeating: "1", count: 300).joined(separator: "+"), "    " + String(repeating: " ", count: 401) + "^"]),
        Row(diagnostic: "syntax.nestedTooDeeply (brackets)", code: "x = " + String(repeating: "-", count: 300) + "1", traceback: [
            "SyntaxError: expression nested too deeply", "  at line 1, column 203",
            "    x = " + String(repeating: "-", count: 300) + "1", "    " + String(repeating: " ", count: 202) + "^"]),
    ]
}
