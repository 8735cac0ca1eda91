"""Independent reference values for ParetoNbdReferenceTest: the Pareto/NBD model on the CDNOW
sample, from the Gauss hypergeometric form of the likelihood (Fader, Hardie & Lee 2005, "A Note on
Implementing the Pareto/NBD Model in MATLAB", equations 2 to 4, with scipy.special.hyp2f1), not
the quadrature the library uses.

1. The log-likelihood at the published estimates (r = 0.5534, alpha = 10.5802, s = 0.6061,
   beta = 11.6562) and its maximum by scipy.optimize.minimize on log-parameters (Nelder-Mead, then
   BFGS); standard errors from a central-difference Hessian.
2. P(alive) (equation 11), E[X(t)] (equation 12) and E[Y(t) | x, t_x, T] (equation 13) at the
   published estimates.
3. P(X(t) = n) by scipy.integrate.dblquad over (lambda, mu) of the conditional probability
   e^(-mu t) Poisson(n; lambda t) + integral_0^t mu e^(-mu tau) Poisson(n; lambda tau) d tau, the
   inner integral written with the regularised gamma function.

    python3 pareto_nbd.py ../resources/cdnow/cdnow_customers_summary_with_transactions.csv
"""
import math
import sys

import numpy as np
from scipy import integrate, optimize
from scipy.special import gammainc, gammaln, hyp2f1
from scipy.stats import gamma as gamma_dist
from scipy.stats import poisson

rows = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=(1, 2, 3))
X, TX, T = rows[:, 0], rows[:, 1], rows[:, 2]


def log_a0_terms(r, alpha, s, beta, x, tx, t):
    """ln L pieces: returns (ln of the alive term, ln of s/(r+s+x) A0), per customer."""
    rsx = r + s + x
    if alpha >= beta:
        z1 = (alpha - beta) / (alpha + tx)
        z2 = (alpha - beta) / (alpha + t)
        a1 = hyp2f1(rsx, s + 1, rsx + 1, z1) / (alpha + tx) ** rsx
        a2 = hyp2f1(rsx, s + 1, rsx + 1, z2) / (alpha + t) ** rsx
    else:
        z1 = (beta - alpha) / (beta + tx)
        z2 = (beta - alpha) / (beta + t)
        a1 = hyp2f1(rsx, r + x, rsx + 1, z1) / (beta + tx) ** rsx
        a2 = hyp2f1(rsx, r + x, rsx + 1, z2) / (beta + t) ** rsx
    alive = -(r + x) * np.log(alpha + t) - s * np.log(beta + t)
    return alive, np.log(s / rsx) + np.log(a1 - a2)


def ll(params):
    r, alpha, s, beta = params
    alive, dead = log_a0_terms(r, alpha, s, beta, X, TX, T)
    dead = np.where(TX == T, -np.inf, dead)
    base = gammaln(r + X) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    return np.sum(base + np.logaddexp(alive, dead))


pub = (0.5534, 10.5802, 0.6061, 11.6562)
print("LL at the published estimates %.8f" % ll(pub))
neg = lambda lp: -ll(np.exp(lp))
res = optimize.minimize(neg, np.log(pub), method="Nelder-Mead",
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

r, alpha, s, beta = pub
for t in (1.0, 39.0, 78.0):
    print("E[X(%g)] = %.15g" % (t, r * beta / (alpha * (s - 1)) * (1 - (beta / (beta + t)) ** (s - 1))))
for (x, tx, t, fut) in [(2, 30.43, 38.86, 39.0), (0, 0.0, 38.86, 39.0), (26, 30.86, 31.0, 39.0),
                        (7, 35.0, 38.0, 78.0), (1, 1.0, 38.0, 4.0)]:
    alive, dead = log_a0_terms(r, alpha, s, beta, x, tx, t)
    p_alive = 1 / (1 + math.exp(dead - alive))
    cond = p_alive * (r + x) * (beta + t) / ((alpha + t) * (s - 1)) * (1 - ((beta + t) / (beta + t + fut)) ** (s - 1))
    print("x=%d tx=%g T=%g: P(alive) = %.15g, E[Y(%g)] = %.15g" % (x, tx, t, p_alive, fut, cond))


def n_given(n, lam, mu, t):
    alive = math.exp(-mu * t) * poisson.pmf(n, lam * t)
    # integral_0^t mu e^(-mu tau) (lam tau)^n e^(-lam tau) / n! d tau
    k = lam + mu
    dead = mu * lam ** n / k ** (n + 1) * gammainc(n + 1, k * t)
    return alive + dead


for (n, t) in [(0, 39.0), (1, 39.0), (3, 39.0), (2, 5.0)]:
    val = integrate.dblquad(lambda mu, lam: n_given(n, lam, mu, t) * gamma_dist.pdf(lam, r, scale=1 / alpha)
                            * gamma_dist.pdf(mu, s, scale=1 / beta), 0, math.inf, 0, math.inf,
                            epsabs=1e-13, epsrel=1e-11)[0]
    print("P(X(%g) = %d) = %.12g" % (t, n, val))
