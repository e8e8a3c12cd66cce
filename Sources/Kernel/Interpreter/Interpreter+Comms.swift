import JSON

/// A language without comms: no targets, and comm messages are ignored.
extension Interpreter {
    /// No comm targets.
    public var commTargets: [String] { [] }
    /// Ignores the message.
    public func comm(_ message: CommMessage, publisher: any OutputPublisher) {}
}

/// A publisher that has no use for message metadata drops it.
extension OutputPublisher {
    /// Publishes `type` with `content`, without the metadata.
    public func publish(_ type: String, _ content: JSONValue, metadata: JSONValue) {
        publish(type, content)
    }
}
