"""Independent reference values for ParetoNbdReferenceTest at customers where the death-time
integral is hard: many purchases with the last one early in a long observation, so that the
integrand of I = integral_t^T (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) d tau falls by many
orders of magnitude across the interval, and parameters with alpha far from beta (the
hypergeometric argument of Fader, Hardie & Lee's 2005 MATLAB note near 1).

I is evaluated in the note's hypergeometric form (equations 2 to 4) by mpmath.hyp2f1 at 60
significant digits, where neither the slow series nor the cancelling difference costs accuracy,
and checked to 1e-15 against mpmath.quad (Gauss-Legendre) over 256 pieces of the interval in
ln(min(alpha, beta) + tau); then, per customer (Schmittlein, Morrison & Colombo 1987; Fader &
Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions"):

    ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha + s ln beta + ln(F1 + s I),
    F1 = (alpha + T)^-(r + x) (beta + T)^-s,
    P(alive) = F1 / (F1 + s I).

    python3 pareto_nbd_extremes.py
"""
import mpmath as mp

mp.mp.dps = 60

CASES = [
    # r, alpha, s, beta, x, t_x, T
    (0.5534, 10.5802, 0.6061, 11.6562, 30, 1.0, 39.0),
    (0.5534, 10.5802, 0.6061, 11.6562, 60, 2.0, 78.0),
    (0.5534, 10.5802, 0.6061, 11.6562, 100, 0.5, 52.0),
    (0.5534, 10.5802, 0.6061, 11.6562, 15, 0.1, 100.0),
    (0.5534, 10.5802, 0.6061, 11.6562, 0, 0.0, 39.0),
    (2.0, 0.05, 0.5, 50.0, 3, 0.2, 39.0),
    (0.3, 80.0, 1.5, 0.02, 5, 1.0, 39.0),
    (1.2, 1e-3, 0.8, 1e3, 12, 4.0, 40.0),
]


def integral(r, alpha, s, beta, x, t, T):
    rsx = r + s + x
    if alpha >= beta:
        z = lambda u: (alpha - beta) / (alpha + u)
        term = lambda u: mp.hyp2f1(rsx, s + 1, rsx + 1, z(u)) / (alpha + u) ** rsx
    else:
        z = lambda u: (beta - alpha) / (beta + u)
        term = lambda u: mp.hyp2f1(rsx, r + x, rsx + 1, z(u)) / (beta + u) ** rsx
    return (term(t) - term(T)) / rsx


def integral_by_quadrature(r, alpha, s, beta, x, t, T):
    m = min(alpha, beta)
    g = lambda u: (alpha + mp.exp(u) - m) ** (-(r + x)) * (beta + mp.exp(u) - m) ** (-(s + 1)) * mp.exp(u)
    u0, u1 = mp.log(m + t), mp.log(m + T)
    return mp.quad(g, [u0 + (u1 - u0) * k / 256 for k in range(257)], method="gauss-legendre")


for case in CASES:
    r, alpha, s, beta, x, t, T = [mp.mpf(v) for v in case]
    f1 = (alpha + T) ** (-(r + x)) * (beta + T) ** (-s)
    i = integral(r, alpha, s, beta, x, t, T)
    check = integral_by_quadrature(r, alpha, s, beta, x, t, T)
    assert abs(check / i - 1) < 1e-15, (case, i, check)
    ll = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta) + mp.log(f1 + s * i)
    p_alive = f1 / (f1 + s * i)
    print("%s: ln L = %s, P(alive) = %s" % (case, mp.nstr(ll, 17), mp.nstr(p_alive, 17)))
