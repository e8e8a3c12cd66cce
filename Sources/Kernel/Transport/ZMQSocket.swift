import CZeroMQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the ZeroMQ library, with its message.
public struct ZMQError: Error, CustomStringConvertible {
    /// What failed and why (`zmq_strerror`).
    public var description: String

    init(_ what: String) {
        description = "\(what): \(String(cString: zmq_strerror(zmq_errno())))"
    }
}

/// One ZeroMQ socket (libzmq's C API). ZeroMQ sockets are not thread-safe: each
/// instance is used by one thread only, or behind a lock (see `ZMQServer`).
final class ZMQSocket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private(set) var isClosed = false

    /// Opens a socket of `type` (`ZMQ_ROUTER`, `ZMQ_PUB`, `ZMQ_REP`) in `context`,
    /// with a one-second linger so a final reply still leaves at shutdown.
    init(context: UnsafeMutableRawPointer, type: Int32) throws(ZMQError) {
        guard let handle = zmq_socket(context, type) else { throw ZMQError("zmq_socket") }
        self.handle = handle
        setOption(ZMQ_LINGER, 1000)
    }

    /// Sets an integer socket option.
    func setOption(_ option: Int32, _ value: Int32) {
        var v = value
        zmq_setsockopt(handle, option, &v, MemoryLayout<Int32>.size)
    }

    /// Sets a 64-bit integer socket option (`ZMQ_MAXMSGSIZE`).
    func setOption64(_ option: Int32, _ value: Int64) {
        var v = value
        zmq_setsockopt(handle, option, &v, MemoryLayout<Int64>.size)
    }

    /// Binds to `endpoint` (`tcp://ip:port` or `ipc://path`).
    func bind(_ endpoint: String) throws(ZMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError("cannot bind \(endpoint)") }
    }

    /// Connects to `endpoint` (the client side, as front ends and tests use it).
    func connect(_ endpoint: String) throws(ZMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError("cannot connect to \(endpoint)") }
    }

    /// Receives one multipart message, or `nil` if none is waiting (`wait: false`) or
    /// the context is shutting down.
    func receive(wait: Bool) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        while true {
            var part = zmq_msg_t()
            zmq_msg_init(&part)
            defer { zmq_msg_close(&part) }
            let flags: Int32 = (wait || !frames.isEmpty) ? 0 : ZMQ_DONTWAIT
            guard zmq_msg_recv(&part, handle, flags) >= 0 else { return frames.isEmpty ? nil : frames }
            let size = zmq_msg_size(&part)
            if size > 0, let data = zmq_msg_data(&part) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&part) == 0 { return frames }
        }
    }

    /// Sends `frames` as one multipart message.
    func send(_ frames: [[UInt8]]) {
        var spare: UInt8 = 0
        for (i, frame) in frames.enumerated() {
            let flags: Int32 = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            if frame.isEmpty {
                _ = zmq_send(handle, &spare, 0, flags)
            } else {
                _ = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            }
        }
    }

    /// Waits up to `milliseconds` for any of `sockets` to become readable.
    /// - Returns: for each socket, whether it has a message waiting.
    static func poll(_ sockets: [ZMQSocket], milliseconds: Int) -> [Bool] {
        var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        let rc = zmq_poll(&items, Int32(items.count), milliseconds)
        guard rc > 0 else { return Array(repeating: false, count: sockets.count) }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }

    /// Closes the socket (idempotent).
    func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }
}
