import Foundation
import Language
import Testing
import TestSupport

/// `load(path)` from the language: tables from files relative to the session's base
/// directory, and every error pinned with its message and column.
@Suite struct LoadTests {
    let h = Harness()
    let directory: URL

    init() throws {
        directory = URL(fileURLWithPath: try Scratch.directory("load"), isDirectory: true)
        try "N,D,loss,tag\n1e7,1e9,3.5,a\n1e8,1e10,2.9,b\n".write(to: directory.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
        try "N\tloss\n1\t2\n3\t4\n".write(to: directory.appendingPathComponent("runs.tsv"), atomically: true, encoding: .utf8)
        try "N,loss\n1,2\n3,4".write(to: directory.appendingPathComponent("nonewline.csv"), atomically: true, encoding: .utf8)
        try "N;loss\n1;2\n".write(to: directory.appendingPathComponent("semi.txt"), atomically: true, encoding: .utf8)
        try "N,loss\n1,2\n3,oops\n".write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        h.session.files = FileScope(base: directory.path)
    }

    private func expectError(_ code: String, _ message: String, column: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = h.error(code) else { Issue.record("expected an error from \(code)", sourceLocation: sourceLocation); return }
        #expect(e.ename + ": " + e.evalue == message, sourceLocation: sourceLocation)
        #expect(e.column == column, sourceLocation: sourceLocation)
    }

    @Test func loadsRelativeToTheBaseDirectory() {
        #expect(h.plain("t = load(\"runs.csv\")\ncolumns(t)") == "[\"N\", \"D\", \"loss\", \"tag\"]")
        #expect(h.plain("load(\"runs.csv\").loss") == "[3.5, 2.9]")
        #expect(h.plain("load(\"runs.csv\").tag") == "[\"a\", \"b\"]")
        #expect(h.plain("load(\"runs.tsv\").loss") == "[2, 4]")
        #expect(h.plain("load(\"nonewline.csv\").loss") == "[2, 4]")
        #expect(h.plain("load(\"semi.txt\", sep=\";\").N") == "[1]")
        #expect(h.plain("load(\"\(directory.path)/runs.csv\").N") == "[10000000, 100000000]")
    }

    @Test func errorsOfLoad() {
        expectError("load(\"missing.csv\")",
                    "IOError: cannot read \"missing.csv\": no such file (looked for \(directory.path)/missing.csv)", column: 6)
        expectError("load(\".\")", "IOError: cannot read \".\": it is a directory (looked for \(directory.path)/.)", column: 6)
        expectError("load(\"bad.csv\")",
                    "IOError: cannot load \"bad.csv\": line 3, column 2: 'oops' is not a number, but column 'loss' holds numbers", column: 6)
        expectError("load(\"runs.csv\", sep=\";;\")",
                    "DomainError: sep = \";;\" is not allowed: use one character other than a quote or a newline, e.g. \",\" or \"\\t\"", column: 18)
        expectError("load(3)", "ArgumentError: load: path must be a string, not a number", column: 6)
    }
}
