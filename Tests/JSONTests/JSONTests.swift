import Testing
@testable import JSON

@Suite struct JSONWriterTests {
    @Test(arguments: [
        (1e-5, "1e-05"), (0.0001, "0.0001"), (1.5e-7, "1.5e-07"), (1e16, "1e+16"),
        (1e15, "1000000000000000.0"), (123.45, "123.45"), (100.0, "100.0"), (0.1, "0.1"),
        (-2.5, "-2.5"), (1.2345e20, "1.2345e+20"), (1.0 / 3.0, "0.3333333333333333"),
    ])
    func doublesPrintAsPythonRepr(value: Double, expected: String) {
        #expect(JSONWriter.formatDouble(value) == expected)
    }

    @Test func notebookStyleMatchesNbformat() {
        let value: JSONValue = ["b": [1, 2], "a": "x\n", "c": [:], "d": []]
        let expected = "{\n \"a\": \"x\\n\",\n \"b\": [\n  1,\n  2\n ],\n \"c\": {},\n \"d\": []\n}"
        #expect(JSONWriter.string(value, style: .notebook) == expected)
    }

    @Test func roundTripKeepsIntegersApartFromDoubles() throws {
        let text = #"{"n":3,"x":3.0,"s":"é\u00e9\ud83d\ude00","l":[true,false,null]}"#
        let value = try JSONParser.parse(text)
        #expect(value["n"] == .int(3))
        #expect(value["x"] == .double(3.0))
        #expect(value["s"] == .string("éé😀"))
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "\"\\x\"", "01", "1.", "-", "nul", "[1] 2", "\"\u{01}\""])
    func malformedTextThrows(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func absurdNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }
}
