import JSON
import Testing
import Platform
@testable import Notebook

/// Reading, validating and writing nbformat files without losing anything.
@Suite struct NotebookFormatTests {
    @Test(arguments: ["jupyter_full.ipynb", "jupyter_v44.ipynb"])
    func roundTripIsByteIdentical(name: String) throws {
        let bytes = try FileIO.read(fixture(name))
        let notebook = try Notebook(parsing: bytes)
        #expect(notebook.serialized() == String(decoding: bytes, as: UTF8.self))
    }

    @Test func unknownFieldsAndWidgetStateSurvive() throws {
        let notebook = try Notebook(contentsOf: fixture("jupyter_full.ipynb"))
        #expect(notebook.metadata["widgets"]?["application/vnd.jupyter.widget-state+json"]?["version_major"] == 2)
        #expect(notebook.metadata["toc-autonumbering"] == true)
        #expect(notebook.cells[0].fields["attachments"]?["tiny.png"]?["image/png"]?.stringValue?.hasPrefix("iVBOR") == true)
        #expect(notebook.cells[2].outputs[2]["transient_extra"] == "kept")
        #expect(notebook.cells[2].metadata["scrolled"] == true)
        #expect(notebook.paper?.authors.count == 3)
        #expect(notebook.paper?.arxivURL == "https://arxiv.org/abs/2002.02561")
    }

    @Test func upgradeAddsDeterministicUniqueIDs() throws {
        var first = try Notebook(contentsOf: fixture("jupyter_v44.ipynb"))
        var second = first
        first.upgradeToCurrentMinor()
        second.upgradeToCurrentMinor()
        #expect(first.nbformatMinor == 5)
        let ids = first.cells.compactMap(\.id)
        #expect(ids.count == 2 && Set(ids).count == 2)
        #expect(ids.allSatisfy { $0.count == 8 && NotebookValidator.isValidID($0) })
        #expect(first.serialized() == second.serialized())
        _ = try Notebook(parsing: Array(first.serialized().utf8))
    }

    @Test(arguments: [
        (#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "outputs": [{"output_type": "stream", "text": "x"}], "execution_count": null}]}"#,
         "cells[0].outputs[0].name: missing or not a string"),
        (#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "graph", "id": "a", "metadata": {}, "source": ""}]}"#,
         "cells[0].cell_type: unknown cell type 'graph' (expected code, markdown or raw)"),
        (#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "raw", "metadata": {}, "source": ""}]}"#,
         "cells[0].id: missing or not a string (nbformat 4.5 requires cell ids)"),
        (#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "raw", "id": "a b", "metadata": {}, "source": ""}]}"#,
         "cells[0].id: a cell id must be 1-64 characters from a-z A-Z 0-9 - _"),
        (#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "raw", "id": "a", "metadata": {}, "source": ""}, {"cell_type": "raw", "id": "a", "metadata": {}, "source": ""}]}"#,
         "cells[1].id: duplicate cell id 'a'"),
        (#"{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}, "source": "", "outputs": [{"output_type": "display", "data": {}}], "execution_count": 1}]}"#,
         "cells[0].outputs[0].output_type: unknown output type 'display' (expected stream, display_data, execute_result or error)"),
        (#"{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}, "source": "", "outputs": [{"output_type": "display_data", "data": {"text/plain": 3}, "metadata": {}}], "execution_count": 1}]}"#,
         "cells[0].outputs[0].data.text/plain: missing or not a string or a list of strings"),
        (#"{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "cells": []}"#,
         "nbformat: nbformat 3 is not supported (only version 4)"),
        (#"{"nbformat": 4, "nbformat_minor": 4, "metadata": {"kernelspec": {"name": "x"}}, "cells": []}"#,
         "metadata.kernelspec.display_name: missing or not a string"),
        (#"{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [}"#,
         "invalid JSON at byte 63: unexpected character"),
    ])
    func invalidNotebooksNameTheBadField(text: String, message: String) {
        #expect(throws: NotebookError.self) { try Notebook(parsing: Array(text.utf8)) }
        do {
            _ = try Notebook(parsing: Array(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func lineSplittingMatchesPythonSplitlines() {
        #expect(LineSplitting.lines("a\nb") == ["a\n", "b"])
        #expect(LineSplitting.lines("a\r\nb\rc\n") == ["a\r\n", "b\r", "c\n"])
        #expect(LineSplitting.lines("") == [])
        #expect(LineSplitting.lines("\n\n") == ["\n", "\n"])
        #expect(LineSplitting.lines("x\u{2028}y\u{0C}z") == ["x\u{2028}", "y\u{0C}", "z"])
    }

    @Test func timestampsRoundTrip() throws {
        let stamp = try #require(Timestamp(iso8601: "2026-11-30T10:00:00.512000Z"))
        #expect(stamp.iso8601 == "2026-11-30T10:00:00.512000Z")
        let later = try #require(Timestamp(iso8601: "2026-11-30T10:00:01.000000Z"))
        #expect(abs(stamp.seconds(to: later) - 0.488) < 1e-9)
    }
}
