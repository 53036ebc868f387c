# Independent check of HoldoutValidationTest's predicted holdout total: CDNOW_sample.txt summarized here
# (calibration to 1997-09-30, weeks = days / 7, unrounded), E[Y(39) | x, t_x, T] from the BG/NBD closed form
# (Fader, Hardie and Lee 2005, eq. 10) with mpmath at 40 digits, at the parameters the library's fit reports.
import mpmath, datetime
mpmath.mp.dps = 40
r, al, a, b = map(mpmath.mpf, ('0.242594522430157', '4.413602019013503', '0.792922017225599', '2.4259067768263374'))
end = datetime.date(1997, 9, 30)
days = {}
for line in open('/work/wt/clv/loyalty-core/src/test/resources/data/CDNOW_sample.txt'):
    f = line.split()
    if len(f) != 5: continue
    d = datetime.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
    days.setdefault(f[1], set()).add(d)
total = mpmath.mpf(0); n = 0
t = mpmath.mpf(39)
for cid, ds in days.items():
    first = min(ds)
    if first > end: continue
    cal = sorted(x for x in ds if x <= end)
    x = len(cal) - 1
    tx = mpmath.mpf((cal[-1] - first).days) / 7
    T = mpmath.mpf((end - first).days) / 7
    z = t / (al + T + t)
    bracket = 1 - ((al + T) / (al + T + t)) ** (r + x) * mpmath.hyp2f1(r + x, b + x, a + b + x - 1, z)
    num = (a + b + x - 1) / (a - 1) * bracket
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    total += num / den; n += 1
print(n, mpmath.nstr(total, 12))
