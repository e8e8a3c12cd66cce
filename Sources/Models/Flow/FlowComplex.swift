#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal complex number for the Laplace-inversion contours of the gradient-flow
/// theory (the package has no complex type, and apple/swift-numerics cannot join the
/// graph; see Package.swift). Only the operations the theory needs.
struct FlowComplex: Sendable, Equatable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    static let zero = FlowComplex(0)
    static let one = FlowComplex(1)

    var conjugate: FlowComplex { FlowComplex(re, -im) }
    var magnitude: Double { hypot(re, im) }

    static func + (a: FlowComplex, b: FlowComplex) -> FlowComplex { FlowComplex(a.re + b.re, a.im + b.im) }
    static func - (a: FlowComplex, b: FlowComplex) -> FlowComplex { FlowComplex(a.re - b.re, a.im - b.im) }
    static prefix func - (a: FlowComplex) -> FlowComplex { FlowComplex(-a.re, -a.im) }
    static func * (a: FlowComplex, b: FlowComplex) -> FlowComplex {
        FlowComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    static func * (a: Double, b: FlowComplex) -> FlowComplex { FlowComplex(a * b.re, a * b.im) }
    static func / (a: FlowComplex, b: FlowComplex) -> FlowComplex {
        // Smith's algorithm: no overflow for large |b|.
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re, d = b.re + b.im * r
            return FlowComplex((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        } else {
            let r = b.re / b.im, d = b.re * r + b.im
            return FlowComplex((a.re * r + a.im) / d, (a.im * r - a.re) / d)
        }
    }
    static func / (a: Double, b: FlowComplex) -> FlowComplex { FlowComplex(a) / b }
    static func += (a: inout FlowComplex, b: FlowComplex) { a = a + b }

    /// e^z.
    static func exp(_ z: FlowComplex) -> FlowComplex {
        let m = expReal(z.re)
        return FlowComplex(m * cos(z.im), m * sin(z.im))
    }
}

/// The real exponential, named apart from `FlowComplex.exp`.
@inline(__always) func expReal(_ x: Double) -> Double { exp(x) }
