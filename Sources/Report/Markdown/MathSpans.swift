import Foundation

/// Hides TeX math from the Markdown parser: every `$…$`, `$$…$$`, `\(…\)` and `\[…\]`
/// outside code is replaced by an alphanumeric placeholder before Ink runs and put
/// back, HTML-escaped but otherwise untouched, afterwards — so KaTeX's auto-render
/// sees exactly what the author wrote (`$w_k^2 λ_k$` stays math, not emphasis).
///
/// Inline `$…$` follows Pandoc's rule: the opening `$` is not followed by a space, the
/// closing one is not preceded by a space nor followed by a digit; `\$` is a literal
/// dollar. Code spans and fenced code blocks are left alone.
struct MathSpans {
    /// The math texts, indexed by placeholder number.
    private(set) var spans: [String] = []

    /// Returns `markdown` with math replaced by placeholders, recording the spans.
    mutating func protect(_ markdown: String) -> String {
        let chars = Array(markdown)
        var out = ""
        var i = 0
        var atLineStart = true
        var inFence = false
        while i < chars.count {
            if atLineStart, startsFence(chars, i) { inFence.toggle() }
            let c = chars[i]
            atLineStart = c == "\n"
            if inFence { out.append(c); i += 1; continue }
            if c == "`" {
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let end = findRun(chars, of: "`", length: run, from: i + run) {
                    out += String(chars[i..<(end + run)])
                    i = end + run
                    continue
                }
                out += String(chars[i..<(i + run)])
                i += run
                continue
            }
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                if next == "(" || next == "[" {
                    let close: [Character] = ["\\", next == "(" ? ")" : "]"]
                    if let end = find(chars, close, from: i + 2) {
                        out += placeholder(String(chars[i..<(end + 2)]))
                        i = end + 2
                        continue
                    }
                }
                out.append(c)
                out.append(next)
                i += 2
                continue
            }
            if c == "$" {
                if i + 1 < chars.count, chars[i + 1] == "$", let end = find(chars, ["$", "$"], from: i + 2) {
                    out += placeholder(String(chars[i..<(end + 2)]))
                    i = end + 2
                    continue
                }
                if let end = inlineEnd(chars, from: i) {
                    out += placeholder(String(chars[i...end]))
                    i = end + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Puts the math back into Ink's HTML, escaped for HTML text.
    func restore(_ html: String) -> String {
        var result = html
        for (index, math) in spans.enumerated().reversed() {
            result = result.replacingAll(Self.token(index), with: HTML.escape(math))
        }
        return result
    }

    /// The placeholder for span `index`: letters and digits only, so Ink leaves it alone.
    static func token(_ index: Int) -> String { "SOLVABLEMATH\(index)MATHEND" }

    // MARK: - Scanning

    private mutating func placeholder(_ math: String) -> String {
        spans.append(math)
        return Self.token(spans.count - 1)
    }

    private func inlineEnd(_ chars: [Character], from start: Int) -> Int? {
        guard start + 1 < chars.count, !chars[start + 1].isWhitespace else { return nil }
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if c == "\\" { j += 2; continue }
            if c == "\n", j + 1 < chars.count, chars[j + 1] == "\n" { return nil }
            if c == "$" {
                let after = j + 1 < chars.count ? chars[j + 1] : " "
                if !chars[j - 1].isWhitespace && !after.isNumber { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    private func find(_ chars: [Character], _ pattern: [Character], from start: Int) -> Int? {
        var j = start
        while j + pattern.count <= chars.count {
            if chars[j] == "\\" && pattern[0] != "\\" { j += 2; continue }
            if Array(chars[j..<(j + pattern.count)]) == pattern { return j }
            j += 1
        }
        return nil
    }

    private func findRun(_ chars: [Character], of c: Character, length: Int, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == c {
                var run = 0
                while j + run < chars.count, chars[j + run] == c { run += 1 }
                if run == length { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    private func startsFence(_ chars: [Character], _ i: Int) -> Bool {
        var j = i
        while j < chars.count, chars[j] == " ", j - i < 3 { j += 1 }
        return j + 2 < chars.count && ((chars[j] == "`" && chars[j + 1] == "`" && chars[j + 2] == "`")
            || (chars[j] == "~" && chars[j + 1] == "~" && chars[j + 2] == "~"))
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
