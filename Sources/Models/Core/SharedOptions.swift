/// The seed every random draw of an operation derives from, declared once for every
/// operation that draws (`@OptionGroup var seeding = Seeding()`).
public struct Seeding: ParameterGroup {
    /// The one default seed of every operation (the session's `seed(n)` overrides it).
    public static let defaultSeed = 0

    @Option("seed of the random draws (every draw of the call derives from it)", range: NumericRange(lower: 0, upper: 9e15))
    public var seed = Seeding.defaultSeed

    /// The default seed.
    public init() {}

    /// The seed as the generators take it.
    public var seed64: UInt64 { UInt64(seed) }
}

/// The options every Monte-Carlo operation shares, declared once: how many independent
/// runs to average and the seed. An operation includes them with
/// `@OptionGroup var replication = Replication(trials: 16)`, choosing its own default
/// number of trials.
public struct Replication: ParameterGroup {
    @Option("independent runs averaged (fresh draws for each)", range: NumericRange(lower: 1, upper: 100_000),
            sweepable: false)
    public var trials = 8
    @OptionGroup public var seeding = Seeding()

    /// The default group.
    public init() {}

    /// The group with `trials` by default and at least `fewest` allowed.
    public init(trials: Int, fewest: Int = 1) {
        self.trials = trials
        _trials.restrict(to: NumericRange(lower: Double(fewest), upper: 100_000))
    }

    /// The seed.
    public var seed: Int { seeding.seed }
    /// The seed as the generators take it.
    public var seed64: UInt64 { seeding.seed64 }
}

/// The time an expensive operation may take, declared once: `budget=` seconds, refused up
/// front when the estimate exceeds it (the language reads it when it checks the cost).
public struct Budget: ParameterGroup {
    @Option("seconds the whole call may take; refused up front when the estimate exceeds it", range: .positive,
            sweepable: false)
    public var budget = 600.0

    /// The default budget.
    public init() {}
}
