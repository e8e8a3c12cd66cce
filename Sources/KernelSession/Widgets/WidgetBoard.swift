import Foundation
import JSON
import Kernel
import Notebook
import Synchronization

/// The widget models the kernel has open, and the ipywidgets 8 message protocol over
/// them (ipywidgets' packages/schema/messages.md, protocol 2.1.0): `comm_open` with
/// `state` and `buffer_paths` for each model of an `explore`; a front end's `update`
/// is stored, answered with `echo_update`, and (for a control) turned into a redraw;
/// `request_state` is answered with the model's full state; on the
/// `jupyter.widget.control` comm, `request_states` gets every model's state.
/// Thread-safe: comm messages come on the shell or subshell threads, redraws on the
/// redrawer's thread, and none of this waits for the session.
final class WidgetBoard: Sendable {
    /// The comm targets the board answers.
    static let targets = ["jupyter.widget", "jupyter.widget.control"]

    private struct Models {
        var states: [String: [String: JSONValue]] = [:]
        var explores: [ExploreWidgets] = []
        /// Control model id → (explore index, control index).
        var owners: [String: (explore: Int, control: Int)] = [:]
    }

    private let models = Mutex(Models())

    /// What a control's move asks for: explore `exploreID` redrawn with `settings`,
    /// its view and status written to those models through `publisher`.
    struct Redraw: Sendable {
        var exploreID: Int
        var settings: [JSONValue]
        var viewID: String
        var statusID: String
        var publisher: any OutputPublisher
    }

    /// If the display `content` is an explore, opens its widgets through `publisher`
    /// and returns the content with the widget view added; otherwise nil.
    func open(display content: JSONValue, publisher: any OutputPublisher) -> JSONValue? {
        guard let data = content["data"],
              let widgets = ExploreWidgets(display: data, newID: { UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() })
        else { return nil }
        models.withLock { board in
            let index = board.explores.count
            board.explores.append(widgets)
            for (id, state) in widgets.models { board.states[id] = state }
            for (i, id) in widgets.controlIDs.enumerated() { board.owners[id] = (index, i) }
        }
        for (id, state) in widgets.models {
            publisher.publish("comm_open", ["comm_id": .string(id), "target_name": "jupyter.widget",
                                            "data": ["state": .object(state), "buffer_paths": []]],
                              metadata: Self.metadata)
        }
        var shown = content
        shown["data"]?[ExploreWidgets.viewMIMEType] = widgets.view
        return shown
    }

    /// Handles a comm message from the front end; returns the redraw a control's move asks for.
    func handle(_ message: CommMessage, publisher: any OutputPublisher) -> Redraw? {
        switch message.kind {
        case .open: return nil  // The control comm's request_states follows; nothing to do yet.
        case .close:
            models.withLock { _ = $0.states.removeValue(forKey: message.commID) }
            return nil
        case .message: break
        }
        switch message.data["method"]?.stringValue {
        case "request_states":
            let states = models.withLock { board in
                board.states.mapValues { state -> JSONValue in
                    ["model_name": state["_model_name"] ?? .null, "model_module": state["_model_module"] ?? .null,
                     "model_module_version": state["_model_module_version"] ?? .null, "state": .object(state)]
                }
            }
            publisher.publish("comm_msg", ["comm_id": .string(message.commID),
                                           "data": ["method": "update_states", "states": .object(states), "buffer_paths": []]],
                              metadata: ["version": .string(WidgetState.controlProtocolVersion)])
            return nil
        case "request_state":
            guard let state = models.withLock({ $0.states[message.commID] }) else { return nil }
            send(.object(state), to: message.commID, method: "update", publisher)
            return nil
        case "update":
            guard let changes = message.data["state"]?.objectValue else { return nil }
            let redraw: Redraw? = models.withLock { board in
                guard board.states[message.commID] != nil else { return nil }
                board.states[message.commID]?.merge(changes) { $1 }
                guard let owner = board.owners[message.commID] else { return nil }
                let widgets = board.explores[owner.explore]
                let settings = widgets.controlIDs.indices.map { i in
                    widgets.setting(i, from: .object(board.states[widgets.controlIDs[i]] ?? [:])) ?? widgets.controls[i]["value"] ?? .null
                }
                return Redraw(exploreID: widgets.exploreID, settings: settings, viewID: widgets.viewID,
                              statusID: widgets.statusID, publisher: publisher)
            }
            send(.object(changes), to: message.commID, method: "echo_update", publisher)
            return redraw
        default:
            return nil
        }
    }

    /// Sets `key` of model `id` to `value` and tells the front end (`update`).
    func set(_ key: String, _ value: JSONValue, of id: String, _ publisher: any OutputPublisher) {
        let known = models.withLock { board -> Bool in
            guard board.states[id] != nil else { return false }
            board.states[id]?[key] = value
            return true
        }
        if known { send([key: value], to: id, method: "update", publisher) }
    }

    /// The state of model `id` now, if it is open.
    func state(_ id: String) -> [String: JSONValue]? { models.withLock { $0.states[id] } }

    private func send(_ state: JSONValue, to id: String, method: String, _ publisher: any OutputPublisher) {
        publisher.publish("comm_msg", ["comm_id": .string(id),
                                       "data": ["method": .string(method), "state": state, "buffer_paths": []]],
                          metadata: Self.metadata)
    }

    private static let metadata: JSONValue = ["version": .string(WidgetState.protocolVersion)]
}
