import Display
import NumericCore

// MARK: - Memory held by values

/// Memory accounting over values that may share storage. A list made by `[a, a]`
/// holds `a` twice by reference, so sixty such lines make a value of 2⁶⁰ leaves in a
/// few hundred bytes; walking it leaf by leaf would never end. Every walk here visits
/// each shared buffer once (keyed by its address), so it is linear in the distinct
/// storage, which is also what the values really cost.
struct FootprintCounter {
    /// Buffers already counted.
    private var seen: Set<UnsafeRawPointer> = []
    /// Bytes counted so far.
    private(set) var bytes: Double = 0

    /// Makes an empty counter.
    init() {}

    /// Adds what `value` holds that is not already counted.
    mutating func add(_ value: Value) {
        switch value {
        case .number, .bool, .none, .function, .model, .schedule, .fit, .scalingFit, .claim:
            bytes += Double(MemoryLayout<Value>.stride)
        case .string(let s): add(s)
        case .vector(let v): add(v)
        case .list(let items):
            guard first(items) else { return }
            bytes += Double(items.count * MemoryLayout<Value>.stride)
            for item in items { add(item) }
        case .table(let t): add(t)
        case .record(let fields):
            for field in fields { add(field.value) }
        case .plot(let p):
            for series in p.series { add(series.xs); add(series.ys) }
        case .mask(let m):
            if first(m) { bytes += Double(m.count) }
        case .closure(let f):
            bytes += Double(MemoryLayout<Value>.stride)
            for value in f.defaults.compactMap({ $0 }) { add(value) }
        }
    }

    /// Adds a table's columns.
    mutating func add(_ table: Table) {
        for column in table.columns {
            switch column.values {
            case .numbers(let v): add(v)
            case .strings(let v):
                guard first(v) else { continue }
                bytes += Double(v.count * MemoryLayout<String>.stride)
                for s in v { add(s) }
            }
        }
    }

    private mutating func add(_ v: [Double]) {
        if first(v) { bytes += Double(v.count * MemoryLayout<Double>.stride) }
    }

    private mutating func add(_ s: String) {
        // Strings of up to 15 UTF-8 bytes live inside the value itself.
        let count = s.utf8.count
        guard count > 15 else { return }
        let address = s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        if let address {
            guard seen.insert(address).inserted else { return }
        }
        bytes += Double(count)
    }

    /// Whether `array`'s buffer is seen for the first time (empty arrays hold nothing).
    private mutating func first<T>(_ array: [T]) -> Bool {
        guard let address = array.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return false }
        return seen.insert(address).inserted
    }
}

extension Value {
    /// Bytes this value holds, counting shared storage once.
    var footprint: Double {
        var counter = FootprintCounter()
        counter.add(self)
        return counter.bytes
    }

    /// How deeply lists nest in this value (0 for anything but a list), each shared
    /// list visited once. Lists are refused beyond `Interpreter.maximumNesting`.
    var nesting: Int {
        var depths: [UnsafeRawPointer: Int] = [:]
        return Self.nesting(of: self, memo: &depths)
    }

    private static func nesting(of value: Value, memo: inout [UnsafeRawPointer: Int]) -> Int {
        guard case .list(let items) = value else { return 0 }
        guard let address = items.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return 1 }
        if let known = memo[address] { return known }
        var deepest = 0
        for item in items { deepest = max(deepest, nesting(of: item, memo: &memo)) }
        memo[address] = 1 + deepest
        return 1 + deepest
    }
}
