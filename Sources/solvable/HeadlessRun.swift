import CellCache
import Foundation
import Language
import Notebook
import Platform

/// One notebook run headlessly, as `run` and `check` do it: read and vetted (its
/// kernel language, its `-p` overrides), executed in a fresh `Session` whose relative
/// paths resolve against the notebook's directory, and summed up in one line.
struct HeadlessRun {
    /// The notebook file.
    let file: String
    /// The executed notebook and the error that stopped it, if any.
    let result: ExecutionResult
    /// Wall time of the run in seconds.
    let seconds: Double
    /// How many cells were restored from the cell cache.
    let cachedCells: Int

    /// Reads, vets and runs `file`.
    /// - Parameters:
    ///   - parameters: `-p` overrides, checked against the notebook's `parameters` cell.
    ///   - timeout: the per-cell limit.
    ///   - forceKernel: run a notebook written for another kernel anyway.
    ///   - scratch: a directory that takes every file the notebook writes (`check`).
    ///   - cache: the cells to run regardless of the cell cache (`--refresh`), or `nil`
    ///     to run every cell without the cache (`--no-cache`, `check`).
    /// - Throws: `NotebookError` if the file cannot be read, belongs to another kernel
    ///   or an override names no parameter.
    init(file: String, parameters: [(name: String, literal: String)] = [], timeout: Double?,
         forceKernel: Bool = false, scratch: String? = nil, cache refresh: [String]? = nil) throws(NotebookError) {
        let notebook = try Notebook(contentsOf: file)
        if !forceKernel, !notebook.isSolvable {
            throw NotebookError(file: file, message: "the notebook is for the '\(notebook.kernelLanguage ?? "")' kernel, "
                                + "not Solvable; pass --force-kernel to run its cells as Solvable code anyway")
        }
        do {
            try notebook.checkOverrides(parameters.map(\.name))
        } catch {
            var located = error
            located.file = file
            throw located
        }
        if let refresh { try Self.checkRefresh(refresh, in: ParameterInjection.inject(parameters, into: notebook), file: file) }
        let session = Session()
        session.files = FileScope(base: FileIO.parentDirectory(of: file), scratch: scratch)
        let start = Date()
        let memo = refresh.flatMap { refresh in
            SessionMemo(session: session, cachePath: SessionMemo.path(forNotebooksIn: FileIO.parentDirectory(of: file)),
                        refresh: refresh, notice: printError)
        }
        let executor = NotebookExecutor(evaluator: session, options: .init(parameters: parameters, timeout: timeout),
                                        memo: memo)
        result = executor.run(notebook)
        seconds = Date().timeIntervalSince(start)
        cachedCells = memo?.restoredCells.count ?? 0
        self.file = file
    }

    /// Refuses a `--refresh` that names no code cell of `notebook` (by number from 1 or by id).
    private static func checkRefresh(_ refresh: [String], in notebook: Notebook, file: String) throws(NotebookError) {
        let code = notebook.cells.filter { $0.kind == .code }
        for cell in refresh {
            if let number = Int(cell), number >= 1, number <= code.count { continue }
            if code.contains(where: { $0.id == cell }) { continue }
            throw NotebookError(file: file, message: "--refresh \(cell): no such cell (the notebook has \(code.count) code "
                                + "cells, numbered from 1 as Jupyter counts them, with ids "
                                + code.compactMap(\.id).joined(separator: ", ") + ")")
        }
    }

    /// `ridge.ipynb: ok, 12 code cells in 3.41 s, 4 of 4 claims pass`, or where it failed.
    var summary: String {
        let codeCells = result.notebook.cells.filter { $0.kind == .code }.count
        let claims = Claim.all(in: result.notebook)
        let tally = claims.isEmpty ? "no claims" : "\(claims.filter(\.passed).count) of \(claims.count) claims pass"
        let time = String(format: "%.2f s", seconds)
        if let failure = result.failure {
            return "\(file): FAILED after \(time) at \(failure)"
        }
        let cached = cachedCells > 0 ? " (\(cachedCells) from the cache)" : ""
        return "\(file): ok, \(codeCells) code cells in \(time)\(cached), \(tally)"
    }
}
