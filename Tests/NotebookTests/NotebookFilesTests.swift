#if canImport(Glibc)
import Glibc
#endif
import Language
import Platform
import Testing
import TestSupport
@testable import Notebook

/// Which paths a command accepts, which outputs it may replace, and where a
/// notebook's relative paths point.
@Suite struct NotebookFilesTests {
    private func scratch() throws -> String { try Scratch.directory("files") }

    @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
        let fifo = try scratch() + "/pipe.ipynb"
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = #expect(throws: NotebookError.self) { try NotebookFiles.collect([fifo]) }
        #expect(error?.description == "\(fifo): not a regular file (a notebook must be an .ipynb file, not a FIFO)")
    }

    @Test func aDirectoryWithoutNotebooksIsAnError() throws {
        let directory = try scratch()
        try FileIO.writeAtomically(Array("x".utf8), to: directory + "/notes.txt")
        let error = #expect(throws: NotebookError.self) { try NotebookFiles.collect([directory]) }
        #expect(error?.message == "the directory holds no notebooks (*.ipynb)")
    }

    @Test func readOnlyAndForeignFilesAreNotReplaceable() throws {
        let directory = try scratch()
        let path = directory + "/out.ipynb"
        try NotebookFiles.checkReplaceable(path)  // not there yet: fine
        try FileIO.writeAtomically(Array("{}".utf8), to: path)
        try NotebookFiles.checkReplaceable(path)
        chmod(path, 0o444)
        let readOnly = #expect(throws: NotebookError.self) { try NotebookFiles.checkReplaceable(path) }
        #expect(readOnly?.message.hasPrefix("will not overwrite a read-only file (mode 444)") == true)
        chmod(path, 0o644)
        if geteuid() == 0 {
            chown(path, 65534, 65534)
            let foreign = #expect(throws: NotebookError.self) { try NotebookFiles.checkReplaceable(path) }
            #expect(foreign?.message.hasPrefix("will not overwrite a file owned by another user") == true)
        }
    }

    @Test func parameterNamesAreTheTopLevelAssignmentsOfTheTaggedCell() throws {
        let nb = notebook(["width = 64\nlr = [1,\n  a = 2]\nif_x == 3\n# c = 1\ndepth=4", "other = 1"],
                          tags: [0: ["parameters"]])
        #expect(nb.parameterNames == ["width", "lr", "depth"])
        #expect(notebook(["x = 1"]).parameterNames == nil)
        let error = #expect(throws: NotebookError.self) { try nb.checkOverrides(["width", "dpeth"]) }
        #expect(error?.description == "-p dpeth: the notebook has no parameter 'dpeth'; did you mean 'depth'? (its parameters: width, lr, depth)")
        #expect(throws: NotebookError.self) { try notebook(["x = 1"]).checkOverrides(["x"]) }
    }

    @Test func kernelLanguageComesFromTheKernelspecOrLanguageInfo() {
        var nb = notebook(["1"])
        #expect(nb.isSolvable)
        nb.metadata["language_info"] = ["name": "python"]
        #expect(!nb.isSolvable && nb.kernelLanguage == "python")
        nb.metadata["kernelspec"] = ["name": "solvable", "display_name": "Solvable", "language": "solvable"]
        #expect(nb.isSolvable)
    }

    @Test func fileScopeResolvesAgainstTheNotebookAndRedirectsWritesToScratch() throws {
        let scope = FileScope(base: "/work/notes")
        #expect(scope.writePath("x.csv") == "/work/notes/x.csv")
        #expect(scope.readPath("/abs/y.csv") == "/abs/y.csv")
        let directory = try scratch()
        let checking = FileScope(base: "notes", scratch: directory)
        #expect(checking.writePath("out/x.csv") == directory + "/notes%2Fout%2Fx.csv")
        #expect(checking.readPath("out/x.csv") == "notes/out/x.csv")  // nothing written yet
        try FileIO.writeAtomically(Array("a\n".utf8), to: checking.writePath("out/x.csv"))
        #expect(checking.readPath("out/x.csv") == checking.writePath("out/x.csv"))
    }
}
