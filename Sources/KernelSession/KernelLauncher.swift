import JupyterProtocol
import Kernel
import Platform

/// Starts the Solvable kernel from a connection file: `solvable kernel -f FILE` (the
/// kernel core and transport over the language's `SessionInterpreter`).
public enum KernelLauncher {
    /// Reads the connection file, binds the sockets and serves until shutdown.
    /// - Parameter connectionFile: the path Jupyter passes as `{connection_file}`.
    /// - Throws: a message naming the file or endpoint that is wrong.
    public static func run(connectionFile: String) throws {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(connectionFile)
        } catch {
            throw FileIO.Failure(message: "\(connectionFile): \(error.message)")
        }
        let info = try ConnectionInfo(json: String(decoding: bytes, as: UTF8.self))
        let server = try ZMQServer(connection: info)
        let core = MessageCore(interpreter: SessionInterpreter(), transport: server)
        server.serve(core)
    }
}
