import Testing
@testable import NumericCore
import Foundation

@Suite struct QuadratureTests {
    @Test func simpsonIntegratesKnownFunctions() {
        #expect(abs(Quadrature.simpson(0, Double.pi) { sin($0) } - 2) < 1e-9)
        #expect(abs(Quadrature.simpson(0, 1) { exp($0) } - (exp(1) - 1)) < 1e-10)
    }

    @Test func gaussHermiteGivesNormalMoments() throws {
        let rule = try Quadrature.gaussHermiteNormal(20)
        let moment = { (p: Double) in rule.reduce(0) { $0 + $1.weight * pow($1.node, p) } }
        #expect(abs(moment(0) - 1) < 1e-12)
        #expect(abs(moment(2) - 1) < 1e-12)
        #expect(abs(moment(4) - 3) < 1e-11)
        #expect(abs(moment(6) - 15) < 1e-10)
        // E[exp(a Z²)] = 1/√(1 − 2a) for a < 1/2.
        let expectation = rule.reduce(0) { $0 + $1.weight * exp(0.1 * $1.node * $1.node) }
        #expect(abs(expectation - 1 / (0.8).squareRoot()) < 1e-8)
    }
}
