/// The builtins of the language, grouped by concern in `Builtins+*.swift`.
public enum Builtins {
    /// Every builtin, in the order help and the reference list them.
    static let all: [Builtin] = output + input + math + arrays + data + controlledGraphics + analysis + scaling + load + limits + widgets
}
