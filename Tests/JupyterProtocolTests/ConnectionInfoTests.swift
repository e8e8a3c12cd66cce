import JupyterProtocol
import Testing

/// Reading connection files.
@Suite struct ConnectionInfoTests {
    @Test func readsATCPConnectionFile() throws {
        let info = try ConnectionInfo(json: """
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
             "hb_port": 5005, "ip": "127.0.0.1", "key": "abc", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "solvable"}
            """)
        #expect(info.shellPort == 5001 && info.hbPort == 5005 && info.key == "abc")
        #expect(info.endpoint(info.controlPort) == "tcp://127.0.0.1:5004")
    }

    @Test func ipcEndpointsArePathAndPort() throws {
        let info = try ConnectionInfo(json: """
            {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
             "ip": "/tmp/kernel-x", "key": "", "transport": "ipc"}
            """)
        #expect(info.endpoint(info.iopubPort) == "ipc:///tmp/kernel-x-2")
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: ProtocolError.badConnectionFile("missing hb_port")) {
            try ConnectionInfo(json: #"{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"ip":"x"}"#)
        }
        #expect(throws: ProtocolError.badConnectionFile("signature_scheme \"hmac-md5\" is not supported (use hmac-sha256)")) {
            try ConnectionInfo(json: #"{"signature_scheme":"hmac-md5"}"#)
        }
        #expect(throws: ProtocolError.badConnectionFile("transport \"udp\" is not tcp or ipc")) {
            try ConnectionInfo(json: #"{"transport":"udp"}"#)
        }
        #expect(throws: ProtocolError.badConnectionFile("shell_port = 70000 is not in 0...65535")) {
            try ConnectionInfo(json: #"{"ip":"x","shell_port":70000}"#)
        }
        #expect(throws: ProtocolError.self) { try ConnectionInfo(json: "not json") }
        #expect(throws: ProtocolError.badConnectionFile("not a JSON object")) { try ConnectionInfo(json: "[]") }
    }

    @Test func timestampsAreISO8601WithMicroseconds() {
        let now = MessageFactory.now()
        #expect(now.count == 27)
        #expect(now.hasSuffix("Z"))
        #expect(Array(now)[10] == "T" && Array(now)[19] == ".")
    }

    @Test func messageIdsAreUniqueWithinASession() {
        var factory = MessageFactory(session: "abc")
        let a = factory.header("status"), b = factory.header("status")
        #expect(a.msgID != b.msgID)
        #expect(a.session == "abc" && a.version == "5.5")
        #expect(MessageFactory.newSessionID().count == 32)
    }
}
