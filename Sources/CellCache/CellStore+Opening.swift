import Foundation
import GRDB
import Platform

extension CellStore {
    /// Why an existing file is not a cache to trust.
    struct Untrusted: Error {
        let reason: String
    }

    /// Opens (creating if needed) the cache at `path`. A file that is not a Solvable
    /// cell cache of this schema (random bytes, a truncated or corrupt database,
    /// another application's SQLite file, an older schema) is moved aside to
    /// `path.broken` and rebuilt empty; entries made by another engine are cleared.
    /// Each such event is passed to `notice`. A cache locked by another run is waited
    /// for (up to `busyRetries` short sleeps), never moved. Returns `nil` (run without a
    /// cache, after a notice) if it cannot be opened even so.
    ///
    /// Opening, checking and creating run under an exclusive lock on `path.lock`, so two
    /// runs that start at once on a new cache (threads of one process or two processes)
    /// never race to create its schema or convert it to WAL; once open they share it.
    static func open(path: String, engine: String, notice: (String) -> Void) -> CellStore? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileIO.makeDirectories(directory)
            // The cache keeps itself out of version control wherever it is made.
            if !FileIO.exists(directory + "/.gitignore") {
                try FileIO.writeAtomically(Array("*\n".utf8), to: directory + "/.gitignore", durable: false)
            }
        } catch {
            notice("cell cache: cannot make the directory of \(path) (\(error)); running without a cache")
            return nil
        }
        do {
            return try FileLock.withExclusive(path + ".lock") {
                openOrRebuild(path: path, engine: engine, notice: notice)
            }
        } catch {
            notice("cell cache \(path): \(error); running without a cache")
            return nil
        }
    }

    /// `open` once the lock is held: retries a busy file, rebuilds an untrusted one once.
    private static func openOrRebuild(path: String, engine: String, notice: (String) -> Void) -> CellStore? {
        var rebuilt = false, busyAttempts = 0
        while true {
            do {
                return try openChecked(path: path, engine: engine, notice: notice)
            } catch let untrusted as Untrusted where !rebuilt {
                notice("cell cache \(path): \(untrusted.reason); it is not trusted and was rebuilt empty")
                moveAside(path)
                rebuilt = true
            } catch let error as DatabaseError where isBusy(error) && busyAttempts < busyRetries {
                // Another run is creating or converting the same cache: wait for it, never move its file.
                busyAttempts += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(busyAttempts))
            } catch let error as DatabaseError where isDamaged(error) && !rebuilt {
                notice("cell cache \(path): \(error); it is not trusted and was rebuilt empty")
                moveAside(path)
                rebuilt = true
            } catch {
                notice("cell cache \(path): cannot be opened (\(error)); running without a cache")
                return nil
            }
        }
    }

    /// How many times opening waits for another run that holds the cache's lock.
    static let busyRetries = 40

    /// The lock is held by another connection (another run opening the same cache).
    private static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// SQLite reports the file itself as unreadable (truncated, corrupt, not a database).
    private static func isDamaged(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Opens `path` and checks header, application id, schema, integrity and engine.
    private static func openChecked(path: String, engine: String, notice: (String) -> Void) throws -> CellStore {
        if let header = FileManager.default.contents(atPath: path)?.prefix(16), !header.isEmpty,
           header != Data("SQLite format 3\0".utf8) {
            throw Untrusted(reason: "the file is not an SQLite database (bad header)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if application == 0, version == 0, tables.isEmpty {
                try createSchema(db, engine: engine)
                return
            }
            guard application == applicationID else {
                throw Untrusted(reason: "it is another application's SQLite database (application_id \(application))")
            }
            guard version == schemaVersion else {
                throw Untrusted(reason: "its schema version is \(version), this solvable uses \(schemaVersion)")
            }
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard check == ["ok"] else {
                throw Untrusted(reason: "it is damaged (\(check.prefix(2).joined(separator: "; ")))")
            }
            guard Set(tables).isSuperset(of: ["cell", "meta"]) else {
                throw Untrusted(reason: "its tables are missing")
            }
            let recorded = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'engine'")
            if recorded != engine {
                try db.execute(sql: "DELETE FROM cell")
                try db.execute(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES ('engine', ?)", arguments: [engine])
                notice("cell cache \(path): made by another build of solvable; its entries were cleared")
            }
        }
        return CellStore(path: path, pool: pool)
    }

    /// The tables, the application id and the schema version of a new cache.
    private static func createSchema(_ db: Database, engine: String) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(schemaVersion);
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS cell (
                key TEXT PRIMARY KEY, source_hash TEXT NOT NULL, settings TEXT NOT NULL,
                inputs TEXT NOT NULL, bound TEXT NOT NULL, outputs TEXT NOT NULL, used REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS cell_source ON cell (source_hash);
            """)
        try db.execute(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES ('engine', ?)", arguments: [engine])
    }

    /// Renames an untrusted file to `path.broken` (kept for inspection) with its journal files.
    private static func moveAside(_ path: String) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: path + ".broken")
        try? manager.moveItem(atPath: path, toPath: path + ".broken")
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
    }
}
