extension DiagnosticCatalogTests {
    /// A model's refusals (`Diagnostic.model`, rendered by `ModelError.message`), from the toy
    /// model's own check and from real models' operations.
    static let modelRows: [Row] = [
        Row(diagnostic: "model.exceeds", code: "toy(alpha=6, dim=2000)", traceback: [
            "DomainError: alpha = 6 is out of range: allowed alpha ≤ 5 (when dim > 1000)", "  at line 1, column 5", "    toy(alpha=6, dim=2000)", "        ^"]),
        Row(diagnostic: "model.exceeds (bound)", code: "exponents(optimizers(dim=64), s=[1.5], N=[8, 128])", traceback: [
            "DomainError: N = 128 is out of range: allowed N ≤ dim = 64", "  at line 1, column 40", "    exponents(optimizers(dim=64), s=[1.5], N=[8, 128])", "                                           ^"], catalog: true),
        Row(diagnostic: "model.tooMany", code: "theory(subsample(nu=linspace(0.005, 0.5, 101)), P=[10])", traceback: [
            "ArgumentError: nu lists 101 fractions (one per member): give at most 100", "  at line 1, column 18", "    theory(subsample(nu=linspace(0.005, 0.5, 101)), P=[10])", "                     ^"], catalog: true),
        Row(diagnostic: "model.countMismatch", code: "theory(ridge(spectrum=[1, 0.5], target=[1]), P=[10])", traceback: [
            "ArgumentError: target has 1 weights but the spectrum has 2: give one per mode (or none)", "  at line 1, column 33", "    theory(ridge(spectrum=[1, 0.5], target=[1]), P=[10])", "                                    ^"], catalog: true),
        Row(diagnostic: "model.missingColumns", code: "optimum(theory(ridge(), P=[10]))", traceback: [
            "ArgumentError: optimum: table needs the numeric columns 'lr' and 'loss'; the table has P, test, train, kappa, df1, df2, gcv", "  at line 1, column 9", "    optimum(theory(ridge(), P=[10]))", "            ^"], catalog: true),
        Row(diagnostic: "model.missingColumns (source)", code: "refine(theory(flow(), t=[1, 2]))", traceback: [
            "ArgumentError: refine: run needs the numeric column 'gnorm2' (from theory or simulate of sgd); the table has t, test", "  at line 1, column 8", "    refine(theory(flow(), t=[1, 2]))", "           ^"], catalog: true),
        Row(diagnostic: "model.tooFew (rows)", code: "refine(theory(sgd(), t=[10]))", traceback: [
            "ArgumentError: run needs at least 2 rows to refine a schedule", "  at line 1, column 8", "    refine(theory(sgd(), t=[10]))", "           ^"], catalog: true),
        Row(diagnostic: "model.notSupported", code: "theory(judge(reward=\"misspecified\"))", traceback: [
            "ArgumentError: theory(m) covers only reward = \"teacher\" (another judge has no closed form at finite k); for reward = \"misspecified\" use limit(m) for k → ∞, or simulate(m)", "  at line 1, column 1", "    theory(judge(reward=\"misspecified\"))", "    ^"], catalog: true),
        Row(diagnostic: "model.scheduleTooLong", code: "sgd(lr=cosine(0.1, warmup=2000), steps=1000)", traceback: [
            "ArgumentError: lr: warmup = 2000 steps is not shorter than the run (steps = 1000); allowed 0 ≤ warmup < steps", "  at line 1, column 5", "    sgd(lr=cosine(0.1, warmup=2000), steps=1000)", "        ^"], catalog: true),
        Row(diagnostic: "model.scheduleTooLong (decay)", code: "sgd(lr=wsd(0.1, warmup=500, decay=0.6), steps=1000)", traceback: [
            "ArgumentError: lr: warmup (500) plus decay (600 steps) is longer than the run (1000 steps)", "  at line 1, column 5", "    sgd(lr=wsd(0.1, warmup=500, decay=0.6), steps=1000)", "        ^"], catalog: true),
        Row(diagnostic: "model.phaseTooShort", code: "theory(seesaw(samples=10, batch=8))", traceback: [
            "ArgumentError: samples = 10 is too small: phase 2 of the base rule holds less than one batch of 8; raise samples or lower cuts", "  at line 1, column 15", "    theory(seesaw(samples=10, batch=8))", "                  ^"], catalog: true),
        Row(diagnostic: "model.tooFew", code: "optimal(ensemble(), K=[])", traceback: [
            "ArgumentError: K lists no ensemble sizes: give at least one", "  at line 1, column 21", "    optimal(ensemble(), K=[])", "                        ^"], catalog: true),
        Row(diagnostic: "model.tooFew (least 2)", code: "exponents(optimizers(), s=[1.5], N=[8])", traceback: [
            "ArgumentError: N needs at least 2 widths to fit an exponent", "  at line 1, column 34", "    exponents(optimizers(), s=[1.5], N=[8])", "                                     ^"], catalog: true),
        Row(diagnostic: "model.tooFew (sample sizes)", code: "theory(ridge(), P=[])", traceback: [
            "ArgumentError: P lists no sample sizes: give at least one", "  at line 1, column 17", "    theory(ridge(), P=[])", "                    ^"], catalog: true),
        Row(diagnostic: "model.domain", code: "optimal(ensemble(), K=[0])", traceback: [
            "DomainError: K = 0 is out of range: allowed a whole number K ≥ 1", "  at line 1, column 21", "    optimal(ensemble(), K=[0])", "                        ^"], catalog: true),
        Row(diagnostic: "model.domain (whole entry)", code: "simulate(ridge(), P=[10, 20.5])", traceback: [
            "DomainError: P = 20.5 (entry 1) is out of range: allowed a whole number 1 ≤ P ≤ 1000000000000", "  at line 1, column 19", "    simulate(ridge(), P=[10, 20.5])", "                      ^"], catalog: true),
        Row(diagnostic: "model.domain (whole or inf)", code: "flow(batch=2.5)", traceback: [
            "DomainError: batch = 2.5 is out of range: allowed a whole number 1 ≤ batch ≤ 10000000 (inf allowed)", "  at line 1, column 6", "    flow(batch=2.5)", "         ^"], catalog: true),
        Row(diagnostic: "model.domain (whole to simulate)", code: "simulate(randfeat(N=inf), P=[10])", traceback: [
            "DomainError: N = inf is out of range: allowed a whole number 1 ≤ N ≤ 1000000000 to simulate", "  at line 1, column 1", "    simulate(randfeat(N=inf), P=[10])", "    ^"], catalog: true),
        Row(diagnostic: "model.tooLarge", code: "theory(seesaw(samples=1e9, batch=1))", traceback: [
            "ResourceError: the base rule needs 1000000000 steps (limit 5000000): lower samples or raise batch", "  at line 1, column 8", "    theory(seesaw(samples=1e9, batch=1))", "           ^"], catalog: true),

    ]
}
