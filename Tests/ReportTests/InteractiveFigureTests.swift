import JSON
@testable import Report
import Testing

/// The offline interactive figure of saved explore frames.
@Suite struct InteractiveFigureTests {
    static let frames: JSONValue = [
        "controls": [["label": "alpha", "kind": "slider", "values": ["1", "2", "3"]],
                     ["label": "on", "kind": "checkbox", "values": ["false", "true"]]],
        "initial": [1, 0],
        "frames": ["<svg>10</svg>", "<svg>11</svg>", "<svg>20</svg>", "<svg>21</svg>",
                   "<svg>30<script>alert(1)</script></svg>", "<svg>31</svg>"],
        "note": "6 frames precomputed",
    ]

    @Test func inputsStartAtTheInitialFrameAndTheDataCannotCloseItsScript() throws {
        let html = try #require(InteractiveFigure.html(Self.frames))
        #expect(html.contains("<input type=\"range\" min=\"0\" max=\"2\" step=\"1\" value=\"1\" data-axis=\"0\">"))
        #expect(html.contains("<input type=\"checkbox\" data-axis=\"1\"> on"))
        #expect(html.contains("<div class=\"explore-view\"><svg>20</svg></div>"))  // row-major: alpha=2, on=false
        #expect(html.contains("Interactive: 6 frames precomputed."))
        #expect(!html.contains("alert(1)"))
        let data = try #require(html.components(separatedBy: "class=\"explore-frames\">").last?.components(separatedBy: "</script>").first)
        #expect(!data.contains("</"))
    }

    @Test func framesThatDoNotFillTheGridAreRefused() {
        var short = Self.frames
        short["frames"] = ["<svg/>"]
        #expect(InteractiveFigure.html(short) == nil)
        #expect(InteractiveFigure.html(["error": "NameError: x"]) == nil)
    }

    /// A saved explore display with `frames`, as `solvable run` writes it.
    static func display(_ frames: JSONValue) -> JSONValue {
        ["output_type": "display_data", "metadata": [:],
         "data": ["image/svg+xml": "<svg>view</svg>", "text/plain": "<Plot>", "application/vnd.solvable.explore-frames+json": frames]]
    }

    @Test func theReportStatesACoarserGridOrWhyThereAreNoFrames() throws {
        let renderer = OutputRenderer(markdown: MarkdownRenderer(), headings: Headings())
        var coarse = Self.frames
        coarse["note"] = "6 frames precomputed, at 3 of 41 values of alpha × 2 of 2 values of on: one redraw is estimated at 1 s"
        let figure = try #require(renderer.render(Self.display(coarse)))
        #expect(figure.kind == "interactive" && figure.html.contains("Interactive: 6 frames precomputed, at 3 of 41 values of alpha"))
        let refused = try #require(renderer.render(Self.display(["error": "no frames precomputed: one redraw is estimated at 6 s"])))
        #expect(refused.kind == "svg")
        #expect(refused.html == "<svg>view</svg><p class=\"explore-note\">Not interactive: no frames precomputed: one redraw is estimated at 6 s</p>")
    }
}
