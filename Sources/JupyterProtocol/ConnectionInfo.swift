import JSON

/// The contents of a Jupyter connection file: where the five sockets live and the
/// key that signs messages.
public struct ConnectionInfo: Sendable, Equatable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The IP address (tcp) or path prefix (ipc).
    public var ip: String
    /// Shell ROUTER port (ipc: the file suffix).
    public var shellPort: Int
    /// Control ROUTER port.
    public var controlPort: Int
    /// iopub PUB port.
    public var iopubPort: Int
    /// stdin ROUTER port.
    public var stdinPort: Int
    /// Heartbeat REP port.
    public var hbPort: Int
    /// The HMAC key (may be empty: no signing).
    public var key: String
    /// `hmac-sha256` (the only scheme supported).
    public var signatureScheme: String

    /// Makes a connection description.
    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, controlPort: Int,
                iopubPort: Int, stdinPort: Int, hbPort: Int, key: String,
                signatureScheme: String = "hmac-sha256") {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.controlPort = controlPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.hbPort = hbPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// Reads a connection file's JSON text.
    /// - Throws: `ProtocolError.badConnectionFile` naming the missing or wrong field.
    public init(json text: String) throws(ProtocolError) {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw .badConnectionFile(error.description) }
        guard case .object = value else { throw .badConnectionFile("not a JSON object") }
        func port(_ name: String) throws(ProtocolError) -> Int {
            guard let p = value[name]?.intValue else { throw .badConnectionFile("missing \(name)") }
            guard (0...65_535).contains(p) else { throw .badConnectionFile("\(name) = \(p) is not in 0...65535") }
            return p
        }
        let transport = value["transport"]?.stringValue ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else {
            throw .badConnectionFile("transport \"\(transport)\" is not tcp or ipc")
        }
        let scheme = value["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard scheme == "hmac-sha256" else {
            throw .badConnectionFile("signature_scheme \"\(scheme)\" is not supported (use hmac-sha256)")
        }
        guard let ip = value["ip"]?.stringValue, !ip.isEmpty else { throw .badConnectionFile("missing ip") }
        self.init(transport: transport, ip: ip,
                  shellPort: try port("shell_port"), controlPort: try port("control_port"),
                  iopubPort: try port("iopub_port"), stdinPort: try port("stdin_port"),
                  hbPort: try port("hb_port"), key: value["key"]?.stringValue ?? "",
                  signatureScheme: scheme)
    }

    /// The ZeroMQ endpoint for `port`: `tcp://ip:port` or `ipc://ip-port`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}
