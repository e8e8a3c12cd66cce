extension Diagnostic {
    /// The errors of a scaling-law fit (`fit(runs, law="chinchilla", ...)`) and of
    /// `optimal`, each with its kind and its one rendering (`Diagnostic.scalingFit`).
    /// `law` is the law's name as `law=` spells it.
    enum ScalingFit {
        /// A scaling-only option (`bootstrap=`, `holdout=`, ...) given to a curve law.
        case scalingOnly(option: String, law: String)
        /// A scaling fit of something other than a table.
        case needsTable(law: String, typeName: String)
        /// A curve-fit option (`ys=`, `min=`, `max=`) given to a scaling law.
        case curveOnly(option: String, law: String)
        /// `x=` naming a number of columns the law does not take (`wanted` in words).
        case inputCount(law: String, wanted: String, given: Int)
        /// `delta=` given with `loss="mse"`.
        case deltaWithMSE
        /// More bootstrap resamples than `limit`.
        case tooManyResamples(given: Int, limit: Int)
        /// A hold-out of at least all the runs (`most`: the largest that leaves enough to fit).
        case holdout(given: Int, runs: Int, most: Int)
        /// The fitter's refusal (`reason`: its words).
        case failed(law: String, reason: String)
        /// `optimal` of something other than a fit.
        case optimalNeedsFit(typeName: String)
        /// `optimal` of a one-variable fit.
        case optimalNeedsChinchilla(law: String)

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            switch self {
            case .scalingOnly, .needsTable, .curveOnly, .inputCount, .deltaWithMSE, .optimalNeedsFit, .optimalNeedsChinchilla:
                return .argument
            case .holdout, .failed: return .domain
            case .tooManyResamples: return .resource
            }
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .scalingOnly(let option, let law):
                return "\(option)= applies to the scaling laws (law=\"chinchilla\" or \"offset_powerlaw\"), not to law=\"\(law)\""
            case .needsTable(let law, let typeName): return "a \(law) fit takes a table of runs, not \(typeName)"
            case .curveOnly(let option, let law):
                return "\(option)= does not apply to a \(law) fit; give a table and x=, y= column names"
            case .inputCount(let law, let wanted, let given): return "the \(law) law takes \(wanted), not \(given)"
            case .deltaWithMSE: return "delta= is the Huber threshold; it does not apply to loss=\"mse\""
            case .tooManyResamples(let given, let limit): return "bootstrap = \(given) is too many resamples (limit \(limit))"
            case .holdout(let given, let runs, let most):
                return "holdout = \(given) is out of range: the table has \(runs) runs, allowed 0 ≤ holdout ≤ \(most)"
            case .failed(let law, let reason): return "cannot fit the \(law) law: \(reason)"
            case .optimalNeedsFit(let typeName):
                return "optimal takes a chinchilla fit, fit(runs, law=\"chinchilla\", ...), not \(typeName)"
            case .optimalNeedsChinchilla(let law):
                return "optimal needs a chinchilla fit of N and D; this fit is \(law), of one variable"
            }
        }
    }
}
