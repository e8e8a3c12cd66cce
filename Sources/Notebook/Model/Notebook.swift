import JSON

/// An nbformat v4 notebook (4.0 – 4.5) held losslessly: the fields Solvable works
/// with are typed, and every other top-level key is kept verbatim in `extra`, so a
/// notebook read and written again is byte-for-byte the file Jupyter wrote.
public struct Notebook: Sendable, Equatable {
    /// The major format version (always 4).
    public var nbformat: Int
    /// The minor format version: 5 means cells carry ids.
    public var nbformatMinor: Int
    /// The notebook metadata (`kernelspec`, `language_info`, `solvable`, `widgets`, ...).
    public var metadata: [String: JSONValue]
    /// The cells, in order.
    public var cells: [Cell]
    /// Top-level keys other than the four above, kept as read.
    public var extra: [String: JSONValue]

    /// Makes a notebook from its parts.
    public init(nbformat: Int = 4, nbformatMinor: Int = 5, metadata: [String: JSONValue] = [:],
                cells: [Cell] = [], extra: [String: JSONValue] = [:]) {
        self.nbformat = nbformat
        self.nbformatMinor = nbformatMinor
        self.metadata = metadata
        self.cells = cells
        self.extra = extra
    }

    /// The notebook as a JSON object, as it is written to disk.
    public var json: JSONValue {
        var object = extra
        object["nbformat"] = .int(nbformat)
        object["nbformat_minor"] = .int(nbformatMinor)
        object["metadata"] = .object(metadata)
        object["cells"] = .array(cells.map { .object($0.fields) })
        return .object(object)
    }

    /// The language of the kernel this notebook was written for: metadata
    /// `kernelspec.language`, else `language_info.name`; `nil` when neither is given.
    public var kernelLanguage: String? {
        metadata["kernelspec"]?["language"]?.stringValue ?? metadata["language_info"]?["name"]?.stringValue
    }

    /// Whether the notebook is Solvable's (or says nothing about its kernel).
    public var isSolvable: Bool {
        (kernelLanguage ?? "solvable").lowercased() == "solvable"
    }

    /// The paper this notebook reproduces, from metadata `solvable.paper`, if given.
    public var paper: Paper? {
        guard let value = metadata["solvable"]?["paper"], value.objectValue != nil else { return nil }
        return Paper(json: value)
    }
}

/// The paper behind a notebook: metadata `solvable.paper` = {title, authors, year, arxiv}.
public struct Paper: Sendable, Equatable {
    /// The paper's title.
    public var title: String
    /// Author names in order.
    public var authors: [String]
    /// Year of publication, if given.
    public var year: Int?
    /// The arXiv identifier (e.g. `2102.06701`), if given.
    public var arxiv: String?

    /// Reads the record leniently: `authors` may be a list or one string.
    public init(json: JSONValue) {
        title = json["title"]?.stringValue ?? ""
        if let list = json["authors"]?.arrayValue {
            authors = list.compactMap(\.stringValue)
        } else if let one = json["authors"]?.stringValue {
            authors = [one]
        } else {
            authors = []
        }
        year = json["year"]?.intValue ?? json["year"]?.stringValue.flatMap { Int($0) }
        arxiv = json["arxiv"]?.stringValue
    }

    /// The arXiv abstract page, if an id is given.
    public var arxivURL: String? {
        guard let arxiv, !arxiv.isEmpty else { return nil }
        if arxiv.hasPrefix("http") { return arxiv }
        return "https://arxiv.org/abs/" + arxiv
    }
}
