"""Independent reference values for BgBbReferenceTest: the BG/BB model on the donations data.

1. The fit: the log-likelihood of Fader, Hardie & Shang (2010), equation 5, with
   scipy.special.betaln over the 22 patterns, maximised by scipy.optimize.minimize on
   log-parameters (Nelder-Mead, then BFGS); standard errors from a central-difference Hessian.
2. Predictions at the published estimates (alpha = 1.204, beta = 0.750, gamma = 0.657,
   delta = 2.783) from the paper's closed forms with gamma functions (equations 8, 11, 13) and,
   for DERT, scipy.special.hyp2f1 (equation 14).
3. P(X(n) = x) by numerical integration over (p, theta) of a dynamic programme over the
   opportunities (alive or dead, transactions so far), without the closed form of equation 7.

    python3 bg_bb.py ../../../../../shared/data/donations/donations.csv
"""
import math
import sys

import numpy as np
from scipy import integrate, optimize
from scipy.special import betaln, gammaln, hyp2f1
from scipy.stats import beta as beta_dist

rows = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
X, TX, N, W = rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3]


def log_l(a, b, g, d, x, tx, n):
    terms = [betaln(a + x, b + n - x) - betaln(a, b) + betaln(g, d + n) - betaln(g, d)]
    for i in range(int(n - tx)):
        terms.append(betaln(a + x, b + tx - x + i) - betaln(a, b) + betaln(g + 1, d + tx + i)
                     - betaln(g, d))
    return np.logaddexp.reduce(terms)


def ll(params):
    a, b, g, d = params
    return sum(w * log_l(a, b, g, d, x, tx, n) for x, tx, n, w in zip(X, TX, N, W))


neg = lambda lp: -ll(np.exp(lp))
res = optimize.minimize(neg, np.zeros(4), method="Nelder-Mead",
                        options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 20000, "maxfev": 40000})
res = optimize.minimize(neg, res.x, method="BFGS", options={"gtol": 1e-9})
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

a, b, g, d = 1.204, 0.750, 0.657, 2.783
print("LL at the published estimates %.6f" % ll((a, b, g, d)))
for n in (1, 6, 11):  # equation 8
    e = a / (a + b) * d / (g - 1) * (1 - math.exp(gammaln(g + d) - gammaln(g + d + n)
                                                  + gammaln(1 + d + n) - gammaln(1 + d)))
    print("E[X(%d)] = %.15g" % (n, e))
for (x, tx, n, ns) in [(0, 0, 6, 5), (3, 6, 6, 5), (6, 6, 6, 5), (1, 2, 6, 5), (4, 5, 6, 10)]:
    L = math.exp(log_l(a, b, g, d, x, tx, n))
    alive = math.exp(betaln(a + x, b + n - x) - betaln(a, b) + betaln(g, d + n + 1) - betaln(g, d)) / L
    cond = (1 / L) * math.exp(betaln(a + x + 1, b + n - x) - betaln(a, b)) * d / (g - 1) * math.exp(
        gammaln(g + d) - gammaln(1 + d)) * (math.exp(gammaln(1 + d + n) - gammaln(g + d + n))
                                            - math.exp(gammaln(1 + d + n + ns) - gammaln(g + d + n + ns)))
    rate = 0.1
    dert = math.exp(betaln(a + x + 1, b + n - x) - betaln(a, b) + betaln(g, d + n + 1) - betaln(g, d)) \
        / (1 + rate) * hyp2f1(1, d + n + 1, g + d + n + 1, 1 / (1 + rate)) / L
    print("x=%d tx=%d n=%d: P(alive) = %.15g, E[X(n, n+%d)] = %.15g, DERT(0.1) = %.15g"
          % (x, tx, n, alive, ns, cond, dert))


def pmf_given(p, theta, n):
    alive = np.zeros(n + 1)  # alive[k]: alive after the opportunities so far with k transactions
    alive[0] = 1.0
    done = np.zeros(n + 1)
    for _ in range(n):
        done += theta * alive
        stay = (1 - theta) * alive
        alive = stay * (1 - p)
        alive[1:] += stay[:-1] * p
    return alive + done


for (x, n) in [(0, 6), (1, 6), (3, 6), (6, 6), (2, 11)]:
    val = integrate.dblquad(lambda th, p: pmf_given(p, th, n)[x] * beta_dist.pdf(p, a, b)
                            * beta_dist.pdf(th, g, d), 0, 1, 0, 1, epsabs=1e-13, epsrel=1e-11)[0]
    print("P(X(%d) = %d) = %.12g" % (n, x, val))
