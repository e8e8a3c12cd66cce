"""jupyter_kernel_test's conformance suite against the installed Solvable kernel,
with every sample attribute set."""
import jupyter_kernel_test


class SolvableKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "solvable"
    language_name = "solvable"
    file_extension = ".solv"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'warn("oops")'

    completion_samples = [
        {"text": "geoms", "matches": {"geomspace"}},
        {"text": "linsp", "matches": {"linspace"}},
    ]

    complete_code_samples = ["1 + 1", "x = 6 * 7", 'print("hello, world")']
    incomplete_code_samples = ["plot(1,", "x = [1, 2,", "f(\n"]
    invalid_code_samples = ["1 +* 2", ")"]

    code_page_something = "?linspace"
    code_generate_error = "undefined_name"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "1 + 1", "result": "2"},
    ]
    code_display_data = [
        {"code": "show(plot([1, 2, 3], [1, 4, 9]))", "mime": "image/svg+xml"},
        {"code": "show(table(a=[1, 2], b=[3, 4]))", "mime": "text/html"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "linspace"
    code_clear_output = "clear()"
