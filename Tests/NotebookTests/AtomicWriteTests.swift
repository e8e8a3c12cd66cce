#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport
import Platform
@testable import Notebook

/// Writes replace the whole file or nothing.
@Suite struct AtomicWriteTests {
    private func scratch() throws -> String { try Scratch.directory("nbtest") }

    @Test func replacesContentsAndLeavesNoTemporaryFile() throws {
        let directory = try scratch()
        let path = directory + "/a.ipynb"
        try FileIO.writeAtomically(Array("old\n".utf8), to: path)
        chmod(path, 0o600)
        try FileIO.writeAtomically(Array("new\n".utf8), to: path)
        #expect(try FileIO.read(path) == Array("new\n".utf8))
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let entries = try NotebookFiles.collect([directory])
        #expect(entries == [path])
    }

    @Test func failedWriteLeavesOriginalIntact() throws {
        let directory = try scratch()
        let path = directory + "/a.ipynb"
        try FileIO.writeAtomically(Array("original\n".utf8), to: path)
        chmod(directory, 0o500)  // cannot create the temporary file
        defer { chmod(directory, 0o700) }
        if getuid() != 0 {
            #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically(Array("x".utf8), to: path) }
        }
        // Writing over a directory path fails at rename; the temporary file is removed.
        chmod(directory, 0o700)
        mkdir(directory + "/sub.ipynb", 0o755)
        #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically(Array("x".utf8), to: directory + "/sub.ipynb") }
        #expect(try FileIO.read(path) == Array("original\n".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".sub.ipynb.tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
