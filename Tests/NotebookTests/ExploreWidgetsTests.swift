import JSON
import Language
@testable import Notebook
import NumericCore
import Testing

/// The widget models of an explore display and the bounded grid of its frames.
@Suite struct ExploreWidgetsTests {
    static func slider(_ label: String, min: Double, max: Double, step: Double, value: Double) -> JSONValue {
        ["kind": "slider", "label": .string(label), "min": .double(min), "max": .double(max), "step": .double(step),
         "log": false, "integer": false, "value": .double(value)]
    }

    @Test func modelsUseTheControlsAndBaseModulesAndReferToEachOther() throws {
        var n = 0
        let data: JSONValue = ["text/plain": "p", "image/svg+xml": "<svg>a</svg>",
                               "application/vnd.solvable.explore+json": ["id": 0, "controls": [
                                   Self.slider("alpha", min: 1, max: 3, step: 0.02, value: 1.5),
                                   ["kind": "dropdown", "label": "law", "options": ["a", "b"], "value": 1],
                                   ["kind": "checkbox", "label": "on", "value": true],
                               ]]]
        let widgets = try #require(ExploreWidgets(display: data, newID: { n += 1; return "m\(n)" }))
        let states = Dictionary(uniqueKeysWithValues: widgets.models.map { ($0.id, $0.state) })
        #expect(widgets.models.last?.id == widgets.boxID)  // referenced models are opened first
        let slider = try #require(states[widgets.controlIDs[0]])
        #expect(slider["_model_name"] == "FloatSliderModel" && slider["_view_name"] == "FloatSliderView")
        #expect(slider["_model_module"] == "@jupyter-widgets/controls" && slider["_model_module_version"] == "2.0.0")
        #expect(slider["value"] == 1.5 && slider["description"] == "alpha")
        let layout = try #require(slider["layout"]?.stringValue?.replacingOccurrences(of: "IPY_MODEL_", with: ""))
        #expect(states[layout]?["_model_name"] == "LayoutModel" && states[layout]?["_model_module"] == "@jupyter-widgets/base")
        #expect(states[widgets.controlIDs[1]]?["_model_name"] == "DropdownModel" && states[widgets.controlIDs[1]]?["index"] == 1)
        #expect(states[widgets.controlIDs[2]]?["_model_name"] == "CheckboxModel" && states[widgets.controlIDs[2]]?["value"] == true)
        #expect(states[widgets.viewID]?["value"] == "<svg>a</svg>")
        #expect(states[widgets.boxID]?["children"]?.arrayValue?.count == 5)
        #expect(widgets.setting(1, from: ["index": 0]) == 0 && widgets.setting(0, from: ["value": 2.0]) == 2.0)
    }

    @Test func theFrameGridIsBounded() {
        let fine = ExploreFrames.axes([Self.slider("a", min: 0, max: 1, step: 0.001, value: 0.5)])
        #expect(fine[0].count == ExploreFrames.perControl)
        #expect(fine[0].first?.setting == 0.0 && fine[0].last?.setting == 1.0)
        let coarse = ExploreFrames.axes([Self.slider("a", min: 1, max: 3, step: 0.25, value: 1.5)])
        #expect(coarse[0].map(\.text) == ["1", "1.25", "1.5", "1.75", "2", "2.25", "2.5", "2.75", "3"])
        #expect(ExploreFrames.nearest(1.6, on: coarse[0]) == 2)
        let three = ExploreFrames.axes((0..<3).map { _ in Self.slider("a", min: 0, max: 1, step: 0.01, value: 0) })
        #expect(three.map(\.count) == [7, 7, 7])
        #expect(three.reduce(1) { $0 * $1.count } <= ExploreFrames.total)
    }
}
