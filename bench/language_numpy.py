"""The numpy peer of bench/language.sh: the same grid, arithmetic and power-law fit
(ordinary least squares in log-log coordinates with standard errors), whole process."""
import sys

import numpy as np

n = int(sys.argv[1])
P = np.geomspace(1, 1e6, n)
y = 3 * P**-1.5 * (1 + 0.1 * P**-0.25)
keep = P >= 10
u, v = np.log(P[keep]), np.log(y[keep])
um, vm = u.mean(), v.mean()
sxx = ((u - um) ** 2).sum()
slope = ((u - um) * (v - vm)).sum() / sxx
intercept = vm - slope * um
resid = v - (intercept + slope * u)
s2 = (resid**2).sum() / (len(u) - 2)
se_slope = np.sqrt(s2 / sxx)
print(f"{slope:.6g}")
