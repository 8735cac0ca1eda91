"""Independent reference values for DriverImportanceTest: correlations, standardized
coefficients, R^2 and the LMG importances of a small survey, with numpy.

The survey: 40 responses, an outcome 0..10 and three drivers rated 1..5, drawn once from this
script's seeded generator and printed as Java arrays (the test holds them).

1. Correlations with numpy.corrcoef; the standardized coefficients and R^2 from numpy.linalg.lstsq
   on the z-scored variables.
2. LMG by its definition, not the subset formula: for each of the 3! orders of entry, the increase
   of R^2 (each from its own least-squares fit on the raw ratings, with an intercept) when a driver
   joins, averaged over the orders.

    python3 drivers_lmg.py
"""
import itertools

import numpy as np

rng = np.random.default_rng(20261201)
n = 40
ease = rng.integers(1, 6, n)
support = np.clip(ease + rng.integers(-1, 2, n), 1, 5)
price = rng.integers(1, 6, n)
noise = rng.normal(0, 1.5, n)
outcome = np.clip(np.round(1.2 * ease + 0.6 * support + 0.2 * price - 1 + noise), 0, 10).astype(int)
X = np.column_stack([ease, support, price])
print("outcome", ", ".join(map(str, outcome)))
for name, col in zip(["ease", "support", "price"], X.T):
    print(name, ", ".join(map(str, col)))


def r2(cols):
    if not cols:
        return 0.0
    A = np.column_stack([np.ones(n)] + [X[:, c] for c in cols])
    coef, *_ = np.linalg.lstsq(A, outcome, rcond=None)
    resid = outcome - A @ coef
    return 1 - resid @ resid / ((outcome - outcome.mean()) @ (outcome - outcome.mean()))


corr = np.corrcoef(np.column_stack([outcome, X]).T)
print("correlations", repr(corr[0, 1:].tolist()))
z = (X - X.mean(0)) / X.std(0)
zy = (outcome - outcome.mean()) / outcome.std()
beta, *_ = np.linalg.lstsq(z, zy, rcond=None)
print("beta", repr(beta.tolist()))
print("r2", repr(r2([0, 1, 2])))
lmg = np.zeros(3)
orders = list(itertools.permutations(range(3)))
for order in orders:
    before = []
    for c in order:
        lmg[c] += r2(before + [c]) - r2(before)
        before.append(c)
lmg /= len(orders)
print("lmg", repr(lmg.tolist()), "sum", repr(lmg.sum()))

# 3. Johnson's (2000) relative weights with numpy.linalg.eigh: L = V diag(sqrt(l)) V', b = L^-1 r,
#    weight_j = sum_m L_jm^2 b_m^2.
Rxx = corr[1:, 1:]
rxy = corr[0, 1:]
l, V = np.linalg.eigh(Rxx)
L = V @ np.diag(np.sqrt(l)) @ V.T
b = np.linalg.solve(L, rxy)
weights = (L ** 2) @ (b ** 2)
print("relative weights", repr(weights.tolist()), "sum", repr(weights.sum()))
