/// Every model family the language knows. Add a family here (one line) and it gets
/// a constructor, operations, argument checking, completion, help and a reference
/// entry, with no change to the parser or evaluator.
public enum ModelCatalog {
    /// All families, in the order help lists them.
    public static let families: [ModelFamily] = []

    /// The family called `name`, or `nil`.
    public static func family(_ name: String) -> ModelFamily? { families.first { $0.name == name } }
}
