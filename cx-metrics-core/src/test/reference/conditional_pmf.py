"""Independent reference values for BgNbdConditionalTest: P(Y(t) = y | x, t_x, T) of the BG/NBD
model by numerical integration over the customer's (lambda, p), without the closed form.

Given lambda and p, a customer still active at T buys Y = min(N, D) times in (T, T + t], N ~
Poisson(lambda t) the purchase opportunities and D ~ Geometric(p) on 1, 2, ... the purchase after
which the customer drops out. The joint posterior of (lambda, p, active) is proportional to the
prior Gamma(r, alpha) x Beta(a, b) density times the likelihood of the history (Fader, Hardie &
Lee 2005, equation 3): (1 - p)^x lambda^x e^(-lambda T) if active, and, when x > 0,
p (1 - p)^(x - 1) lambda^x e^(-lambda t_x) if not (then Y = 0).

    python3 conditional_pmf.py
"""
import math

from scipy import integrate
from scipy.stats import beta as beta_dist
from scipy.stats import gamma as gamma_dist
from scipy.stats import poisson

r, alpha, a, b = 0.243, 4.414, 0.793, 2.426


def prior(lam, p):
    return gamma_dist.pdf(lam, r, scale=1 / alpha) * beta_dist.pdf(p, a, b)


def y_given(y, lam, p, t):  # P(min(N, D) = y | lambda, p)
    mu = lam * t
    if y == 0:
        return math.exp(-mu)
    return (1 - p) ** (y - 1) * (poisson.pmf(y, mu) + p * poisson.sf(y, mu))


def integral(f):
    return integrate.dblquad(lambda p, lam: f(lam, p) * prior(lam, p), 0, math.inf, 0, 1,
                             epsabs=1e-13, epsrel=1e-11)[0]


for (x, tx, T, t) in [(0, 0.0, 38.86, 39.0), (2, 30.43, 38.86, 39.0), (5, 20.0, 38.0, 10.0)]:
    alive = lambda lam, p: (1 - p) ** x * lam ** x * math.exp(-lam * T)
    dead = (lambda lam, p: p * (1 - p) ** (x - 1) * lam ** x * math.exp(-lam * tx)) if x else None
    a_mass = integral(alive)
    d_mass = integral(dead) if x else 0.0
    total = a_mass + d_mass
    values = []
    for y in range(4):
        v = integral(lambda lam, p: alive(lam, p) * y_given(y, lam, p, t)) / total
        if y == 0:
            v += d_mass / total
        values.append(v)
    print(f"x={x} t_x={tx} T={T} t={t}: P(alive)={a_mass / total!r} P(Y=0..3)={values!r}")
