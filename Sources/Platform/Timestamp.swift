#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock instants in the ISO 8601 form Jupyter writes in message headers and
/// nbclient copies into cell metadata `execution`: `2026-11-30T22:10:05.123456Z`.
public struct Timestamp: Sendable, Equatable, Comparable {
    /// Microseconds since the Unix epoch (UTC).
    public var microseconds: Int64

    /// The current time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(microseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000)
    }

    /// Seconds from `self` to `later`.
    public func seconds(to later: Timestamp) -> Double {
        Double(later.microseconds - microseconds) / 1e6
    }

    /// The ISO 8601 text with microseconds and a `Z` suffix.
    public var iso8601: String {
        var seconds = time_t(microseconds / 1_000_000)
        let micros = Int(microseconds % 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
            + "." + pad(micros, 6) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff][Z|+00:00]` (UTC only); `nil` if malformed.
    public init?(iso8601 text: String) {
        let digits = text.unicodeScalars.map { $0 }
        guard digits.count >= 19 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                guard let d = Int(String(digits[i])) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var micros = 0
        if digits.count > 20, digits[19] == "." {
            var scale = 100_000
            var i = 20
            while i < digits.count, let d = Int(String(digits[i])) {
                micros += d * scale
                scale /= 10
                i += 1
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let epoch = timegm(&parts)
        microseconds = Int64(epoch) * 1_000_000 + Int64(micros)
    }

    /// Makes an instant from microseconds since the epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Orders instants in time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }
}
