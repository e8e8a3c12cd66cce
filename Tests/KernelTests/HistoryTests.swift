import JSON
@testable import Kernel
import Testing

/// `history_request` answers: tail, range, search (glob, unique, n), with output.
@Suite struct HistoryTests {
    var history: History {
        var h = History()
        h.append(line: 1, input: "6 * 7", output: "42")
        h.append(line: 2, input: "x = 1", output: nil)
        h.append(line: 3, input: "6 * 7", output: "42")
        h.append(line: 4, input: "print(6)", output: nil)
        return h
    }

    @Test func tailGivesTheLastN() {
        let answer = history.answer(["hist_access_type": "tail", "n": 2, "output": false, "raw": true])
        #expect(answer == [[1, 3, "6 * 7"], [1, 4, "print(6)"]])
    }

    @Test func outputPairsInputWithResultText() {
        let answer = history.answer(["hist_access_type": "tail", "n": 2, "output": true, "raw": true])
        #expect(answer == [[1, 3, ["6 * 7", "42"]], [1, 4, ["print(6)", nil]]])
    }

    @Test func rangeIsHalfOpenInTheCurrentSession() {
        #expect(history.answer(["hist_access_type": "range", "session": 1, "start": 2, "stop": 4])
            == [[1, 2, "x = 1"], [1, 3, "6 * 7"]])
        #expect(history.answer(["hist_access_type": "range", "session": 0, "start": 4]) == [[1, 4, "print(6)"]])
        #expect(history.answer(["hist_access_type": "range", "session": 7, "start": 1]).isEmpty)
    }

    @Test func searchUsesGlobsUniqueAndN() {
        #expect(history.answer(["hist_access_type": "search", "pattern": "6 * 7"]).count == 2)
        #expect(history.answer(["hist_access_type": "search", "pattern": "6 * 7", "unique": true]) == [[1, 3, "6 * 7"]])
        #expect(history.answer(["hist_access_type": "search", "pattern": "*", "n": 3]).count == 3)
        #expect(history.answer(["hist_access_type": "search", "pattern": "print(?)"]) == [[1, 4, "print(6)"]])
        #expect(history.answer(["hist_access_type": "search", "pattern": "[wx]*"]) == [[1, 2, "x = 1"]])
        #expect(history.answer(["hist_access_type": "search", "pattern": "[!6p]*"]) == [[1, 2, "x = 1"]])
        #expect(history.answer(["hist_access_type": "search", "pattern": "7"]).isEmpty)  // whole-string match
    }

    @Test func globEdgeCases() {
        func m(_ p: String, _ t: String) -> Bool { Glob.matches(Array(p.unicodeScalars), Array(t.unicodeScalars)) }
        #expect(m("", ""))
        #expect(!m("", "a"))
        #expect(m("*", ""))
        #expect(m("a*b*c", "axxbyyc"))
        #expect(!m("a*b*c", "axxbyy"))
        #expect(m("[a-c]x", "bx"))
        #expect(m("[", "["))  // unclosed bracket is a literal
    }

    @Test func longOutputsAreCutAndTheTotalIsBounded() {
        // Five cells with 50 MB results (the probe of issue 15) keep 4 KiB of each.
        var h = History()
        let big = String(repeating: "1234567890", count: 5_000_000)
        for line in 1...5 { h.append(line: line, input: "table(a=range(1e6))", output: big) }
        #expect(h.entries.count == 5)
        #expect(h.storedBytes < 5 * (4 << 10 + 200))
        #expect(h.entries[0].output?.hasPrefix("1234567890") == true)
        #expect(h.entries[0].output?.hasSuffix("more bytes not kept in history]") == true)

        // Past the total, the oldest cells go first; an input above it alone is not kept.
        var small = History(maximumOutputBytes: 8, maximumStoredBytes: 200)  // 52 bytes a cell
        for line in 1...6 { small.append(line: line, input: "cell \(line)", output: "é-é-é-é-é") }
        #expect(small.entries.map(\.line) == [4, 5, 6])
        #expect(small.entries[0].output == "é-é-é… [6 more bytes not kept in history]")
        #expect(small.storedBytes == 3 * 52)
        small.append(line: 7, input: String(repeating: "x", count: 201), output: nil)
        #expect(small.entries.map(\.line) == [4, 5, 6])
    }
}
