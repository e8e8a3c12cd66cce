import JSON
import JupyterProtocol

// MARK: - complete, inspect, is_complete, history

extension MessageCore {
    /// The cursor of a request: `cursor_pos` clamped to the code, or its end if absent.
    static func cursor(_ content: JSONValue, code: String) -> Int {
        let length = code.unicodeScalars.count
        guard let position = content["cursor_pos"]?.intValue else { return length }
        return min(max(0, position), length)
    }

    func complete(_ request: Message) {
        let code = request.content["code"]?.stringValue ?? ""
        let completion = interpreter.complete(code, cursor: Self.cursor(request.content, code: code))
        out.reply(to: request, "complete_reply", [
            "status": "ok", "matches": .array(completion.matches.map(JSONValue.string)),
            "cursor_start": .int(completion.cursorStart), "cursor_end": .int(completion.cursorEnd),
            "metadata": .object(completion.metadata),
        ], on: .shell)
    }

    func inspect(_ request: Message) {
        let code = request.content["code"]?.stringValue ?? ""
        let level = request.content["detail_level"]?.intValue ?? 0
        let bundle = interpreter.inspect(code, cursor: Self.cursor(request.content, code: code), detailLevel: level)
        out.reply(to: request, "inspect_reply", [
            "status": "ok", "found": .bool(bundle != nil),
            "data": bundle?.data ?? [:], "metadata": bundle?.metadata ?? [:],
        ], on: .shell)
    }

    func isComplete(_ request: Message) {
        let code = request.content["code"]?.stringValue ?? ""
        let content: JSONValue
        switch interpreter.isComplete(code) {
        case .complete: content = ["status": "complete"]
        case .incomplete(let indent): content = ["status": "incomplete", "indent": .string(indent)]
        case .invalid: content = ["status": "invalid"]
        case .unknown: content = ["status": "unknown"]
        }
        out.reply(to: request, "is_complete_reply", content, on: .shell)
    }

    func history(_ request: Message) {
        out.reply(to: request, "history_reply", ["status": "ok", "history": .array(history.answer(request.content))],
                  on: .shell)
    }
}
