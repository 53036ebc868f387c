# Reference for ModelComparisonTest: the expected calibration histogram of BG/NBD on CDNOW, the number of the
# 2,357 customers of cdnow_customers_summary.csv expected with 0, 1, ..., 6 and 7+ repeat purchases in their
# calibration ages T_i: sum over customers of P(X(T_i) = x), Fader, Hardie and Lee (2005), equation 8, in mpmath
# at 40 digits, at the converged maximum on that summary (published.md). Run from this folder:
#   python3 cdnow_bgnbd_expected_histogram.py > cdnow_bgnbd_expected_histogram.csv
import csv, mpmath
mpmath.mp.dps = 40
mpf = mpmath.mpf
r, alpha, a, b = mpf('0.242593'), mpf('4.413532'), mpf('0.792886'), mpf('2.425752')
def p(x, t):
    t = mpf(t)
    lp = alpha / (alpha + t); q = t / (alpha + t)
    nb = lambda j: mpmath.gamma(r + j) / (mpmath.gamma(r) * mpmath.factorial(j)) * lp ** r * q ** j
    first = mpmath.beta(a, b + x) / mpmath.beta(a, b) * nb(x)
    if x == 0:
        return first
    return first + mpmath.beta(a + 1, b + x - 1) / mpmath.beta(a, b) * (1 - mpmath.fsum(nb(j) for j in range(x)))
ages = {}
with open('cdnow_customers_summary.csv') as f:
    for row in csv.DictReader(f):
        ages[row['T']] = ages.get(row['T'], 0) + 1
counts = [mpf(0)] * 8
for t, n in ages.items():
    ps = [p(x, t) for x in range(7)]
    for x in range(7):
        counts[x] += n * ps[x]
    counts[7] += n * (1 - mpmath.fsum(ps))
# The last row, repeat_purchases 7, is the pooled bin "7 or more".
print('repeat_purchases,expected')
for x in range(8):
    print('%d,%s' % (x, mpmath.nstr(counts[x], 17)))
