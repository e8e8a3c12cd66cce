import CKernels

extension Elementwise {
    /// The rows of a matrix of ±1 entries packed one bit per entry (set where the entry is
    /// negative, padding bits clear), `words` = ⌈columns/64⌉ 64-bit words per row, so that the
    /// overlap of two rows is `columns − 2·popcount(a XOR b)`, exactly.
    public struct SignBits: Sendable {
        /// The rows, `words` words each.
        public let bits: [UInt64]
        /// Words per row.
        public let words: Int
        /// The number of rows.
        public let rows: Int
        /// Entries per row.
        public let columns: Int

        /// Packs `m` row by row; every entry must be +1 or −1.
        public init(_ m: Matrix) {
            let words = (m.columns + 63) / 64
            var bits = [UInt64](repeating: 0, count: m.rows * words)
            for r in 0..<m.rows {
                for j in 0..<m.columns {
                    let value = m.storage[r * m.columns + j]
                    precondition(value == 1 || value == -1, "SignBits: entry (\(r), \(j)) is \(value), not ±1")
                    if value < 0 { bits[r * words + j / 64] |= 1 << UInt64(j % 64) }
                }
            }
            self.bits = bits
            self.words = words
            self.rows = m.rows
            self.columns = m.columns
        }
    }

    /// `out[r·b.rows + c] = table[popcount(a_{first+r} XOR b_c)]` for the `count` rows of `a` from
    /// `first` and every row of `b`: any function of the overlap of two sign patterns, looked up
    /// by their Hamming distance (`table` has an entry for every distance 0…columns).
    public static func hammingLookup(_ a: SignBits, rows first: Int, count: Int, against b: SignBits,
                                     table: [Double], into out: inout [Double]) {
        precondition(a.columns == b.columns, "hammingLookup: rows of \(a.columns) and \(b.columns) entries")
        precondition(first >= 0 && count >= 0 && first + count <= a.rows, "hammingLookup: rows out of range")
        precondition(table.count > a.columns, "hammingLookup: the table needs \(a.columns + 1) entries")
        precondition(out.count == count * b.rows, "hammingLookup: the output holds \(out.count), needs \(count * b.rows)")
        a.bits.withUnsafeBufferPointer { pa in
            b.bits.withUnsafeBufferPointer { pb in
                table.withUnsafeBufferPointer { pt in
                    out.withUnsafeMutableBufferPointer { po in
                        solvable_hamming_lookup(count, b.rows, a.words, pa.baseAddress.map { $0 + first * a.words },
                                                pb.baseAddress, pt.baseAddress, po.baseAddress)
                    }
                }
            }
        }
    }
}
