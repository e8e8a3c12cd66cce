import Display
import JSON
import Language
import Notebook
import Testing

/// The one output recorder: the iopub content it forwards (what the kernel publishes)
/// and the nbformat outputs it keeps (what `solvable run` and `solvable eval` write)
/// for the same events.
@Suite struct OutputRecorderTests {
    @Test func forwardsIOPubContentAndKeepsNbformatOutputs() {
        var forwarded: [(String, JSONValue)] = []
        let recorder = OutputRecorder(forward: { forwarded.append(($0, $1)) })
        recorder.stream(.stdout, "a\nb")
        recorder.stream(.stdout, "\n")
        recorder.stream(.stdout, "")
        recorder.display(MIMEBundle(plain: "run: running, 3 steps"), displayID: "bar", update: false)
        recorder.display(MIMEBundle(plain: "run [###] 100%"), displayID: "bar", update: true)
        recorder.clearOutput(wait: true)
        recorder.stream(.stderr, "late\n")
        #expect(forwarded.map(\.0) == ["stream", "stream", "display_data", "update_display_data", "clear_output", "stream"])
        #expect(forwarded[0].1 == ["name": "stdout", "text": "a\nb"])
        #expect(forwarded[2].1["transient"] == ["display_id": "bar"])
        #expect(forwarded[3].1["data"]?["text/plain"] == "run [###] 100%")
        #expect(forwarded[4].1 == ["wait": true])
        // clear(wait) took effect when the stderr line came.
        #expect(recorder.outputs == [OutputJSON.stream(name: "stderr", text: "late\n")])
    }

    @Test func updatesReplaceTheDisplayAndStreamsMergeWithLinesSplit() {
        let recorder = OutputRecorder()
        recorder.stream(.stdout, "a\nb")
        recorder.stream(.stdout, "\n")
        recorder.display(MIMEBundle(plain: "0%"), displayID: "bar", update: false)
        recorder.display(MIMEBundle(plain: "100%"), displayID: "bar", update: true)
        recorder.display(MIMEBundle(plain: "x"), displayID: "unknown", update: true)
        #expect(recorder.outputs == [
            ["output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]],
            OutputJSON.displayData(MIMEBundle(plain: "100%")),
        ])
    }

    @Test func theKernelsRecorderKeepsNothing() {
        var count = 0
        let recorder = OutputRecorder(keepsOutputs: false, forward: { _, _ in count += 1 })
        recorder.stream(.stdout, String(repeating: "x", count: 1000))
        recorder.display(MIMEBundle(plain: "p"), displayID: nil, update: false)
        #expect(count == 2 && recorder.outputs.isEmpty)
    }
}
