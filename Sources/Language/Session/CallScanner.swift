/// A forgiving scan of the code before a cursor that finds the call the cursor is in:
/// the callee's name, the text of its first argument, and whether the cursor sits
/// where a keyword may be written. Unlike the lexer it never fails, because code
/// being typed is usually incomplete.
struct CallScanner {
    /// One open call around the cursor.
    struct Frame: Equatable {
        /// The callee (`ridge`, or `theory` for `m.theory(`), if the bracket follows a name.
        var callee: String?
        /// For `m.theory(`: the receiver's name, which acts as the first argument.
        var receiver: String?
        /// The text of the first argument so far.
        var firstArgument: String
        /// Whether the text since the last `(` or `,` is blank (a keyword may start here).
        var atArgumentStart: Bool
        /// Whether the current argument already has `name=` (we are in its value).
        var inValue: Bool
        /// Keywords already written in this call (`alpha` in `ridge(alpha=1, `).
        var givenKeywords: [String] = []
    }

    /// The innermost open `(` call before `end`, or `nil` if the cursor is not inside one.
    static func innermostCall(_ scalars: [Unicode.Scalar], upTo end: Int) -> Frame? {
        var stack: [(frame: Frame?, commas: Int, argStart: Int)] = []
        var i = 0
        var lastName: String?
        var lastNameReceiver: String?
        var previousName: String?
        var sawDotAfterName = false
        while i < end {
            let c = scalars[i]
            if c == "#" {
                while i < end && scalars[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                while i < end && scalars[i] != c && scalars[i] != "\n" { i += scalars[i] == "\\" ? 2 : 1 }
                i += 1
                lastName = nil
                continue
            }
            if isNameStart(c) {
                var name = ""
                while i < end && isNameContinue(scalars[i]) { name.unicodeScalars.append(scalars[i]); i += 1 }
                lastNameReceiver = sawDotAfterName ? previousName : nil
                previousName = name
                lastName = name
                sawDotAfterName = false
                continue
            }
            switch c {
            case "(":
                stack.append((Frame(callee: lastName, receiver: lastNameReceiver, firstArgument: "", atArgumentStart: true, inValue: false), 0, i + 1))
            case "[":
                stack.append((nil, 0, i + 1))
            case ")", "]":
                if !stack.isEmpty { stack.removeLast() }
            case ",":
                if !stack.isEmpty {
                    if stack[stack.count - 1].commas == 0, stack[stack.count - 1].frame != nil {
                        stack[stack.count - 1].frame!.firstArgument = text(scalars, stack[stack.count - 1].argStart, i)
                    }
                    stack[stack.count - 1].commas += 1
                    stack[stack.count - 1].argStart = i + 1
                }
            case "=":
                let next = i + 1 < end ? scalars[i + 1] : " "
                let previous = i > 0 ? scalars[i - 1] : " "
                if next != "=", !"<>!=".unicodeScalars.contains(previous), let name = lastName,
                   !stack.isEmpty, stack[stack.count - 1].frame != nil {
                    stack[stack.count - 1].frame!.givenKeywords.append(name)
                }
            case ".":
                sawDotAfterName = lastName != nil
                i += 1
                continue
            default:
                break
            }
            if c != " " && c != "\t" && c != "\n" { lastName = nil; sawDotAfterName = false }
            i += 1
        }
        guard let top = stack.last, var frame = top.frame else { return nil }
        let current = text(scalars, top.argStart, end)
        if top.commas == 0 { frame.firstArgument = current }
        frame.atArgumentStart = current.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
        frame.inValue = current.contains("=")
        return frame
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool { c.properties.isXIDStart || c == "_" }
    static func isNameContinue(_ c: Unicode.Scalar) -> Bool { c.properties.isXIDContinue || c == "_" }

    private static func text(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[from..<to])
        return s.trimmingBlanks
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
