import Foundation
import GRDB
import JSON

/// The cell cache on disk: one SQLite database (WAL journal, so readers never block
/// the writer; a busy timeout, so two runs at once wait for each other's short write
/// transactions instead of failing), normally `.solvable-cache/cells.sqlite` beside
/// the notebooks. Opening it checks that it really is a Solvable cache of this schema
/// and engine (see `CellStore+Opening.swift`); anything else is rebuilt, never trusted.
final class CellStore {
    /// The database file.
    let path: String
    let pool: DatabasePool

    /// `PRAGMA application_id` of a Solvable cell cache ("Solv").
    static let applicationID: Int32 = 0x536F_6C76
    /// `PRAGMA user_version`: the schema below.
    static let schemaVersion = 1
    /// How long a run waits for another run's write transaction, in seconds.
    static let busyTimeout: TimeInterval = 30

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// The stored cells with this source hash (most recently used first).
    func candidates(sourceHash: String) throws -> [StoredCell] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT key, settings, inputs, bound, outputs FROM cell WHERE source_hash = ? ORDER BY used DESC
                """, arguments: [sourceHash]).compactMap { row in
                guard let inputs = StoredCell.inputs(from: row["inputs"]),
                      let bound = try? JSONParser.parse(row["bound"] as String).arrayValue?.compactMap(\.stringValue),
                      let outputs = try? JSONParser.parse(row["outputs"] as String).arrayValue else { return nil }
                return StoredCell(key: row["key"], sourceHash: sourceHash, settings: row["settings"],
                                  reads: inputs.reads, filesRead: inputs.files, filesWritten: inputs.written,
                                  bound: bound, outputs: outputs)
            }
        }
    }

    /// Stores `cell`, replacing an entry with the same key, in one transaction.
    func save(_ cell: StoredCell) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO cell (key, source_hash, settings, inputs, bound, outputs, used)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [cell.key, cell.sourceHash, cell.settings, cell.inputsJSON,
                                 JSONWriter.string(.array(cell.bound.map(JSONValue.string))),
                                 JSONWriter.string(.array(cell.outputs)), Date().timeIntervalSince1970])
        }
    }

    /// Marks a hit as used now (entries are listed most recently used first).
    func touch(key: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE cell SET used = ? WHERE key = ?", arguments: [Date().timeIntervalSince1970, key])
        }
    }
}
