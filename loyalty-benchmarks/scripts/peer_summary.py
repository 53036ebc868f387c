#!/usr/bin/python3
"""Writes lifetimes' summaries of a transaction CSV to a CSV, for SummaryPeerHarness to compare with the library.

    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=../shared/bench/peers/python /usr/bin/python3 \
        loyalty-benchmarks/scripts/peer_summary.py FILE.csv.gz 2021-12-31 OUT.csv

The call is timed as ../shared/bench/time_summary.py times it (load apart); the CSV (customer_id, frequency,
recency, T, monetary_value, floats with repr precision) is written after the clock stops.
"""
import json, sys, time
import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data
path, end, out = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
df = pd.read_csv(path, parse_dates=['date'])
t1 = time.perf_counter()
s = summary_data_from_transaction_data(df, 'customer_id', 'date', monetary_value_col='amount',
                                       observation_period_end=end, freq='D')
t2 = time.perf_counter()
s.to_csv(out, float_format='%r')
print(json.dumps({'file': path, 'rows': len(df), 'customers': len(s), 'seconds_load': t1 - t0,
                  'seconds_summary': t2 - t1}))
