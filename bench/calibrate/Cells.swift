// The operations checked by bench/calibrate.sh, each at several sizes: a small one, a
// medium one, and the largest a shipped notebook or the README uses (or larger). Operations
// without an estimate (cheap everywhere) have cells too, so the table shows they stay cheap.
import Foundation

/// A 10⁶-row CSV (columns N, D, loss) that main.swift writes before the cells run, for `load`.
let bigCSVPath = FileManager.default.temporaryDirectory.appendingPathComponent("solvable-calibrate-1e6.csv").path
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
        "capacity(hopfield(N=200), trials=3)",
        "capacity(hopfield(N=100, degree=2), N=[50, 100, 200], trials=8, seed=7)"]),
    Operation(name: "train/final mlp", cells: [
        "train(mlp(width=32))", "train(mlp())", "final(mlp())",
        "final(mlp(width=256, depth=2, task=\"linear\"))"]),
    Operation(name: "refine", cells: [
        "refine(table(t=range(1e4), gnorm2=range(1e4) + 1), smooth=101)",
        "refine(table(t=range(1e5), gnorm2=range(1e5) + 1), smooth=101)",
        "refine(table(t=range(1e6), gnorm2=range(1e6) + 1), smooth=5)"]),
    Operation(name: "theory corridge", cells: [
        "theory(corridge(correlation=\"ar1\", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=round(geomspace(20, 400, 12)))",
        "theory(corridge(correlation=\"ar1\", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=200, lag=[1, 2, 3, 4, 6, 8, 12, 16, 24, 32])",
        "theory(corridge(correlation=\"ar1\", rho=0.8, dim=1000), P=round(geomspace(20, 2000, 20)))"]),
    Operation(name: "simulate corridge", cells: [
        "simulate(corridge(correlation=\"ar1\", rho=0.8, dim=100), P=[50, 100], trials=4)",
        "simulate(corridge(correlation=\"ar1\", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=[50, 100, 200, 400], trials=24, seed=1)",
        "simulate(corridge(correlation=\"ar1\", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=[200], lag=[1, 4, 16], trials=24, seed=4)",
        "simulate(corridge(correlation=\"ar1\", rho=0.8, dim=1000), P=[500, 1000], trials=4)"]),
    Operation(name: "theory subsample", cells: [
        "theory(subsample(nu=[0.5, 0.5], dim=200, lambda=1e-3, noise=0.2), P=linspace(10, 400, 391))",
        "theory(subsample(nu=[0.25, 0.25, 0.25, 0.25], dim=200, noise=0.2, readout=1), P=400, lambda=geomspace(1e-4, 10, 21))",
        "theory(subsample(nu=[0.5, 0.5], dim=2000, lambda=1e-3, noise=0.2), P=geomspace(10, 1e4, 40))"]),
    Operation(name: "simulate subsample", cells: [
        "simulate(subsample(nu=[0.5, 0.5], dim=100, lambda=1e-3, noise=0.2), P=[40, 100], trials=4)",
        "simulate(subsample(nu=[0.3, 0.7], dim=200, lambda=1e-3, noise=0.2), P=[40, 100, 250, 400], trials=24, seed=2)",
        "simulate(subsample(nu=[0.5, 0.5], dim=1000, lambda=1e-3, noise=0.2), P=[500, 1000], trials=4)"]),
    Operation(name: "theory/simulate deepfeat", cells: [
        "theory(deepfeat(widths=[300, 200], alpha=1.5, beta=1, noise=0.1, dim=400, lambda=0), P=geomspace(10, 1000, 60))",
        "theory(deepfeat(widths=[3000, 2000], alpha=1.5, beta=1, noise=0.1, dim=1e4, lambda=1e-3), P=geomspace(10, 1e4, 40))",
        "simulate(deepfeat(widths=[100, 50], dim=100), P=[25, 50], trials=4)",
        "simulate(deepfeat(widths=[300, 200], alpha=1.5, beta=1, noise=0.1, dim=400, lambda=0), P=[25, 50, 100, 150, 300, 600], trials=16, seed=1)",
        "simulate(deepfeat(widths=[1000, 500], dim=1000), P=[250, 1000], trials=2)"]),
    Operation(name: "theory/pstar onset", cells: [
        "theory(onset(alpha=1.5, beta=1.2, noise=0.2, dim=200, lambda=1e-2, N=80), P=geomspace(5, 2000, 60))",
        "theory(onset(alpha=1.5, beta=1.2, noise=0.2, dim=1e5, lambda=1e-2, N=1000), P=geomspace(5, 2000, 60))",
        "pstar(onset(alpha=1.5, beta=1.2, noise=0.2, dim=200, lambda=1e-2, N=80), N=[80])",
        "pstar(onset(alpha=2, beta=1.5, dim=20000, E=4), N=[1e3, 1e4, 1e5, 1e6])"]),
    Operation(name: "theory flow (SGD)", cells: [
        "theory(flow(alpha=1.5, beta=0.8, noise=0.3, dim=500, N=200, eta=0.3, batch=4), t=[100, 1000])",
        "theory(flow(alpha=1.5, beta=0.8, noise=0.3, dim=500, N=200, P=100, eta=0.3, batch=4), t=round(geomspace(1, 2000, 40)))",
        "theory(flow(alpha=1.5, beta=0.8, noise=0.3, dim=500, N=200, P=100, eta=0.3, batch=4), t=round(geomspace(1, 2000, 40)), batch=[1, 4, 16, 100])",
        "theory(flow(alpha=1.2, beta=0.8, noise=0.3, dim=200, P=40, eta=0.5, batch=8), t=[20000])",
        "theory(flow(alpha=1.5, beta=0.8, noise=0.3, dim=2000, N=500, P=400, eta=0.3, batch=4), t=round(geomspace(1, 1e4, 20)))"]),
    Operation(name: "simulate flow (SGD)", cells: [
        "simulate(flow(alpha=1.5, beta=0.8, noise=0.3, dim=100, N=50, P=50, eta=0.3, batch=4), t=[10, 100], trials=4)",
        "simulate(flow(alpha=1.5, beta=0.8, noise=0.3, dim=500, N=200, eta=0.3, batch=4), t=[100, 1000], trials=8)",
        "simulate(flow(alpha=1.5, beta=0.8, noise=0.3, dim=500, N=200, P=100, eta=0.3, batch=4), t=[1, 3, 6, 12, 25, 50, 100, 250, 500, 1000, 2000], trials=24, seed=1)",
        "simulate(flow(alpha=1.5, beta=0.8, noise=0.3, dim=1000, N=400, P=200, eta=0.3, batch=4), t=[10, 100, 1000, 5000], trials=16)"]),
    Operation(name: "feature-learning flow", cells: [
        "theory(flow(alpha=2, beta=1.5, dim=5000, gamma=1), t=geomspace(10, 10^3.5, 6))",
        "theory(flow(alpha=2, beta=0.5, dim=5000), t=geomspace(1, 1e5, 40), gamma=[0, 0.5, 1, 4])",
        "simulate(flow(alpha=2, beta=0.5, dim=100, gamma=2), t=[1, 3, 10, 30, 100], N=6000, trials=8, seed=1)",
        "simulate(flow(alpha=2, beta=0.5, dim=1000, N=2000), t=geomspace(10, 10^2.5, 5), gamma=1, trials=2, seed=2)",
        "simulate(flow(alpha=2, beta=0.5, dim=2000), t=[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536], N=[8, 16, 32, 64, 128, 256, 512], gamma=1, trials=3, seed=1)"]),
    Operation(name: "theory icl", cells: [
        "theory(icl(alpha=2, kappa=2, rho=0.1, d=32), tau=geomspace(0.1, 10, 60))",
        "theory(icl(alpha=2, kappa=2, rho=0.1, d=32), tau=geomspace(0.1, 10, 60), lambda=[0, 0.01, 0.1, 1])",
        "theory(icl(alpha=2, kappa=inf, tau=4, rho=0.1, task_power=1.5), test_power=[1.5, 0], d=[24, 96, 384])"]),
    Operation(name: "iclscale", cells: [
        "theory(iclscale(alpha=1, depth=1, rho=0.1, d=64), depth=[1, 2, 4, 8], t=geomspace(0.01, 100, 41))",
        "theory(iclscale(alpha=1, depth=1, rho=0.1, d=64), alpha=geomspace(0.25, 32, 29), depth=[1, 2, 4, 8], t=inf)",
        "simulate(iclscale(alpha=1, depth=1, rho=0.1, d=16), depth=2, t=[0.1, 1, 10], trials=2)",
        "simulate(iclscale(alpha=1, depth=1, rho=0.1, d=32), depth=4, t=[0.03, 0.1, 0.3, 1, 3, 10, 30], trials=4, seed=2)",
        "simulate(iclscale(alpha=1, depth=1, rho=0.1, d=64), depth=4, t=[0.03, 0.1, 0.3, 1, 3, 10, 30], trials=4, seed=1)"]),
    Operation(name: "widetheory/widetrain deeplinear", cells: [
        "widetheory(deeplinear(depth=2, dim=8, width=128, singular=[3, 2, 1, 0.5]), eta=[0.05], steps=[0, 5, 10, 15, 20, 30, 40, 60])",
        "widetheory(deeplinear(depth=2, dim=8, width=128, singular=[3, 2, 1, 0.5]), eta=geomspace(0.04, 0.6, 12), steps=[20])",
        "widetheory(deeplinear(depth=3, dim=4, width=128, singular=[2, 1]), eta=[0.04], steps=[0, 100, 200, 300, 400])",
        "widetheory(deeplinear(depth=3, dim=4, width=128, singular=[2, 1]), eta=geomspace(0.02, 0.3, 4), steps=[600])",
        "widetrain(deeplinear(depth=2, dim=8, width=32, singular=[3, 2, 1, 0.5]), eta=[0.05], steps=[20], trials=2)",
        "widetrain(deeplinear(depth=2, dim=8, width=128, singular=[3, 2, 1, 0.5]), eta=geomspace(0.04, 0.6, 12), steps=[20], widths=[32, 128, 512], trials=3, seed=2)",
        "widetrain(deeplinear(depth=2, dim=8, width=128, singular=[3, 2, 1, 0.5]), eta=[0.1], steps=[200], samples=64, trials=4, seed=4)",
        "widetrain(deeplinear(depth=2, dim=8, width=128, singular=[3, 2, 1, 0.5]), eta=[0.05], steps=[0, 5, 10, 15, 20, 30, 40, 60], widths=[32, 128, 512, 2048], trials=6, seed=1)"]),
    Operation(name: "theory hopfield", cells: [
        "theory(hopfield(N=100, degree=2), P=linspace(50, 800, 76))",
        "capacity(hopfield(N=100, degree=2), N=[1024, 2048, 4096], simulate=0)"]),
    Operation(name: "diffusion", cells: [
        "theory(diffusion(dim=8, alpha=2, samples=20000, lr=0.1), t=[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024])",
        "theory(diffusion(dim=256, alpha=2, levels=4096, lr=0.1), t=round(geomspace(1, 1e4, 26)))",
        "simulate(diffusion(dim=8, alpha=2, samples=2000, lr=0.1), t=[1, 16, 256], trials=2)",
        "simulate(diffusion(dim=8, alpha=2, samples=20000, lr=0.1), t=[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], trials=16, seed=1)",
        "simulate(diffusion(dim=32, alpha=2, samples=20000, lr=0.1), t=[1, 16, 256, 4096], trials=4)",
        "learningtime(diffusion(dim=64, alpha=2, lr=0.1), tolerance=0.1)",
        "learningtime(diffusion(dim=256, alpha=2, lr=0.1), tolerance=0.1)"]),
    Operation(name: "td", cells: [
        "theory(td(states=16, features=4, width=1.5, lr=0.1), t=[1, 16, 256])",
        "theory(td(states=16, features=4, width=1.5, lr=0.1), t=[16, 64, 256, 1024, 4096, 16384, 32768])",
        "theory(td(states=64, features=16, width=1.5, lr=0.1), t=[16, 256, 4096])",
        "simulate(td(states=16, features=4, width=1.5, lr=0.1), t=[1, 16, 256], trials=100)",
        "simulate(td(states=16, features=4, width=1.5, lr=0.1), t=[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192], trials=1000, seed=1)",
        "simulate(td(states=16, features=4, width=1.5, lr=0.1, lambda=0.9), t=[16, 64, 256, 1024, 4096, 8192], trials=1000, seed=2)",
        "simulate(td(states=256, features=64, width=4, lr=0.05), t=[100, 1000, 10000], trials=100)",
        "fixedpoint(td(states=16, features=16, width=0.05))",
        "fixedpoint(td(states=512, features=64, width=4))"]),
    Operation(name: "fit and load", cells: [
        "fit(load(\"notebooks/fit-your-runs.csv\"), law=\"chinchilla\", x=[\"N\", \"D\"], y=\"loss\")",
        "fit(load(\"notebooks/fit-your-runs.csv\"), law=\"chinchilla\", x=[\"N\", \"D\"], y=\"loss\", bootstrap=1000, seed=0)",
        "load(\"\(bigCSVPath)\")",
        "fit(load(\"\(bigCSVPath)\"), x=\"N\", y=\"loss\")"]),
]
