import Foundation
import NumericCore
import Testing

/// CSV/TSV into tables: numbers and strings, quoting, and every error at its line and column.
@Suite struct TableCSVTests {
    private func read(_ text: String, delimiter: UnicodeScalar = ",") throws(TableReadError) -> Table {
        try Table.readDelimited(InputStream(data: Data(text.utf8)), delimiter: delimiter)
    }

    private func expectError(_ text: String, _ description: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try read(text)
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == description, sourceLocation: sourceLocation)
        }
    }

    @Test func numbersAndStrings() throws {
        let t = try read("N,D,loss,name\n1e7,2e9,3.25,\"a, b\"\n2e7,4e9,3.0,c\n")
        #expect(t.columnNames == ["N", "D", "loss", "name"])
        #expect(t.numbers("N") == [1e7, 2e7])
        #expect(t.numbers("loss") == [3.25, 3.0])
        #expect(t.column("name")?.values == .strings(["a, b", "c"]))
        #expect(t.role == .data)
    }

    @Test func tabsCRLFSpacesAndBlankLines() throws {
        let t = try read("x\ty\r\n 1\t2 \r\n\r\n3\t4\r\n", delimiter: "\t")
        #expect(t.numbers("x") == [1, 3] && t.numbers("y") == [2, 4])
    }

    @Test func headerOnlyGivesEmptyColumns() throws {
        let t = try read("a,b\n")
        #expect(t.columnNames == ["a", "b"] && t.rowCount == 0)
    }

    @Test func errorsNameTheLineAndColumn() {
        expectError("", "the file is empty: expected a header row of column names")
        expectError("a,,c\n1,2,3\n", "line 1, column 2: the header has an empty column name")
        expectError("a,b,a\n1,2,3\n", "line 1, column 3: the header repeats the column name 'a' (first in column 1)")
        expectError("a,b\n1,2\n3\n", "line 3: the row has 1 field but the header has 2")
        expectError("a,b\n1,2\n3,4,5\n", "line 3: the row has 3 fields but the header has 2")
        expectError("a,b\n1,2\n3,\n", "line 3, column 2: the cell is empty, but column 'b' holds numbers")
        expectError("a,b\n1,2\n3,x4\n", "line 3, column 2: 'x4' is not a number, but column 'b' holds numbers")
        // A quoted field spanning lines moves the next rows' line numbers down.
        expectError("a,b\n\"two\nlines\",2\nc,oops\n", "line 4, column 2: 'oops' is not a number, but column 'b' holds numbers")
    }
}
