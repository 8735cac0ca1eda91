"""Independent reference values for MbgNbdReferenceTest: the MBG/NBD model on the CDNOW sample.

1. The fit: the log-likelihood of Batislam, Denizel & Filiztekin (2007), equation 3, written with
   scipy.special.gammaln, betaln and logaddexp over the published summary file, maximised by
   scipy.optimize.minimize on log-parameters (Nelder-Mead, then BFGS); standard errors from a
   central-difference Hessian of the log-likelihood in the natural parameters.
2. Predictions at the published estimates (r = 0.525, alpha = 6.183, a = 0.891, b = 1.614) from
   the closed forms with the Gauss hypergeometric function (scipy.special.hyp2f1):
   E[X(t)] = b / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b + 1; a + b; t / (alpha + t))],
   E[Y(t) | x, t_x, T] = (a + b + x) / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x)
       2F1(r + x, b + x + 1; a + b + x; t / (alpha + T + t))] / (1 + a / (b + x) ((alpha + T) /
       (alpha + t_x))^(r + x)),
   P(alive) = 1 / (1 + a / (b + x) ((alpha + T) / (alpha + t_x))^(r + x)).
3. P(X(t) = n) by numerical integration over (lambda, p) of the conditional probability
   (1 - p)^(n + 1) Poisson(n; lambda t) + p (1 - p)^n P(N(t) >= n), without the closed form.

    python3 mbg_nbd.py ../resources/cdnow/cdnow_customers_summary_with_transactions.csv
"""
import math
import sys

import numpy as np
from scipy import integrate, optimize
from numpy import logaddexp
from scipy.special import betaln, gammaln, hyp2f1
from scipy.stats import beta as beta_dist
from scipy.stats import gamma as gamma_dist
from scipy.stats import poisson

rows = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=(1, 2, 3))
x, tx, T = rows[:, 0], rows[:, 1], rows[:, 2]


def ll(params):
    r, alpha, a, b = params
    base = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x + 1) - betaln(a, b)
    u = -(r + x) * np.log(alpha + T)
    v = np.log(a) - np.log(b + x) - (r + x) * np.log(alpha + tx)
    return np.sum(base + logaddexp(u, v))


neg = lambda lp: -ll(np.exp(lp))
res = optimize.minimize(neg, np.log([1, 10, 1, 1]), method="Nelder-Mead",
                        options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 20000, "maxfev": 40000})
res = optimize.minimize(neg, res.x, method="BFGS", options={"gtol": 1e-10})
est = np.exp(res.x)
print("estimates", ["%.10f" % v for v in est], "LL %.8f" % ll(est))
h = np.zeros((4, 4))
steps = 1e-4 * est
for i in range(4):
    for j in range(4):
        def f(di, dj):
            p = est.copy()
            p[i] += di
            p[j] += dj
            return ll(p)
        hi, hj = steps[i], steps[j]
        h[i, j] = (f(hi, hj) - f(hi, -hj) - f(-hi, hj) + f(-hi, -hj)) / (4 * hi * hj)
print("standard errors", ["%.6f" % v for v in np.sqrt(np.diag(np.linalg.inv(-h)))])

r, alpha, a, b = 0.525, 6.183, 0.891, 1.614
for t in (1.0, 39.0, 78.0):
    z = t / (alpha + t)
    print("E[X(%g)] = %.15g" % (t, b / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, z))))
for (xx, txx, TT, t) in [(0, 0.0, 38.86, 39.0), (2, 30.43, 38.86, 39.0), (5, 20.0, 38.0, 10.0),
                         (0, 0.0, 10.0, 52.0)]:
    odds = a / (b + xx) * ((alpha + TT) / (alpha + txx)) ** (r + xx)
    z = t / (alpha + TT + t)
    cond = (a + b + xx) / (a - 1) * (1 - ((alpha + TT) / (alpha + TT + t)) ** (r + xx)
                                     * hyp2f1(r + xx, b + xx + 1, a + b + xx, z)) / (1 + odds)
    print("x=%d tx=%g T=%g: P(alive) = %.15g, E[Y(%g)] = %.15g" % (xx, txx, TT, 1 / (1 + odds), t, cond))


def prior(lam, p):
    return gamma_dist.pdf(lam, r, scale=1 / alpha) * beta_dist.pdf(p, a, b)


def n_given(n, lam, p, t):
    mu = lam * t
    at_least = 1.0 if n == 0 else poisson.sf(n - 1, mu)
    return (1 - p) ** (n + 1) * poisson.pmf(n, mu) + p * (1 - p) ** n * at_least


for (n, t) in [(0, 39.0), (1, 39.0), (3, 39.0), (0, 5.0), (2, 5.0)]:
    val = integrate.dblquad(lambda p, lam: n_given(n, lam, p, t) * prior(lam, p), 0, math.inf, 0, 1,
                            epsabs=1e-13, epsrel=1e-11)[0]
    print("P(X(%g) = %d) = %.12g" % (t, n, val))
