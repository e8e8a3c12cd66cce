import JSON
import JupyterProtocol

// MARK: - execute_request

extension MessageCore {
    /// Runs a cell: `execute_input`, the cell's own output, then `execute_result` or
    /// `error`, and the reply. After an error with `stop_on_error`, the execute
    /// requests already queued are answered `aborted` without running.
    func execute(_ request: Message) {
        let content = request.content
        let code = content["code"]?.stringValue ?? ""
        let silent = content["silent"]?.boolValue ?? false
        let storeHistory = silent ? false : (content["store_history"]?.boolValue ?? true)
        let stopOnError = content["stop_on_error"]?.boolValue ?? true
        let allowStdin = content["allow_stdin"]?.boolValue ?? false
        let count = storeHistory ? nextExecutionCount() : executionCount
        if !silent {
            out.publish("execute_input", ["code": .string(code), "execution_count": .int(count)],
                        parent: request.header)
        }
        let publisher = IOPubPublisher(out: out, request: request, comms: comms, enabled: !silent, allowStdin: allowStdin)
        let outcome = interpreter.execute(code, context: ExecutionContext(publisher: publisher, executionCount: count))
        switch outcome {
        case .ok(let result, let payloads):
            if let result, !silent {
                out.publish("execute_result", ["execution_count": .int(count), "data": result.data,
                                                "metadata": result.metadata], parent: request.header)
            }
            if storeHistory { remember(line: count, input: code, output: result?.plainText) }
            let expressions = userExpressions(content["user_expressions"]?.objectValue ?? [:])
            out.reply(to: request, "execute_reply", [
                "status": "ok", "execution_count": .int(count), "payload": .array(payloads),
                "user_expressions": .object(expressions),
            ], on: .shell)
        case .error(let error):
            let errorContent = error.content
            if !silent { out.publish("error", errorContent, parent: request.header) }
            if storeHistory { remember(line: count, input: code, output: nil) }
            var reply = errorContent
            reply["status"] = "error"
            reply["execution_count"] = .int(count)
            reply["user_expressions"] = [:]
            reply["payload"] = []
            // Take the queue before replying, so a request sent after the client saw
            // this reply is never aborted.
            let queued = stopOnError ? out.transport.takeQueuedShellMessages(subshell: request.header.subshellID) : []
            out.reply(to: request, "execute_reply", reply, on: .shell)
            abort(queued)
        }
    }

    /// Evaluates `user_expressions` after a successful cell, each to a display or an error.
    func userExpressions(_ expressions: [String: JSONValue]) -> [String: JSONValue] {
        var results: [String: JSONValue] = [:]
        for (name, expression) in expressions {
            let outcome = interpreter.execute(expression.stringValue ?? "",
                                              context: ExecutionContext(publisher: DiscardingPublisher(),
                                                                        executionCount: executionCount))
            switch outcome {
            case .ok(let result, _):
                let bundle = result ?? MIMEData(data: ["text/plain": ""])
                results[name] = ["status": "ok", "data": bundle.data, "metadata": bundle.metadata]
            case .error(let error):
                var content = error.content
                content["status"] = "error"
                results[name] = content
            }
        }
        return results
    }

    /// Answers the execute requests among `queued` with status `aborted` (each
    /// wrapped in busy/idle); other queued requests are handled normally.
    func abort(_ requests: [Message]) {
        for queued in requests {
            guard queued.msgType == "execute_request" else {
                handle(queued, on: .shell)
                continue
            }
            out.status("busy", parent: queued.header)
            out.reply(to: queued, "execute_reply", ["status": "aborted", "execution_count": .int(executionCount)],
                      on: .shell)
            out.status("idle", parent: queued.header)
        }
    }
}
