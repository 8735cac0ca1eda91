"""Independent reference values for DriverImportanceTest on R's swiss data (Fertility on the
other five columns), with numpy, from ../resources/swiss/swiss.csv as published (decimals, not the
test's whole-number scaling).

1. The least-squares coefficients with an intercept (numpy.linalg.lstsq), to check against the
   coefficients R's lm() prints for this model, and R^2.
2. LMG by its definition: for each of the 5! = 120 orders of entry, the increase of R^2 (each from
   its own least-squares fit) when a regressor joins, averaged over the orders.
3. Johnson's (2000) relative weights with numpy.linalg.eigh: L = V diag(sqrt(l)) V', b = L^-1 r,
   weight_j = sum_m L_jm^2 b_m^2.

    python3 drivers_swiss.py
"""
import csv
import itertools
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "resources", "swiss", "swiss.csv")) as f:
    rows = list(csv.reader(f))
names = rows[0][2:]
data = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
y = data[:, 0]
X = data[:, 1:]
n, k = X.shape


def fit(cols):
    A = np.column_stack([np.ones(n)] + [X[:, c] for c in cols])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    resid = y - A @ coef
    return coef, 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


coef, r2_full = fit(list(range(k)))
print("coefficients", dict(zip(["(Intercept)"] + names, coef.tolist())))
print("r2", repr(r2_full))
cache = {}


def r2(cols):
    key = tuple(sorted(cols))
    if not key:
        return 0.0
    if key not in cache:
        cache[key] = fit(list(key))[1]
    return cache[key]


lmg = np.zeros(k)
orders = list(itertools.permutations(range(k)))
for order in orders:
    before = []
    for c in order:
        lmg[c] += r2(before + [c]) - r2(before)
        before.append(c)
lmg /= len(orders)
print("lmg", repr(lmg.tolist()), "sum", repr(lmg.sum()))
corr = np.corrcoef(data.T)
Rxx = corr[1:, 1:]
rxy = corr[0, 1:]
l, V = np.linalg.eigh(Rxx)
L = V @ np.diag(np.sqrt(l)) @ V.T
b = np.linalg.solve(L, rxy)
weights = (L ** 2) @ (b ** 2)
print("relative weights", repr(weights.tolist()), "sum", repr(weights.sum()))
print("correlations", repr(rxy.tolist()))
