import JSON

extension Plot {
    /// The MIME type of a plot's data block (added beside its SVG in the bundle).
    public static let dataMIMEType = "application/vnd.solvable.plot+json"

    /// What the plot draws, as data: `{"title", "scale", "xlabel", "ylabel", "series":
    /// [{"label", "style", "x", "y", "se"?}]}` with non-finite numbers as `null`.
    /// Reports read it to offer the figure's data as CSV and to describe the figure
    /// in alt text; a front end that does not know the type ignores it.
    public var dataJSON: JSONValue {
        func numbers(_ values: [Double]) -> JSONValue {
            .array(values.map { $0.isFinite ? .double($0) : .null })
        }
        var object: [String: JSONValue] = [
            "scale": .string(scale.rawValue),
            "series": .array(series.map { s in
                var entry: [String: JSONValue] = ["label": .string(s.label), "style": .string(s.style.rawValue),
                                                  "x": numbers(s.xs), "y": numbers(s.ys)]
                if let errors = s.errors { entry["se"] = numbers(errors) }
                return .object(entry)
            }),
        ]
        if let title { object["title"] = .string(title) }
        if let xlabel { object["xlabel"] = .string(xlabel) }
        if let ylabel { object["ylabel"] = .string(ylabel) }
        return .object(object)
    }
}
