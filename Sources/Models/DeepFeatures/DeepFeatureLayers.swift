import NumericCore

/// The checked setting of a `deepfeat` model: the data, the first layer's weight
/// covariance on the data modes, and each layer's width with the spectrum of the next
/// layer's weight covariance (the only way later-layer structure enters).
struct DeepFeatureLayers {
    /// The data spectrum and target.
    var data: SpectralData
    /// Ω_1's diagonal on the data modes (mean 1), or empty for Ω_1 = I.
    var firstLayer: [Double]
    /// N_1, ..., N_L (each ≥ 1; `.infinity` allowed for theory).
    var widths: [Double]
    /// Ω_l's eigenvalues for l = 1..L (mean 1), empty for an isotropic layer. Entry 0 is
    /// `firstLayer`; entry l ≥ 1 has N_l values.
    var covariances: [[Double]]

    /// Reads and checks the widths and structure exponents.
    /// - Throws: `ModelError` naming `widths` or `structure` and what is allowed.
    init(_ p: DeepFeatures.Parameters) throws(ModelError) {
        data = try SpectralData.from(p.data)
        widths = p.widths
        guard !widths.isEmpty else {
            throw .tooFew(parameter: "widths", least: 1, noun: "widths", purpose: nil)
        }
        let exponents = p.structure.isEmpty ? [Double](repeating: 0, count: widths.count) : p.structure
        guard exponents.count == widths.count else {
            throw .countMismatch(parameter: "structure", count: exponents.count, noun: "exponents", other: "widths",
                                 expected: widths.count, per: "layer", orNone: true)
        }
        var covariances: [[Double]] = []
        for (l, g) in exponents.enumerated() {
            let inputs = l == 0 ? Double(data.dim) : widths[l - 1]
            if g != 0 && !(inputs.isFinite && inputs.rounded() == inputs && inputs <= 1e7) {
                throw .domain(parameter: "structure", value: formatParameter(g), allowed:
                    "0 for layer \(l + 1): structure needs a whole, finite input width N_\(l) ≤ 1e7 (widths has \(formatParameter(inputs)))")
            }
            covariances.append(g == 0 ? [] : Self.powerLaw(exponent: g, count: Int(inputs)))
        }
        self.covariances = covariances
        firstLayer = covariances[0]
    }

    /// `i^-g` for i = 1..count, divided by its mean.
    static func powerLaw(exponent g: Double, count: Int) -> [Double] {
        let raw = (1...count).map { pow(Double($0), -g) }
        let mean = raw.reduce(0, +) / Double(count)
        return raw.map { $0 / mean }
    }

    /// The widths as whole numbers for simulation.
    /// - Throws: `ModelError.domain` naming `widths` if one is infinite or fractional.
    func simulationWidths() throws(ModelError) -> [Int] {
        let simulable = NumericRange(lower: 1, upper: 1e7, upperInclusive: false, whole: true)
        return try widths.map { (n: Double) throws(ModelError) -> Int in
            try simulable.check(n, parameter: "widths", purpose: "to simulate")
            return Int(n)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
