# BG/BB input from Online Retail with weekly opportunities, and reference fits of it, for OnlineRetailBgBbTest.
#   PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=<lifetimes 0.11.3 sources> python3 online_retail_weekly.py \
#       <the project's online_retail.csv.gz>
# writes online_retail_weekly.csv and online_retail_weekly_bgbb.csv beside this script.
#
# Derivation (independent of the library; the test re-derives it with the library's Summarizer and compares):
# rows with a CustomerID and an InvoiceNo not starting with C; each purchase day mapped to its Monday-to-Sunday
# week (ISO, UTC); per customer, the first purchase week is the trial, and each later week up to the week of the
# observation end 2011-12-09 is one opportunity: n = end week - first week, x = weeks with a purchase after the
# first, t_x = last purchase week - first week (0 when x = 0). Patterns (x, t_x, n) with their customer counts.
#
# Reference fits: the exact BG/BB log-likelihood (Fader, Hardie and Shang 2010, eq. 5, log-sum-exp of betaln
# terms) maximised with scipy (BFGS from starts spread over orders of magnitude, the best polished by
# Nelder-Mead);
# and lifetimes 0.11.3's BetaGeoBetaBinomFitter (defaults, penalizer 0), whose likelihood adds 1e-15 inside a
# logarithm and sums non-log beta functions (a slightly different function), with the exact log-likelihood at its
# estimates when it returns, else a comment line saying how it failed.
import os
import sys
import numpy as np
import pandas as pd
import scipy
from scipy.optimize import minimize
from scipy.special import betaln, logsumexp

HERE = os.path.dirname(os.path.abspath(__file__))
print("numpy %s, scipy %s, pandas %s" % (np.__version__, scipy.__version__, pd.__version__))
raw = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
raw = raw[(raw["CustomerID"] != "") & ~raw["InvoiceNo"].str.startswith("C")]
day = (pd.to_datetime(raw["InvoiceDate"]).dt.normalize() - pd.Timestamp("1970-01-01")).dt.days
week = (day + 3) // 7  # 1970-01-01 was a Thursday: Monday-to-Sunday weeks
weeks = pd.DataFrame({"id": raw["CustomerID"].astype(float).astype(int), "week": week}).drop_duplicates()
g = weeks.groupby("id")["week"]
first, last, count = g.min(), g.max(), g.count()
end = ((pd.Timestamp("2011-12-09") - pd.Timestamp("1970-01-01")).days + 3) // 7
cust = pd.DataFrame({"frequency": count - 1, "recency": last - first, "periods": end - first})
pat = cust.groupby(["frequency", "recency", "periods"]).size().rename("customers").reset_index()
pat.to_csv(os.path.join(HERE, "online_retail_weekly.csv"), index=False, lineterminator="\n")
print("%d customers, %d patterns, %d repeat purchase weeks" % (len(cust), len(pat), cust["frequency"].sum()))

x = pat["frequency"].values.astype(float)
tx = pat["recency"].values.astype(float)
n = pat["periods"].values.astype(float)
w = pat["customers"].values.astype(float)


def loglik(p):
    a, b, g_, d = p
    terms = [betaln(a + x, b + n - x) - betaln(a, b) + betaln(g_, d + n) - betaln(g_, d)]
    for j in range(int((n - tx).max())):
        t = betaln(a + x, b + tx - x + j) - betaln(a, b) + betaln(g_ + 1, d + tx + j) - betaln(g_, d)
        terms.append(np.where(j < n - tx, t, -np.inf))
    return float((w * logsumexp(np.array(terms), axis=0)).sum())


def nll(u):
    v = -loglik(np.exp(u)) / w.sum()
    return v if np.isfinite(v) else 1e300


best = None
for s in ([1, 1, 1, 1], [0.1, 0.1, 0.1, 0.1], [10, 10, 10, 10], [0.1, 10, 0.01, 100], [10, 0.1, 100, 0.01],
          [0.75, 8.5, 0.001, 20]):
    r = minimize(nll, np.log(s), method="BFGS", options={"gtol": 1e-10, "maxiter": 2000})
    print("start %s -> %s LL %.10f" % (s, np.exp(r.x), loglik(np.exp(r.x))))
    if best is None or r.fun < best.fun:
        best = r
best = minimize(nll, best.x, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-14, "maxfev": 4000})
rows = [("scipy %s exact likelihood (best of 6 starts)" % scipy.__version__, np.exp(best.x))]
notes = []
try:
    import lifetimes
    from lifetimes import BetaGeoBetaBinomFitter
    m = BetaGeoBetaBinomFitter().fit(pat["frequency"], pat["recency"], pat["periods"], weights=pat["customers"])
    rows.append(("lifetimes %s BetaGeoBetaBinomFitter defaults" % lifetimes.__version__,
                 m.params_[["alpha", "beta", "gamma", "delta"]].values.astype(float)))
except Exception as e:  # the reference does not need lifetimes; say why its row is missing
    notes.append("# lifetimes %s BetaGeoBetaBinomFitter (defaults, penalizer 0) raised %s: scipy's "
                 "minimiser stepped to log-parameters in the hundreds, where that likelihood is NaN" % (
                     getattr(sys.modules.get("lifetimes"), "__version__", "?"), type(e).__name__))
with open(os.path.join(HERE, "online_retail_weekly_bgbb.csv"), "w") as f:
    f.write("method,alpha,beta,gamma,delta,log_likelihood\n")
    for note in notes:
        f.write(note + "\n")
    for name, p in rows:
        f.write("%s,%s,%s,%s,%s,%s\n" % ((name,) + tuple(repr(float(v)) for v in p) + (repr(loglik(p)),)))
print(open(os.path.join(HERE, "online_retail_weekly_bgbb.csv")).read())
