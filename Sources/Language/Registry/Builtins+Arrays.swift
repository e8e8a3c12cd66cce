import NumericCore

// MARK: - Array functions with numpy's semantics

extension Builtins {
    static let arrays: [Builtin] = [
        position("argmin", "The index of the smallest number (the first if several tie; as numpy.argmin, a NaN counts as smallest).") { $0 < $1 },
        position("argmax", "The index of the largest number (the first if several tie; as numpy.argmax, a NaN counts as largest).") { $0 > $1 },
        Builtin(name: "sort", summary: "The numbers or strings in ascending order (as numpy.sort, NaN last); a table's rows ordered by a column.",
                doc: "sort([3, 1, 2]) → [1, 2, 3]; sort(names) sorts strings by code point; sort(t, by=\"loss\") orders the rows of t by its loss column (ties keep their order), reverse=true for descending.",
                parameters: [.builtin("x", "a vector, a list of strings, or a table", kind: .oneOf([.vector, .list, .table])),
                             .builtin("by", "for a table: the column to order by", kind: .string, default: "none"),
                             .builtin("reverse", "descending instead of ascending", kind: .bool, default: "false")]) { c throws(LanguageError) in
            let reverse = try flag(c, "reverse")
            let x = c.value("x")!
            if case .table(let t) = x {
                guard let by = try c.string("by") else {
                    throw c.error(.builtin(.sortNeedsColumn(example: t.columnNames.first ?? "x")), at: "x")
                }
                guard let column = t.column(by) else {
                    throw c.error(.evaluation(.noField(owner: "the table", noun: "column", name: by, names: t.columnNames)), at: "by")
                }
                let order: [Int]
                switch column.values {
                case .numbers(let v): order = stableOrder(v.count, reverse: reverse) { numpyLess(v[$0], v[$1]) }
                case .strings(let v): order = stableOrder(v.count, reverse: reverse) { codePointLess(v[$0], v[$1]) }
                }
                return .table(Table(columns: t.columns.map { column in
                    switch column.values {
                    case .numbers(let v): return Table.Column(column.name, order.map { v[$0] })
                    case .strings(let v): return Table.Column(column.name, strings: order.map { v[$0] })
                    }
                }, caption: t.caption, role: t.role))
            }
            if c.value("by") != nil {
                throw c.error(.builtin(.sortByOnValues(typeName: x.typeName)), at: "by")
            }
            if let strings = strings(x) {
                let sorted = strings.sorted(by: codePointLess)
                return .list((reverse ? sorted.reversed() : sorted).map(Value.string))
            }
            let v = try numbers(c, x)
            let sorted = v.sorted(by: numpyLess)
            return .vector(reverse ? sorted.reversed() : sorted)
        },
        Builtin(name: "unique", summary: "The distinct numbers or strings, sorted (as numpy.unique; all NaNs count as one, last).",
                doc: "unique([3, 1, 3, 2]) → [1, 2, 3]; unique(t.optimizer) lists the distinct strings of a column.",
                parameters: [.builtin("x", "a vector or a list of strings", kind: .oneOf([.vector, .list]))]) { c throws(LanguageError) in
            let x = c.value("x")!
            if let strings = strings(x) {
                let sorted = strings.sorted(by: codePointLess)
                return .list(sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1] != $0.element }.map { .string($0.element) })
            }
            let sorted = try numbers(c, x).sorted(by: numpyLess)
            var out: [Double] = []
            for y in sorted where out.isEmpty || !(out.last! == y || (out.last!.isNaN && y.isNaN)) { out.append(y) }
            return .vector(out)
        },
        Builtin(name: "cumsum", summary: "The running sums: element i is the sum of elements 0 … i (as numpy.cumsum).",
                doc: "cumsum([1, 2, 3]) → [1, 3, 6].",
                parameters: [.builtin("x", "a vector", kind: .vector)]) { c throws(LanguageError) in
            var total = 0.0
            return .vector(try numbers(c, c.value("x")!).map { total += $0; return total })
        },
        Builtin(name: "diff", summary: "The differences of neighbours, x[i+1] - x[i], applied n times (as numpy.diff).",
                doc: "diff([1, 4, 9, 16]) → [3, 5, 7]; diff(x, n=2) → [2, 2]. The result is n shorter than x (empty if n ≥ len(x)).",
                parameters: [.builtin("x", "a vector", kind: .vector),
                             .builtin("n", "how many times to difference", kind: .integer, default: "1", allowed: "n ≥ 0")]) { c throws(LanguageError) in
            var v = try numbers(c, c.value("x")!)
            let n = try c.integer("n", atLeast: 0) ?? 1
            for _ in 0..<n where !v.isEmpty { v = zip(v.dropFirst(), v).map { $0 - $1 } }
            return .vector(v)
        },
        truthReduction("any", "Whether any element is true (non-zero); false for an empty one. any(v > 1) asks if some element exceeds 1.") { $0.contains(true) },
        truthReduction("all", "Whether every element is true (non-zero); true for an empty one. all(v > 0) asks if every element is positive.") { !$0.contains(false) },
    ]

    /// `argmin`/`argmax`: the first index whose value `better` than every earlier one,
    /// a NaN winning at once (as numpy).
    private static func position(_ name: String, _ summary: String, _ better: @escaping @Sendable (Double, Double) -> Bool) -> Builtin {
        Builtin(name: name, summary: summary,
                doc: "\(name)([3, 1, 2]) → \(name == "argmin" ? 1 : 0). For the row of a table where a column is \(name == "argmin" ? "smallest" : "largest"): t[\(name)(t.loss)].",
                parameters: [.builtin("x", "a vector", kind: .vector)]) { c throws(LanguageError) in
            let x = c.value("x")!
            if case .table = x {
                throw c.error(.builtin(.argOfTable(function: name)), at: "x")
            }
            let v = try numbers(c, x)
            guard !v.isEmpty else { throw c.error(.builtin(.emptyInput(function: name, what: "an empty vector")), at: "x") }
            var best = 0
            for i in v.indices {
                if v[i].isNaN { best = i; break }
                if better(v[i], v[best]) { best = i }
            }
            return .number(Double(best))
        }
    }

    /// `any`/`all` over the truths of a mask, vector or list of bools and numbers.
    private static func truthReduction(_ name: String, _ summary: String, _ f: @escaping @Sendable ([Bool]) -> Bool) -> Builtin {
        Builtin(name: name, summary: summary, doc: "",
                parameters: [.builtin("x", "a mask, vector or list of bools", kind: .oneOf([.value("mask"), .vector]))]) { c throws(LanguageError) in
            let x = c.value("x")!
            var truths: [Bool] = []
            for element in x.elements ?? [x] {
                switch element {
                case .bool(let b): truths.append(b)
                case .number(let y): truths.append(y != 0)
                default: throw c.error(.builtin(.needs(function: name, expected: "bools or numbers", given: element.typeName)), at: "x")
                }
            }
            return .bool(f(truths))
        }
    }

    /// The numbers of `x`, or a `TypeError` naming the builtin.
    private static func numbers(_ c: CallContext, _ x: Value) throws(LanguageError) -> [Double] {
        guard let v = x.numbers, !(x.isScalarNumber) else {
            throw c.error(.builtin(.needs(function: c.name, expected: "a vector (or a list of numbers)", given: x.typeName)), at: "x")
        }
        return v
    }

    /// The strings of a non-empty list of strings, or `nil`.
    private static func strings(_ x: Value) -> [String]? {
        guard case .list(let items) = x, !items.isEmpty else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    private static func flag(_ c: CallContext, _ name: String) throws(LanguageError) -> Bool {
        guard let v = c.value(name) else { return false }
        guard case .bool(let b) = v else { throw c.error(.wrongKind(owner: c.name, parameter: name, expected: "true or false", given: v.typeName), at: name) }
        return b
    }

    /// numpy's order: ascending, NaN after every number.
    private static func numpyLess(_ a: Double, _ b: Double) -> Bool { a < b || (!a.isNaN && b.isNaN) }

    private static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }

    /// The indices 0..<count ordered by `less` (or its reverse), ties in index order.
    private static func stableOrder(_ count: Int, reverse: Bool, _ less: (Int, Int) -> Bool) -> [Int] {
        Array(0..<count).sorted { i, j in
            let (a, b) = reverse ? (j, i) : (i, j)
            if less(a, b) { return true }
            if less(b, a) { return false }
            return i < j
        }
    }
}

extension Value {
    /// Whether this is a single number (not a vector of one).
    var isScalarNumber: Bool {
        if case .number = self { return true }
        return false
    }
}
