import Foundation

/// `solvable render --pdf`: prints rendered pages to PDF with headless Chromium
/// (Debian's `chromium`), which runs KaTeX and applies the print stylesheet exactly
/// as a reader's browser would. One `NAME.pdf` beside each `NAME.html`.
public struct PDFPrinter {
    /// The browser executable.
    let browser: String

    /// Finds Chromium: `$SOLVABLE_CHROMIUM`, else `chromium`, `chromium-browser` or
    /// `google-chrome` on `PATH`.
    /// - Throws: `ReportError` saying how to install it when none is found.
    public init() throws(ReportError) {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SOLVABLE_CHROMIUM"], !explicit.isEmpty {
            browser = explicit
            return
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                browser = directory + "/" + name
                return
            }
        }
        throw ReportError("--pdf needs headless Chromium: install Debian's chromium (apt-get install chromium)")
    }

    /// Prints `page` (an HTML file) to the PDF beside it.
    /// - Returns: the PDF's path.
    /// - Throws: `ReportError` if Chromium fails or writes no PDF (with its last error line).
    public func print(_ page: String) throws(ReportError) -> String {
        let url = URL(fileURLWithPath: page).standardizedFileURL
        let pdf = url.deletingPathExtension().appendingPathExtension("pdf").path
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("solvable-chromium-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let temporary = pdf + ".tmp-\(getpid()).pdf"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=20000",
                             "--print-to-pdf=\(temporary)", url.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw ReportError("cannot start \(browser): \(error.localizedDescription)") }
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let header = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: temporary)).read(upToCount: 5)) ?? nil
        guard process.terminationStatus == 0, header == Data("%PDF-".utf8) else {
            try? FileManager.default.removeItem(atPath: temporary)
            let last = String(decoding: log, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "no output"
            throw ReportError("Chromium could not print \(page) to PDF (exit \(process.terminationStatus)): \(last)")
        }
        guard rename(temporary, pdf) == 0 else {
            throw ReportError("cannot move the PDF into place at \(pdf): " + String(cString: strerror(errno)))
        }
        return pdf
    }
}
