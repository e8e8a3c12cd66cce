import Language

/// How many claims offer each kind of evidence (issue 13), in the order of
/// `ClaimEvidence.allCases`, with claims that name no kind counted as unspecified.
public struct EvidenceCounts: Sendable, Equatable {
    /// Claims per kind.
    public private(set) var byKind: [ClaimEvidence: Int] = [:]
    /// Claims that name no kind.
    public private(set) var unspecified = 0

    /// Counts the kinds of `claims`.
    public init(_ claims: [Claim]) {
        for claim in claims {
            if let kind = claim.evidence { byKind[kind, default: 0] += 1 } else { unspecified += 1 }
        }
    }

    /// The claims of one kind.
    public subscript(kind: ClaimEvidence) -> Int { byKind[kind] ?? 0 }

    /// The kinds of `required` that no claim offers, in the order given.
    public func missing(_ required: [ClaimEvidence]) -> [ClaimEvidence] {
        required.filter { self[$0] == 0 }
    }

    /// `simulation 3, exponent 1, paper 2, limit 0, consistency 0` (plus `unspecified N` when N > 0).
    public var summary: String {
        var parts = ClaimEvidence.allCases.map { "\($0.rawValue) \(self[$0])" }
        if unspecified > 0 { parts.append("unspecified \(unspecified)") }
        return parts.joined(separator: ", ")
    }

    /// One entry per kind (and unspecified when any), as templates read them: `[{kind, count}]`.
    public var entries: [(kind: String, count: Int)] {
        var list = ClaimEvidence.allCases.map { (kind: $0.rawValue, count: self[$0]) }
        if unspecified > 0 { list.append((kind: "unspecified", count: unspecified)) }
        return list
    }

    /// The kinds, quoted and comma-separated, for help texts.
    public static var kindList: String { ClaimEvidence.quotedList }

    /// Parses `--require simulation,paper`: the kinds named, or the first unknown name.
    public static func parse(_ list: String) -> Result<[ClaimEvidence], UnknownKind> {
        var kinds: [ClaimEvidence] = []
        for name in list.split(separator: ",").map({ String($0.filter { !$0.isWhitespace }) }) where !name.isEmpty {
            guard let kind = ClaimEvidence(rawValue: name) else { return .failure(UnknownKind(name: name)) }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return .success(kinds)
    }

    /// A kind of evidence this version does not know.
    public struct UnknownKind: Error, Sendable {
        /// The name given.
        public let name: String
        /// `unknown evidence kind "x": use one of "simulation", …`.
        public var message: String { "unknown evidence kind \"\(name)\": use one of \(ClaimEvidence.quotedList)" }
    }
}
