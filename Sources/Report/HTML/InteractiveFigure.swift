import Foundation
import JSON
import Notebook

/// An explore output as an offline interactive figure: a real `<input type=range>`,
/// `<select>` or checkbox per control and a small inline script (no network) that
/// swaps in the frame `solvable run` precomputed for the values set. The frames'
/// bound is printed under the figure.
enum InteractiveFigure {
    /// The figure for the saved frames `frames` (`ExploreFrames`), or nil if they are
    /// not usable (an error is rendered by the caller's fallback, with the note).
    static func html(_ frames: JSONValue) -> String? {
        guard let controls = frames["controls"]?.arrayValue, let views = frames["frames"]?.arrayValue,
              let initial = frames["initial"]?.arrayValue?.compactMap(\.intValue), initial.count == controls.count,
              !views.isEmpty else { return nil }
        let svgs = views.map { HTML.removeScripts($0.stringValue ?? "") }
        let sizes = controls.map { $0["values"]?.arrayValue?.count ?? 0 }
        guard sizes.reduce(1, *) == svgs.count else { return nil }
        var strides = [Int](repeating: 1, count: sizes.count)
        for i in stride(from: sizes.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * sizes[i + 1] }
        let start = zip(initial, strides).reduce(0) { $0 + $1.0 * $1.1 }
        var inputs = ""
        for (axis, control) in controls.enumerated() {
            let label = HTML.escape(control["label"]?.stringValue ?? "")
            let values = control["values"]?.arrayValue?.map { $0.stringValue ?? "" } ?? []
            switch control["kind"]?.stringValue {
            case "dropdown":
                let options = values.enumerated().map { i, v in
                    "<option value=\"\(i)\"\(i == initial[axis] ? " selected" : "")>\(HTML.escape(v))</option>"
                }.joined()
                inputs += "<label>\(label) <select data-axis=\"\(axis)\">\(options)</select></label>"
            case "checkbox":
                inputs += "<label><input type=\"checkbox\" data-axis=\"\(axis)\"\(initial[axis] == 1 ? " checked" : "")> \(label)</label>"
            default:
                inputs += "<label>\(label) <input type=\"range\" min=\"0\" max=\"\(values.count - 1)\" step=\"1\" "
                    + "value=\"\(initial[axis])\" data-axis=\"\(axis)\"> <output>\(HTML.escape(values[initial[axis]]))</output></label>"
            }
        }
        let data = JSONWriter.string(["frames": .array(svgs.map(JSONValue.string)), "strides": .array(strides.map(JSONValue.int)),
                                      "values": .array(controls.map { $0["values"] ?? [] })], style: .compact)
            .replacingOccurrences(of: "</", with: "<\\/")
        let note = HTML.escape(frames["note"]?.stringValue ?? "")
        return "<div class=\"explore\"><div class=\"explore-controls\">\(inputs)</div>"
            + "<div class=\"explore-view\">\(svgs[start])</div>"
            + "<script type=\"application/json\" class=\"explore-frames\">\(data)</script>"
            + "<p class=\"explore-note\">Interactive: \(note).</p><script>\(script)</script></div>"
    }

    /// Swaps the view when an input changes; reads the frames from the JSON beside it.
    static let script = """
    (function(){var box=document.currentScript.parentElement;var d=JSON.parse(box.querySelector('.explore-frames').textContent);\
    var inputs=box.querySelectorAll('[data-axis]');var view=box.querySelector('.explore-view');\
    function show(){var k=0;inputs.forEach(function(el){var a=+el.dataset.axis;\
    var i=el.type==='checkbox'?(el.checked?1:0):+el.value;k+=i*d.strides[a];\
    var out=el.parentElement.querySelector('output');if(out){out.textContent=d.values[a][i];}});\
    view.innerHTML=d.frames[k];}\
    inputs.forEach(function(el){el.addEventListener('input',show);el.addEventListener('change',show);});})();
    """
}
