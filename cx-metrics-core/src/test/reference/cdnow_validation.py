"""Independent reference values for the CDNOW validation tests (FitDiagnosticsReferenceTest).

Reads the raw CDNOW sample, builds the 39-week calibration / 39-week holdout split with its own
code, and evaluates the BG/NBD closed forms of Fader, Hardie & Lee (2005) with SciPy at the
parameters given on the command line (the library's estimates, printed at full precision):
equation 8 for P(X(t) = x), equation 9 (hyp2f1) for E[X(t)], equation 10 (hyp2f1) for
E[Y(t) | x, t_x, T].

    python3 cdnow_validation.py r alpha a b
"""
import collections
import datetime as dt
import math
import sys
from pathlib import Path

from scipy.special import betaln, gammaln, hyp2f1
from scipy.stats import chi2

r, alpha, a, b = map(float, sys.argv[1:5])
here = Path(__file__).resolve().parent
rows = [l.split() for l in open(here.parent / "resources/cdnow/CDNOW_sample.txt")]
cal_end, obs_end = dt.date(1997, 9, 30), dt.date(1998, 6, 30)
days = collections.defaultdict(set)
for f in rows:
    days[int(f[1])].add(dt.datetime.strptime(f[2], "%Y%m%d").date())

customers = []  # (x, t_x, T, holdout purchases, first day)
for c, ds in days.items():
    ds = sorted(ds)
    cal = [d for d in ds if d <= cal_end]
    hold = [d for d in ds if cal_end < d <= obs_end]
    customers.append((len(cal) - 1, (cal[-1] - cal[0]).days / 7, (cal_end - cal[0]).days / 7,
                      len(hold), cal[0]))


def pmf(x, t):  # equation 8
    lq, l1q = math.log(alpha / (alpha + t)), math.log(t / (alpha + t))
    first = math.exp(betaln(a, b + x) - betaln(a, b) + gammaln(r + x) - gammaln(r)
                     - gammaln(x + 1) + r * lq + x * l1q)
    if x == 0:
        return first
    tail = 1 - sum(math.exp(gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * lq + j * l1q)
                   for j in range(x))
    return first + math.exp(betaln(a + 1, b + x - 1) - betaln(a, b)) * tail


def expected(t):  # equation 9
    if t == 0:
        return 0.0
    z = t / (alpha + t)
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))


def conditional(t, x, tx, T):  # equation 10
    z = t / (alpha + T + t)
    num = (a + b + x - 1) / (a - 1) * (
        1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
    den = 1 + (a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x) if x > 0 else 0)
    return num / den


print("frequency bins 0..6, 7+: observed, expected")
obs = [0] * 8
exp = [0.0] * 8
for x, tx, T, y, first in customers:
    obs[min(x, 7)] += 1
    ps = [pmf(k, T) for k in range(7)]
    for k in range(7):
        exp[k] += ps[k]
    exp[7] += 1 - sum(ps)
for k in range(8):
    print(k, obs[k], repr(exp[k]))
stat = sum((o - e) ** 2 / e for o, e in zip(obs, exp))
print("chi-square", repr(stat), "df", 8 - 1 - 4, "p", repr(float(chi2.sf(stat, 3))))

print("conditional expectations, 39 weeks: bin, customers, actual, expected")
for k in range(8):
    group = [c for c in customers if min(c[0], 7) == k]
    print(k, len(group), repr(sum(c[3] for c in group) / len(group)),
          repr(float(sum(conditional(39, c[0], c[1], c[2]) for c in group) / len(group))))

pred = [conditional(39, c[0], c[1], c[2]) for c in customers]
act = [c[3] for c in customers]
n = len(pred)
mp, ma = sum(pred) / n, sum(act) / n
cov = sum((p - mp) * (y - ma) for p, y in zip(pred, act))
corr = cov / math.sqrt(sum((p - mp) ** 2 for p in pred) * sum((y - ma) ** 2 for y in act))
print("holdout: MAE", repr(float(sum(abs(p - y) for p, y in zip(pred, act)) / n)),
      "RMSE", repr(math.sqrt(sum((p - y) ** 2 for p, y in zip(pred, act)) / n)),
      "corr", repr(float(corr)), "total predicted", repr(float(sum(pred))), "total actual", sum(act))

origin = dt.date(1997, 1, 1)
cohorts = collections.Counter(c[4] for c in customers)
weekly = [0] * 78
for c, ds in days.items():
    for d in sorted(ds)[1:]:
        weekly[(d - origin).days // 7] += 1
print("tracking: week, cumulative actual, cumulative expected")
cum = 0
for j in range(78):
    cum += weekly[j]
    end = origin + dt.timedelta(days=7 * j + 6)
    e = sum(m * expected((end - f).days / 7) for f, m in cohorts.items() if f <= end)
    if j in (0, 19, 20, 21, 22, 23, 24, 38, 39, 77):
        print(j + 1, cum, repr(float(e)))
