extension DiagnosticCatalogTests {
    /// A model's refusals (`Diagnostic.model`, rendered by `ModelError.message`), from the toy
    /// model's own check and from real models' operations.
    static let modelRows: [Row] = [
        Row(diagnostic: "model.argument", code: "toy(alpha=6, dim=2000)", traceback: [
            "ArgumentError: alpha > 5 needs dim ≤ 1000", "  at line 1, column 5", "    toy(alpha=6, dim=2000)", "        ^"]),
        Row(diagnostic: "model.tooFew", code: "optimal(ensemble(), K=[])", traceback: [
            "ArgumentError: K lists no ensemble sizes: give at least one", "  at line 1, column 21", "    optimal(ensemble(), K=[])", "                        ^"], catalog: true),
        Row(diagnostic: "model.tooFew (least 2)", code: "exponents(optimizers(), s=[1.5], N=[8])", traceback: [
            "ArgumentError: N needs at least 2 widths to fit an exponent", "  at line 1, column 34", "    exponents(optimizers(), s=[1.5], N=[8])", "                                     ^"], catalog: true),
        Row(diagnostic: "model.tooFew (sample sizes)", code: "theory(ridge(), P=[])", traceback: [
            "ArgumentError: P lists no sample sizes: give at least one", "  at line 1, column 17", "    theory(ridge(), P=[])", "                    ^"], catalog: true),
        Row(diagnostic: "model.domain", code: "optimal(ensemble(), K=[0])", traceback: [
            "DomainError: K = 0 is out of range: allowed K ≥ 1", "  at line 1, column 21", "    optimal(ensemble(), K=[0])", "                        ^"], catalog: true),
        Row(diagnostic: "model.resource", code: "theory(seesaw(samples=1e9, batch=1))", traceback: [
            "ResourceError: the base rule needs 1000000000 steps (limit 5000000): lower samples or raise batch", "  at line 1, column 8", "    theory(seesaw(samples=1e9, batch=1))", "           ^"], catalog: true),

    ]
}
