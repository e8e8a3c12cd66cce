import Foundation
import JSON

/// The state of the Jupyter widget models an `explore` uses, with the model and view
/// names and state keys of `@jupyter-widgets/base` 2.0.0 and `@jupyter-widgets/controls`
/// 2.0.0 (ipywidgets 8; see ipywidgets' packages/schema/jupyterwidgetmodels.latest.md).
/// The keys are those ipywidgets 8.1 sends, so a front end needs none of its defaults.
public enum WidgetState {
    /// The widget message protocol version, sent as `comm_open` metadata `version`.
    public static let protocolVersion = "2.1.0"
    /// The protocol version of the `jupyter.widget.control` comm (`request_states`).
    public static let controlProtocolVersion = "1.0.0"
    /// The module version of both model modules.
    static let moduleVersion = "2.0.0"
    static let controls = "@jupyter-widgets/controls"
    static let base = "@jupyter-widgets/base"

    /// `IPY_MODEL_<id>`: how one model's state refers to another.
    static func reference(_ id: String) -> JSONValue { .string("IPY_MODEL_" + id) }

    /// The module, name and view keys every model has.
    static func header(model: String, module: String, view: String, viewModule: String) -> [String: JSONValue] {
        ["_model_module": .string(module), "_model_module_version": .string(moduleVersion),
         "_model_name": .string(model), "_view_count": .null, "_view_module": .string(viewModule),
         "_view_module_version": .string(moduleVersion), "_view_name": .string(view)]
    }

    /// A `LayoutModel` with every CSS property unset.
    static func layout() -> [String: JSONValue] {
        var state = header(model: "LayoutModel", module: base, view: "LayoutView", viewModule: base)
        for key in ["align_content", "align_items", "align_self", "border_bottom", "border_left", "border_right",
                    "border_top", "bottom", "display", "flex", "flex_flow", "grid_area", "grid_auto_columns",
                    "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row", "grid_template_areas",
                    "grid_template_columns", "grid_template_rows", "height", "justify_content", "justify_items",
                    "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
                    "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width"] {
            state[key] = .null
        }
        return state
    }

    /// A style model (`SliderStyleModel`, `DescriptionStyleModel`, `CheckboxStyleModel`,
    /// `HTMLStyleModel`) with its own keys unset.
    static func style(_ model: String) -> [String: JSONValue] {
        var state = header(model: model, module: controls, view: "StyleView", viewModule: base)
        state["description_width"] = ""
        switch model {
        case "SliderStyleModel": state["handle_color"] = .null
        case "CheckboxStyleModel": state["background"] = .null
        case "HTMLStyleModel":
            state["background"] = .null
            state["font_size"] = .null
            state["text_color"] = .null
        default: break
        }
        return state
    }

    /// The keys of every `DOMWidget` with a description.
    static func described(_ model: String, view: String, description: String, layout: String, style: String) -> [String: JSONValue] {
        var state = header(model: model, module: controls, view: view, viewModule: controls)
        state["_dom_classes"] = []
        state["description"] = .string(description)
        state["description_allow_html"] = false
        state["layout"] = reference(layout)
        state["style"] = reference(style)
        state["tabbable"] = .null
        state["tooltip"] = .null
        return state
    }

    /// The model of one explore control (as `Control.json` describes it): a
    /// `FloatSliderModel`, `FloatLogSliderModel`, `IntSliderModel`, `DropdownModel` or
    /// `CheckboxModel`.
    static func control(_ control: JSONValue, layout: String, style: String) -> [String: JSONValue] {
        let label = control["label"]?.stringValue ?? ""
        switch control["kind"]?.stringValue {
        case "dropdown":
            var state = described("DropdownModel", view: "DropdownView", description: label, layout: layout, style: style)
            state["_options_labels"] = control["options"] ?? []
            state["disabled"] = false
            state["index"] = control["value"] ?? 0
            return state
        case "checkbox":
            var state = described("CheckboxModel", view: "CheckboxView", description: label, layout: layout, style: style)
            state["disabled"] = false
            state["indent"] = true
            state["value"] = control["value"] ?? false
            return state
        default:
            let log = control["log"]?.boolValue ?? false
            let integer = control["integer"]?.boolValue ?? false
            let name = log ? "FloatLogSlider" : integer ? "IntSlider" : "FloatSlider"
            var state = described(name + "Model", view: name + "View", description: label, layout: layout, style: style)
            let low = control["min"]?.doubleValue ?? 0, high = control["max"]?.doubleValue ?? 1
            if log {
                // A log slider's min, max and step are exponents of `base`; its value is the number.
                state["base"] = 10.0
                state["min"] = .double(Foundation.log10(low))
                state["max"] = .double(Foundation.log10(high))
                state["readout_format"] = ".3g"
            } else {
                state["min"] = integer ? .int(Int(low)) : .double(low)
                state["max"] = integer ? .int(Int(high)) : .double(high)
                state["readout_format"] = integer ? "d" : ".3g"
            }
            let step = control["step"]?.doubleValue ?? 0.01
            state["step"] = integer ? .int(Int(step)) : .double(step)
            let value = control["value"]?.doubleValue ?? low
            state["value"] = integer ? .int(Int(value)) : .double(value)
            state["behavior"] = "drag-tap"
            state["continuous_update"] = true
            state["disabled"] = false
            state["orientation"] = "horizontal"
            state["readout"] = true
            return state
        }
    }

    /// The style model a control's view expects.
    static func styleModel(for control: JSONValue) -> String {
        switch control["kind"]?.stringValue {
        case "dropdown": return "DescriptionStyleModel"
        case "checkbox": return "CheckboxStyleModel"
        default: return "SliderStyleModel"
        }
    }

    /// An `HTMLModel` showing `html`.
    static func html(_ html: String, layout: String, style: String) -> [String: JSONValue] {
        var state = described("HTMLModel", view: "HTMLView", description: "", layout: layout, style: style)
        state["placeholder"] = "\u{200B}"
        state["value"] = .string(html)
        return state
    }

    /// A `VBoxModel` stacking `children`.
    static func vbox(_ children: [String], layout: String) -> [String: JSONValue] {
        var state = header(model: "VBoxModel", module: controls, view: "VBoxView", viewModule: controls)
        state["_dom_classes"] = []
        state["box_style"] = ""
        state["children"] = .array(children.map(reference))
        state["layout"] = reference(layout)
        state["tabbable"] = .null
        state["tooltip"] = .null
        return state
    }
}
