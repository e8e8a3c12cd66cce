// The operations checked by bench/calibrate.sh, each at several sizes: a small one, a
// medium one, and the largest a shipped notebook or the README uses (or larger).
/// One operation and the cells that run it at increasing sizes.
struct Operation {
    var name: String
    var cells: [String]
}

let operations: [Operation] = [
    Operation(name: "theory ridge", cells: [
        "theory(ridge(dim=1e4), P=geomspace(10, 1e4, 40))",
        "theory(ridge(dim=1e5), P=geomspace(10, 1e4, 40))",
        "theory(ridge(dim=1e6), P=geomspace(10, 1e4, 40))"]),
    Operation(name: "simulate ridge", cells: [
        "simulate(ridge(dim=200), P=[100, 400], trials=8)",
        "simulate(ridge(dim=500), P=[100, 400], trials=8)",
        "simulate(ridge(alpha=1.5, beta=1.2, noise=0.1, dim=2000, lambda=1e-4), P=round(geomspace(10, 1e4, 12)), trials=1, seed=1)"]),
    Operation(name: "theory randfeat", cells: [
        "theory(randfeat(dim=1e4, N=100), P=geomspace(10, 1e4, 40))",
        "theory(randfeat(dim=1e5, N=100), P=geomspace(10, 1e4, 40))",
        "theory(randfeat(dim=1e6, N=1000), P=geomspace(10, 1e4, 40))"]),
    Operation(name: "simulate randfeat", cells: [
        "simulate(randfeat(dim=500, N=200), P=[100, 400], trials=8)",
        "simulate(randfeat(dim=1000, N=500), P=[200, 1000], trials=2)",
        "simulate(randfeat(dim=2000, N=1000), P=[500, 2000], trials=2)"]),
    Operation(name: "theory ensemble", cells: [
        "theory(ensemble(dim=1e4, K=4), P=geomspace(10, 1e4, 40))",
        "theory(ensemble(dim=1e5), P=geomspace(10, 1e4, 40))"]),
    Operation(name: "simulate ensemble", cells: [
        "simulate(ensemble(dim=200, K=4, N=50), P=[100, 400], trials=4)",
        "simulate(ensemble(dim=500, K=4), P=[100, 400], trials=4)",
        "simulate(ensemble(dim=1000, K=8, N=200), P=[400, 1600], trials=2)"]),
    Operation(name: "optimal ensemble", cells: [
        "optimal(ensemble(dim=500), K=[1, 2, 4])",
        "optimal(ensemble(dim=2000), K=[1, 2, 4, 8, 16, 32], total=256, P=300)",
        "optimal(ensemble(dim=2e4), K=[1, 2, 4, 8, 16, 32], total=256, P=300)"]),
    Operation(name: "theory flow (N finite)", cells: [
        "theory(flow(dim=1e3, N=100), t=geomspace(1, 1e4, 20))",
        "theory(flow(dim=1e4, N=100), t=geomspace(1, 1e4, 20))",
        "theory(flow(dim=1e5, N=100), t=geomspace(1, 1e4, 20))"]),
    Operation(name: "theory flow (P finite)", cells: [
        "theory(flow(dim=1e3, N=100, P=200), t=geomspace(1, 1e4, 10))",
        "theory(flow(dim=1e4, N=100, P=200), t=geomspace(1, 1e4, 10))",
        "theory(flow(dim=1e5, N=100, P=200), t=geomspace(1, 1e4, 10))"]),
    Operation(name: "simulate flow", cells: [
        "simulate(flow(dim=500, N=100), t=geomspace(1, 1e3, 10), trials=4)",
        "simulate(flow(dim=1000, N=300, P=500), t=geomspace(1, 1e3, 10), trials=4)",
        "simulate(flow(dim=2000, N=1000, P=1000), t=geomspace(1, 1e3, 10), trials=2)"]),
    Operation(name: "frontier flow", cells: [
        "frontier(flow(dim=1e3), C=geomspace(1e4, 1e8, 5))",
        "frontier(flow(dim=1e4), C=geomspace(1e4, 1e8, 5))",
        "frontier(flow(dim=1e5), C=geomspace(1e4, 1e8, 5))"]),
    Operation(name: "simulate optimizers", cells: [
        "simulate(optimizers(), s=[1.5], N=[8, 16], trials=2)",
        "simulate(optimizers(), s=[1.5], N=[8, 16, 32, 64], trials=3)",
        "simulate(optimizers(), s=[1.5], N=[32, 64, 128], trials=3)"]),
    Operation(name: "exponents optimizers", cells: [
        "exponents(optimizers(), s=[1.5], N=[8, 16, 32], trials=2)",
        "exponents(optimizers(), s=[0.75, 1.0, 1.5, 2.0], N=[8, 16, 32, 64], trials=3)"]),
    Operation(name: "simulate icl", cells: [
        "simulate(icl(d=8), trials=2)",
        "simulate(icl(d=16), trials=2)",
        "simulate(icl(), trials=2)",
        "simulate(icl(lambda=1), trials=2)"]),
    Operation(name: "simulate judge", cells: [
        "simulate(judge(), trials=4)",
        "simulate(judge(d=200, n=400), trials=4)",
        "simulate(judge(d=400, n=800), trials=4)"]),
    Operation(name: "theory/simulate sgd", cells: [
        "theory(sgd(), t=[0, 10, 100, 1000])",
        "theory(sgd(dim=4000, steps=10000), t=geomspace(1, 1e4, 40))",
        "simulate(sgd(), t=[0, 10, 100, 1000], trials=4)",
        "simulate(sgd(dim=2000, steps=10000), t=geomspace(1, 1e4, 13), trials=12)"]),
    Operation(name: "seesaw", cells: [
        "theory(seesaw())", "compare(seesaw())", "simulate(seesaw(), trials=2)"]),
    Operation(name: "simulate onset", cells: [
        "simulate(onset(alpha=1.5, beta=1.2, noise=0.2, dim=200, lambda=1e-2, N=80, E=3), P=[40, 120, 240], trials=60)",
        "simulate(onset(alpha=1.5, beta=1.2, noise=0.2, dim=600, lambda=1e-2, N=240, E=4), P=[120, 360, 720], trials=60)"]),
    Operation(name: "anytime", cells: [
        "theory(anytime(steps=3000))", "theory(anytime())", "compare(anytime())", "compare(anytime(steps=30000))"]),
    Operation(name: "theory deeplinear", cells: [
        "theory(deeplinear())",
        "theory(deeplinear(depth=4, modes=16, dim=16, width=16), t=linspace(0, 100, n=2000))",
        "theory(deeplinear(depth=4, modes=64, dim=64, width=64), t=linspace(0, 100, n=2000))"]),
    Operation(name: "simulate deeplinear", cells: [
        "simulate(deeplinear())",
        "simulate(deeplinear(depth=3, modes=16, dim=32, width=64), t=linspace(0, 12, 25), trials=2)"]),
    Operation(name: "peaked", cells: [
        "theory(peaked())", "constants(peaked())",
        "simulate(peaked(), t=geomspace(1, 1000, 10))", "simulate(peaked())"]),
    Operation(name: "simulate hopfield", cells: [
        "simulate(hopfield(N=50), P=[50, 100, 200], trials=5)",
        "simulate(hopfield(), trials=5)",
        "simulate(hopfield(N=200), P=[200, 400, 800], trials=3)"]),
    Operation(name: "capacity hopfield", cells: [
        "capacity(hopfield(N=50), trials=3)",
        "capacity(hopfield(), trials=3)",
        "capacity(hopfield(N=200), trials=3)"]),
    Operation(name: "train/final mlp", cells: [
        "train(mlp(width=32))", "train(mlp())", "final(mlp())",
        "final(mlp(width=256, depth=2, task=\"linear\"))"]),
    Operation(name: "refine", cells: [
        "refine(table(t=range(1e4), gnorm2=range(1e4) + 1), smooth=101)",
        "refine(table(t=range(1e5), gnorm2=range(1e5) + 1), smooth=101)",
        "refine(table(t=range(1e6), gnorm2=range(1e6) + 1), smooth=5)"]),
]
