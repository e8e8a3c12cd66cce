/// The `Decoder` that fills a `ParameterGroup` from a checked `ParameterSet`: each
/// `@Option` asks for the value under its property's name. Only the generic
/// `decode(_:forKey:)` is used (every property is an `Option` or `OptionGroup`); the
/// other requirements refuse.
struct ParameterDecoder: Decoder {
    /// All parameters of the call.
    let set: ParameterSet
    /// The value of the property being decoded (`nil` at the top or if not given).
    let value: ParameterValue?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw refusal() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw refusal() }

    func refusal() -> ModelError {
        .misdeclared(parameter: codingPath.last?.stringValue, problem: .notAnOption)
    }

    /// The keyed view: the property `key` reads `set[key]`.
    struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ParameterDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { decoder.set.values.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { true }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: ParameterDecoder(set: decoder.set, value: decoder.set[key.stringValue],
                                         codingPath: codingPath + [key]))
        }

        func decodeNil(forKey key: Key) throws -> Bool { throw decoder.refusal() }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                   forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw decoder.refusal()
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw decoder.refusal() }
        func superDecoder() throws -> any Decoder { throw decoder.refusal() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.refusal() }
    }
}
