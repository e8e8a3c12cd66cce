import Foundation
import NumericCore
import Testing
import TestSupport

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

/// The quote-free fast path and CSV.swift give the same tables and the same errors.
@Suite struct UnquotedCSVTests {
    private func both(_ text: String, delimiter: UnicodeScalar = ",") -> (Result<Table, TableReadError>, Result<Table, TableReadError>) {
        let path = try! Scratch.file("table.csv", prefix: "csv")
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        func run(_ body: () throws(TableReadError) -> Table) -> Result<Table, TableReadError> {
            do throws(TableReadError) { return .success(try body()) } catch { return .failure(error) }
        }
        return (run { () throws(TableReadError) in try Table.readDelimited(file: path, delimiter: delimiter) },
                run { () throws(TableReadError) in try Table.readDelimited(InputStream(data: Data(text.utf8)), delimiter: delimiter) })
    }

    @Test(arguments: [
        "N,D,loss,name\n1e7,2e9,3.25,a b\n2e7, 4e9 ,3.0,c\n",
        "x\ty\r\n 1\t2 \r\n\r\n3\t4\r\n",
        "a,b\n1,2\n3,4",
        "a,b\n",
        "",
        "a,,c\n1,2,3\n",
        "a,b,a\n1,2,3\n",
        "a,b\n1,2\n3\n",
        "a,b\n1,2\n3,4,5\n",
        "a,b\n1,2\n3,\n",
        "a,b\n1,2\n3,x4\n",
        "a,b\n1,2\n3,12345678901234567890123456789012345678901234567890123456789012345678901234567890x\n",
        "a,b\nx,1\ny,inf\n",
    ])
    func sameAsTheLibrary(_ text: String) {
        let delimiter: UnicodeScalar = text.contains("\t") ? "\t" : ","
        let (fast, library) = both(text, delimiter: delimiter)
        switch (fast, library) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("fast \(fast) but library \(library)")
        }
    }

    @Test func quotedFilesGoToTheLibrary() throws {
        let (fast, _) = both("a,b\n\"x, y\",1\n")
        #expect(try fast.get().column("a")?.values == .strings(["x, y"]))
    }
}
