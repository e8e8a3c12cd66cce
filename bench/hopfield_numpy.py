"""numpy peer of `dynamics-bench hopfield simulate` (bench/hopfield.sh): recall of a stored cyclic
sequence, N = 100 neurons, polynomial separation d = 2, P = 500 patterns, 8 pattern sets (or N P trials
from the command line); for every
start ξ^μ one update S ← sgn(f(Ξ ξ^μ / N) · Ξ₊) and the fraction of exact transitions."""
import sys
import time

import numpy as np

# Usage: hopfield_numpy.py [N P trials]
N, P, TRIALS = (int(a) for a in sys.argv[1:4]) if len(sys.argv) > 3 else (100, 500, 8)
D = 2
rng = np.random.default_rng(1)
start = time.perf_counter()
rates = []
for _ in range(TRIALS):
    xi = rng.choice([-1.0, 1.0], size=(P, N))
    nxt = np.roll(xi, -1, axis=0)
    fields = ((xi @ xi.T / N) ** D) @ nxt
    rates.append(np.mean(np.all(fields * nxt > 0, axis=1)))
print(f"P,transition\n{P},{np.mean(rates)}")
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
