import Display
import JSON
import Models
import NumericCore

/// Evaluates parsed statements against a namespace that lives as long as the session.
/// Each `execute` sets the sink and monitor for that cell.
final class Interpreter {
    /// The builtins and models.
    let registry: Registry
    /// The session's variables.
    var variables = Namespace()
    /// The seed set by `seed(n)`, used as the default `seed=` of operations.
    var seed: Double?
    /// Where the running cell's output goes.
    var sink: OutputSink {
        didSet { progressSink = SinkBox(sink) }
    }
    /// The same sink, locked, for progress reported from worker threads.
    private(set) var progressSink: SinkBox
    /// The running cell's interrupt flag and progress channel.
    var monitor: WorkMonitor
    /// Protocol payloads produced by the cell (the pager for `?name`).
    var payloads: [JSONValue] = []
    /// Counts progress displays, to give each a fresh display id.
    var progressDisplays = 0
    /// The running user function's scope and how deeply calls nest.
    var frames = CallFrames()
    /// The memory and time limits of every cell of the session (`limits(...)` sets them).
    var sessionLimits = ResourceLimits.standard
    /// Limits set for the running cell only (`limits(..., cell=true)`), or `nil`.
    var cellLimits: ResourceLimits?
    /// When the running cell started.
    var cellStart = ContinuousClock.now
    /// The last estimate checked against the limits (for calibration in bench/).
    var lastEstimate: WorkEstimate?
    /// Where relative file paths resolve.
    var files = FileScope()
    /// The controls of the `explore` evaluating now.
    var controls = ControlBoard()
    /// How many cells `run` has run (each one's `CallFrames.source`).
    private var sources = 0
    /// Counts `pollInterrupt` calls.
    private var polls = 0
    /// Every `explore` of the session, with the copy of the session its redraws read.
    let explores: ExploreShelf

    /// Makes an interpreter over `registry`.
    init(registry: Registry) {
        self.registry = registry
        explores = ExploreShelf(registry: registry)
        let sink = NullSink()
        self.sink = sink
        self.progressSink = SinkBox(sink)
        self.monitor = WorkMonitor.none
    }

    /// Runs `statements`; returns the value of the last one if it is an expression.
    /// Plot and claim values of earlier expression statements are displayed as they
    /// are made, so a cell can draw a figure and then state claims about it.
    func run(_ statements: [Statement]) throws(LanguageError) -> Value {
        sources += 1
        frames.source = sources
        var last: Value = .none
        let statements = Resolver.resolve(statements)
        for (i, statement) in statements.enumerated() {
            try checkInterrupt(at: nil)
            last = .none
            switch statement {
            case .assign(let name, let position, let expr):
                let value = try evaluate(expr)
                try admit(value, as: name, at: position)
                variables[name] = value
            case .expression(let expr):
                let value = try evaluate(expr)
                try admit(value, as: nil, at: expr.position)
                if i == statements.count - 1 {
                    last = value
                } else if isAutoDisplayed(value), let bundle = value.bundle(registry: registry) {
                    sink.display(bundle, displayID: nil, update: false)
                }
            case .define, .return, .setItem, .branches, .assignLocal:
                _ = try execute([statement])
            case .help(let name, let position):
                guard let topic = helpTopic(for: name) else {
                    throw LanguageError(.evaluation(.noHelp(name, known: knownNames)), at: position)
                }
                payloads.append(topic.pagerPayload)
            }
        }
        return last
    }

    /// Plots and claims show even when they are not the last statement.
    private func isAutoDisplayed(_ value: Value) -> Bool {
        switch value {
        case .plot, .claim: return true
        default: return false
        }
    }

    /// Throws `Interrupted` if the cell has been interrupted, or a `ResourceError` if it
    /// has run past its time limit.
    func checkInterrupt(at position: SourcePosition?) throws(LanguageError) {
        if let reason = monitor.stopReason { throw stopError(reason, at: position) }
    }

    /// `checkInterrupt` at every `pollInterval`-th call: for the steps of the language's
    /// own loops (a user-function call, a comprehension's element), where reading the
    /// clock for the time limit at every step was a sixth of a call's cost. A step takes
    /// well under a microsecond, so a stop is still noticed within microseconds.
    func pollInterrupt(at position: SourcePosition?) throws(LanguageError) {
        polls &+= 1
        if polls % Self.pollInterval == 0 { try checkInterrupt(at: position) }
    }

    /// How many steps `pollInterrupt` lets pass between checks.
    static let pollInterval = 32

    /// Every name a user might mean: variables, builtins, models, constants.
    var knownNames: [String] { Array(variables.keys).sorted() + registry.allNames }

    /// Help for a registry name, or for a variable (its value's kind and, for a model, its family).
    func helpTopic(for name: String) -> HelpTopic? {
        if let value = variables[name] {
            switch value {
            case .model(let m): return registry.help(for: m.family.name)
            case .function(let f): return registry.help(for: f)
            case .closure(let f): return f.helpTopic
            default:
                return HelpTopic(signature: name, summary: "\(name) is \(value.typeName): \(value.plain)",
                                 rows: [], sections: [], doc: "", reference: "")
            }
        }
        return registry.help(for: name)
    }
}

/// A sink that drops everything, used between cells.
final class NullSink: OutputSink {
    func stream(_ name: StreamName, _ text: String) {}
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
}
