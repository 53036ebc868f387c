# Reference fits for OnlineRetailGoldenTest: Python lifetimes 0.11.3 (unmodified; scipy's default minimiser from
# lifetimes' default start, tol 1e-7, penalizer 0) on the Online Retail summaries beside this script.
# Writes online_retail_lifetimes.csv (to stdout; redirect it). Run from this folder with the peer on the path:
#   PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=<lifetimes 0.11.3 sources> python3 online_retail_lifetimes.py \
#       > online_retail_lifetimes.csv
# lifetimes rescales time so that max T = 1 before optimising and reports the mean negative log-likelihood of the
# scaled data; the log-likelihood written here is the sum over customers in weeks (the library's and Fader-Hardie-Lee's
# convention), obtained by evaluating lifetimes' own likelihood at its estimates on the unscaled data.
import contextlib
import sys
import numpy as np
import pandas as pd
import scipy
import lifetimes
from autograd import value_and_grad
from scipy.optimize import minimize
from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter
from lifetimes.utils import ConvergenceError, _scale_time


def data():
    full = pd.read_csv("online_retail_customers_summary.csv")
    split = pd.read_csv("online_retail_split_2011_09_09.csv")
    yield "customers_summary", full["frequency"].values, full["recency"].values, full["T"].values
    yield ("split_2011_09_09", split["frequency"].values, split["recency_days"].values / 7.0,
           split["T_days"].values / 7.0)


print("# lifetimes %s, numpy %s, scipy %s, pandas %s; penalizer 0, lifetimes' defaults (start 0.1 on the log "
      "scale of the scaled data, tol 1e-7)" % (lifetimes.__version__, np.__version__, scipy.__version__,
                                               pd.__version__))


def last_point(fitter, f, rec, T):
    """Where lifetimes stopped when it raised ConvergenceError: its own minimize call (fitters/__init__.py _fit),
    repeated with the same arguments; returns (r, alpha, a, b) in weeks."""
    scale = _scale_time(T)
    w = np.ones_like(rec, dtype=int)
    out = minimize(value_and_grad(fitter._negative_log_likelihood), jac=True, method=None, tol=1e-7,
                   x0=0.1 * np.ones(4), args=(np.asarray(f).astype(int), rec * scale, T * scale, w, 0.0),
                   options={"disp": False})
    print("# %s: %s after %d iterations, gradient %s" % (fitter.__name__, out.message, out.nit, out.jac))
    p = np.exp(out.x)
    p[1] /= scale
    return p


# converged: yes when lifetimes' fit returned; no when it raised ConvergenceError (scipy's "precision loss"), in
# which case the parameters are the point where its minimiser stopped.
print("data,model,r,alpha,a,b,log_likelihood,converged")
for name, f, rec, T in data():
    for label, fitter in (("BG/NBD", BetaGeoFitter), ("MBG/NBD", ModifiedBetaGeoFitter)):
        try:
            with contextlib.redirect_stdout(sys.stderr):  # lifetimes prints scipy's result when it gives up
                m = fitter(penalizer_coef=0.0).fit(f, rec, T)
            p = np.array([m.params_["r"], m.params_["alpha"], m.params_["a"], m.params_["b"]], dtype=float)
            converged = "yes"
        except ConvergenceError:
            p = last_point(fitter, f, rec, T)
            converged = "no"
        w = np.ones_like(rec, dtype=int)
        ll = -fitter._negative_log_likelihood(np.log(p), np.asarray(f).astype(int), rec, T, w, 0.0) * len(f)
        print("%s,%s,%s,%s,%s,%s,%s,%s" % (name, label, repr(float(p[0])), repr(float(p[1])), repr(float(p[2])),
                                           repr(float(p[3])), repr(float(ll)), converged))
        sys.stdout.flush()
