import Display
import JSON
import Language

/// The Jupyter widgets of one `explore` display: a `VBox` of the controls, an `HTML`
/// widget holding the view (the SVG of a plot) and an `HTML` status line (progress,
/// errors). Built from the display's `application/vnd.solvable.explore+json`; the
/// kernel opens them as comms, `solvable run` saves them as notebook widget state.
public struct ExploreWidgets: Sendable {
    /// The explore's id in its session (for `Session.reexplore`).
    public var exploreID: Int
    /// The controls as the display describes them (`Control.json`), in order.
    public var controls: [JSONValue]
    /// The model id of each control, in order.
    public var controlIDs: [String]
    /// The model id of the HTML widget holding the view.
    public var viewID: String
    /// The model id of the status line.
    public var statusID: String
    /// The model id of the box a front end displays.
    public var boxID: String
    /// Every model, id and state, in the order to open them (references before use).
    public var models: [(id: String, state: [String: JSONValue])]

    /// The widgets of the explore display `data` (nil if it is not one), with model
    /// ids from `newID`.
    public init?(display data: JSONValue, newID: () -> String) {
        guard let explore = data[Session.exploreMIMEType], let id = explore["id"]?.intValue,
              let controls = explore["controls"]?.arrayValue else { return nil }
        exploreID = id
        self.controls = controls
        var models: [(id: String, state: [String: JSONValue])] = []
        func add(_ state: [String: JSONValue]) -> String {
            let id = newID()
            models.append((id, state))
            return id
        }
        controlIDs = controls.map { control in
            let layout = add(WidgetState.layout())
            let style = add(WidgetState.style(WidgetState.styleModel(for: control)))
            return add(WidgetState.control(control, layout: layout, style: style))
        }
        viewID = add(WidgetState.html(Self.html(data), layout: add(WidgetState.layout()),
                                      style: add(WidgetState.style("HTMLStyleModel"))))
        statusID = add(WidgetState.html("", layout: add(WidgetState.layout()), style: add(WidgetState.style("HTMLStyleModel"))))
        boxID = add(WidgetState.vbox(controlIDs + [viewID, statusID], layout: add(WidgetState.layout())))
        self.models = models
    }

    /// The `application/vnd.jupyter.widget-view+json` MIME type and its value.
    public static let viewMIMEType = "application/vnd.jupyter.widget-view+json"
    /// The notebook metadata key type of saved widget state.
    public static let stateMIMEType = "application/vnd.jupyter.widget-state+json"
    /// The display that shows the box.
    public var view: JSONValue { ["version_major": 2, "version_minor": 0, "model_id": .string(boxID)] }

    /// The HTML a view widget shows for display `data`: its SVG, else its HTML, else its
    /// text in a `<pre>`.
    public static func html(_ data: JSONValue) -> String {
        if let svg = data[MIMEType.svg]?.multilineText { return svg }
        if let html = data[MIMEType.html]?.multilineText { return html }
        return "<pre>" + Markup.escape(data["text/plain"]?.multilineText ?? "") + "</pre>"
    }

    /// The setting of control `index` a front end's state stands for (the `index` of a
    /// dropdown, the `value` of the others), or nil if `state` does not set it.
    public func setting(_ index: Int, from state: JSONValue) -> JSONValue? {
        controls[index]["kind"]?.stringValue == "dropdown" ? state["index"] : state["value"]
    }

    /// The entries of notebook metadata `widgets` for these models: id → `{model_name,
    /// model_module, model_module_version, state}`.
    public func stateEntries(_ states: [String: [String: JSONValue]]) -> [String: JSONValue] {
        var entries: [String: JSONValue] = [:]
        for (id, initial) in models {
            let state = states[id] ?? initial
            entries[id] = ["model_name": state["_model_name"] ?? .null, "model_module": state["_model_module"] ?? .null,
                           "model_module_version": state["_model_module_version"] ?? .null, "state": .object(state)]
        }
        return entries
    }
}
