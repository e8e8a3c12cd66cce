import Display
import Foundation

// MARK: - Saving figures as SVG, PNG or PDF

extension Builtins {
    /// The graphics builtins, with `plot` taking the control options.
    static let controlledGraphics = graphics.map { $0.name == "plot" ? withPlotControls($0) : $0 }

    /// The figure formats `save` writes, by file extension.
    static let figureFormats = ["svg", "png", "pdf"]

    /// Writes `plot` to `path` (resolved against the session's directory), atomically: SVG
    /// as text; PNG (at 2× for sharp text) and PDF rendered by librsvg's `rsvg-convert` from
    /// the standalone SVG, into a temporary file that then replaces the target.
    static func savePlot(_ plot: Plot, to path: String, _ c: CallContext) throws(LanguageError) {
        let format = (path as NSString).pathExtension.lowercased()
        guard figureFormats.contains(format) else {
            throw c.error(.builtin(.figurePath(path)), at: "path")
        }
        let target = URL(fileURLWithPath: c.files.writePath(path))
        let svg = plot.standaloneSVG()
        do {
            if format == "svg" {
                try Data(svg.utf8).write(to: target, options: .atomic)
                return
            }
            guard let converter = executable("rsvg-convert") else {
                throw c.error(.builtin(.noRenderer(format: "\(format)")), at: "path")
            }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("solvable-figure-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let source = scratch.appendingPathComponent("figure.svg"), rendered = scratch.appendingPathComponent("figure.\(format)")
            try Data(svg.utf8).write(to: source)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: converter)
            process.arguments = ["-f", format] + (format == "png" ? ["-z", "2"] : []) + ["-o", rendered.path, source.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw c.error(.builtin(.renderFailed(path: path, reason: message.trimmingCharacters(in: .whitespacesAndNewlines))), at: "path")
            }
            try Data(contentsOf: rendered).write(to: target, options: .atomic)
        } catch let error as LanguageError {
            throw error
        } catch {
            throw c.error(.builtin(.writeFailed(path: path, reason: error.localizedDescription)), at: "path")
        }
    }

    /// The first `name` on PATH that can be run, or `nil`.
    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
