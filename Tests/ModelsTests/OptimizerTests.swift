import Testing
import NumericCore
@testable import Models

/// The optimizer-dependence study (after Ramani & Jain 2026; setup ours, see
/// `Optimizers.swift`). Checks: natural gradient learns every mode in the budget, so
/// its width exponent matches the converged random-feature floor N^-min(a−1, b); GD is
/// time-limited, so its exponent is smaller; errors name the parameter.
@Suite struct OptimizerTests {
    func parameters() -> ParameterSet {
        var p = ParameterSet()
        for (k, v) in ["beta": 1.0, "dim": 512, "outputs": 4, "steps": 200, "lr": 0.5] { p[k] = .number(v) }
        return p
    }

    @Test func naturalGradientBeatsGDExponent() throws {
        var arguments = ParameterSet()
        arguments["s"] = .vector([1.5])
        arguments["N"] = .vector([16, 32, 64])
        arguments["trials"] = .number(3)
        arguments["seed"] = .number(1)
        guard case .table(let table) = try Optimizers.exponentsOperation.run(parameters(), arguments, .none) else {
            Issue.record("expected a table"); return
        }
        let names = table.column("optimizer")!
        let exponent = table.numbers("exponent")!, se = table.numbers("exponent_se")!
        func value(_ name: String) -> (Double, Double) {
            let i = (0..<table.rowCount).first { names.text(at: $0) { "\($0)" } == name }!
            return (exponent[i], se[i])
        }
        let natural = value("natural"), gd = value("gd")
        // a = s·beta + 1 = 2.5, b = 1.5: converged floor exponent min(a−1, b) = 1.5.
        #expect(abs(natural.0 - 1.5) <= 0.25, "natural-gradient exponent \(natural.0) ± \(natural.1)")
        #expect(natural.0 > gd.0 + 3 * max(natural.1, gd.1), "natural \(natural.0) vs gd \(gd.0)")
    }

    @Test func badGridsNameTheParameter() throws {
        var arguments = ParameterSet()
        arguments["s"] = .vector([1])
        arguments["N"] = .vector([16, 4096])
        arguments["trials"] = .number(2)
        arguments["seed"] = .number(0)
        #expect(throws: ModelError.exceeds(parameter: "N", value: 4096, bound: "dim", limit: 512, reason: nil)) {
            _ = try Optimizers.exponentsOperation.run(parameters(), arguments, .none)
        }
        arguments["N"] = .vector([16, 32])
        arguments["s"] = .vector([-1])
        #expect(throws: ModelError.domain(parameter: "s", value: "-1", allowed: "s > 0")) {
            _ = try Optimizers.simulateOperation.run(parameters(), arguments, .none)
        }
    }
}
