import Dispatch
import Foundation
import JSON
import Kernel
import KernelSession
import Synchronization
import Testing

/// An explore redraws while another cell holds the session: the redraw runs on a copy
/// of the session as the last cell left it, not on the session the cell is using.
@Suite struct LiveRedrawTests {
    /// What the kernel publishes, and a stdin whose answer the test releases.
    final class Publisher: OutputPublisher, Sendable {
        let messages = Mutex<[(type: String, content: JSONValue)]>([])
        let asked = DispatchSemaphore(value: 0)
        let answer = DispatchSemaphore(value: 0)

        func publish(_ type: String, _ content: JSONValue) { publish(type, content, metadata: [:]) }
        func publish(_ type: String, _ content: JSONValue, metadata: JSONValue) {
            messages.withLock { $0.append((type, content)) }
        }
        func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> InputReply {
            asked.signal()
            answer.wait()
            return .line("go")
        }

        /// The `value` updates sent to model `id`, in order.
        func updates(of id: String) -> [String] {
            messages.withLock { messages in
                messages.compactMap { m in
                    guard m.type == "comm_msg", m.content["comm_id"]?.stringValue == id,
                          m.content["data"]?["method"] == "update" else { return nil }
                    return m.content["data"]?["state"]?["value"]?.stringValue
                }
            }
        }

        /// Waits up to `seconds` for a `value` update of model `id` beyond the first `seen`.
        func waitForUpdate(of id: String, after seen: Int, seconds: Double = 60) -> String? {
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(seconds)
            while clock.now < deadline {
                let all = updates(of: id)
                if all.count > seen { return all[seen] }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return nil
        }
    }

    static let plot = "plot(theory(ridge(alpha=%@, beta=b, noise=0.1, dim=200, lambda=1e-3), P=geomspace(10, 1e3, 12)), x=\"P\", y=\"test\")"

    /// The SVG the direct call draws at `alpha` with `b = beta`, in a fresh kernel session.
    static func direct(alpha: Double, beta: Double) -> String? {
        let publisher = Publisher()
        let outcome = SessionInterpreter().execute("b = \(beta)\n" + plot.replacingOccurrences(of: "%@", with: "\(alpha)"),
                                                   context: ExecutionContext(publisher: publisher, executionCount: 1))
        guard case .ok(let result?, _) = outcome else { return nil }
        return result.data["image/svg+xml"]?.stringValue
    }

    @Test func aRedrawEndsWhileAnotherCellHoldsTheSession() throws {
        let kernel = SessionInterpreter()
        let publisher = Publisher()
        let context = ExecutionContext(publisher: publisher, executionCount: 1)
        guard case .ok = kernel.execute("b = 1.2", context: context),
              case .ok = kernel.execute("explore(" + Self.plot.replacingOccurrences(of: "%@", with: "slider(1, 3, 1.5)") + ")",
                                        context: context) else {
            Issue.record("the explore cell failed"); return
        }
        let states = publisher.messages.withLock { $0.filter { $0.type == "comm_open" } }
            .compactMap { m in m.content["comm_id"]?.stringValue.map { ($0, m.content["data"]?["state"] ?? .null) } }
        let slider = try #require(states.first { $0.1["_model_name"] == "FloatSliderModel" }?.0)
        let box = try #require(states.first { $0.1["_model_name"] == "VBoxModel" }?.1)
        let view = try #require(box["children"]?.arrayValue?.dropFirst().first?.stringValue?.replacingOccurrences(of: "IPY_MODEL_", with: ""))

        // A cell rebinds b, then holds the session until the test answers its input().
        let cellDone = Atomic<Bool>(false)
        let cell = Thread {
            _ = kernel.execute("b = 3.0\nx = input(\"wait\")", context: context)
            cellDone.store(true, ordering: .sequentiallyConsistent)
        }
        cell.start()
        publisher.asked.wait()
        let move = { (value: Double) in
            kernel.comm(CommMessage(kind: .message, commID: slider,
                                    data: ["method": "update", "state": ["value": .double(value)], "buffer_paths": []]),
                        publisher: publisher)
        }
        let seen = publisher.updates(of: view).count
        move(2.5)
        let during = publisher.waitForUpdate(of: view, after: seen)
        let endedFirst = cellDone.load(ordering: .sequentiallyConsistent)
        #expect(!endedFirst, "the cell ended before the redraw")
        // The redraw read b as the last finished cell left it (1.2), not the running cell's 3.0.
        #expect(during != nil && during == Self.direct(alpha: 2.5, beta: 1.2))
        publisher.answer.signal()
        while !cellDone.load(ordering: .sequentiallyConsistent) { Thread.sleep(forTimeInterval: 0.01) }
        // Once the cell has ended, a move reads what it bound.
        move(2.0)
        let after = publisher.waitForUpdate(of: view, after: seen + 1)
        #expect(after != nil && after == Self.direct(alpha: 2.0, beta: 3.0))
    }
}
