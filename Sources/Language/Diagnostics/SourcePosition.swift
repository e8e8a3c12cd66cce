/// A place in a cell's source: 1-based line and column, counted in Unicode scalars
/// (as Jupyter cursors are), plus the scalar offset from the start of the cell.
public struct SourcePosition: Sendable, Equatable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column within the line.
    public var column: Int
    /// 0-based offset in Unicode scalars from the start of the cell.
    public var offset: Int

    /// Makes a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Orders positions by offset.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }
}
