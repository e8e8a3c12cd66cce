import JSON
import JupyterProtocol

// MARK: - Kernel subshells (JEP 91), on control

extension MessageCore {
    /// `create_subshell_reply` with the new subshell's id.
    func createSubshell(_ request: Message) {
        let id = out.transport.createSubshell()
        out.reply(to: request, "create_subshell_reply", ["status": "ok", "subshell_id": .string(id)], on: .control)
    }

    /// `delete_subshell_reply`; an unknown or missing id is an error reply naming it.
    func deleteSubshell(_ request: Message) {
        guard let id = request.content["subshell_id"]?.stringValue else {
            out.reply(to: request, "delete_subshell_reply",
                      Self.errorContent("ValueError", "delete_subshell_request needs a string subshell_id"), on: .control)
            return
        }
        guard out.transport.deleteSubshell(id) else {
            out.reply(to: request, "delete_subshell_reply",
                      Self.errorContent("KeyError", "no subshell with id \(id)"), on: .control)
            return
        }
        out.reply(to: request, "delete_subshell_reply", ["status": "ok"], on: .control)
    }

    /// `list_subshell_reply`: the ids of the running subshells.
    func listSubshells(_ request: Message) {
        out.reply(to: request, "list_subshell_reply",
                  ["status": "ok", "subshell_id": .array(out.transport.subshellIDs.map(JSONValue.string))], on: .control)
    }

    /// The content of an error reply.
    static func errorContent(_ ename: String, _ evalue: String) -> JSONValue {
        ["status": "error", "ename": .string(ename), "evalue": .string(evalue), "traceback": []]
    }
}
