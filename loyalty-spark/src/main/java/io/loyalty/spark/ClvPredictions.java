package io.loyalty.spark;

import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.TransactionModel;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The per-partition prediction step of {@link SparkClv}: rows are taken in batches, their frequency, recency, T
 * (and monetary value) copied into arrays, and the core model's array methods fill the new columns. The models
 * travel as their names and parameters and are rebuilt once per partition with the core's factories
 * ({@link TransactionModel#of}, {@link GammaGammaModel#of}), so the core's model classes need not be serializable
 * and a new purchase model needs no case here.
 */
final class ClvPredictions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Rows per call of the core's array methods (each call runs on the executor's cores in 8,192-row chunks). */
    static final int BATCH = 32_768;

    /** The purchase model's name, with its parameters all {@link TransactionModel#of} needs to rebuild it. */
    private final String name;
    private final double[] purchases;
    /** Gamma-Gamma parameters, or null when only purchases are predicted. */
    private final double[] spend;
    private final double unitsPerMonth;
    private final int months;
    private final double discountRate;
    private final double horizon;
    private final int frequency;
    private final int recency;
    private final int age;
    private final int monetary;

    private ClvPredictions(TransactionModel model, ClvCalculator clv, double horizon, int frequency, int recency,
            int age, int monetary) {
        this.name = model.name();
        this.purchases = model.parameters();
        this.spend = clv == null ? null : clv.spend().parameters();
        this.unitsPerMonth = clv == null ? 0 : clv.unitsPerMonth();
        this.months = clv == null ? 0 : clv.months();
        this.discountRate = clv == null ? 0 : clv.discountRate();
        this.horizon = horizon;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
    }

    /** P(alive) and expected purchases; field indexes of the input columns. */
    static ClvPredictions purchases(TransactionModel model, double horizon, int frequency, int recency, int age) {
        return new ClvPredictions(model, null, horizon, frequency, recency, age, -1);
    }

    /** Also expected spend and CLV from the calculator's models and settings. */
    static ClvPredictions clv(ClvCalculator clv, double horizon, int frequency, int recency, int age, int monetary) {
        return new ClvPredictions(clv.purchases(), clv, horizon, frequency, recency, age, monetary);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TransactionModel model = TransactionModel.of(name, purchases);
        GammaGammaModel spendModel = spend == null ? null : GammaGammaModel.of(spend[0], spend[1], spend[2]);
        ClvCalculator clv = spendModel == null ? null : ClvCalculator.of(model, spendModel, unitsPerMonth)
                .withMonths(months).withDiscountRate(discountRate);
        return new Iterator<>() {
            private Iterator<Row> batch = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && rows.hasNext()) {
                    batch = predictBatch(rows, model, spendModel, clv);
                }
                return batch.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
    }

    /** Predicts the next batch of rows. */
    private Iterator<Row> predictBatch(Iterator<Row> rows, TransactionModel model, GammaGammaModel spendModel,
            ClvCalculator clv) {
        List<Row> in = new ArrayList<>(BATCH);
        while (in.size() < BATCH && rows.hasNext()) {
            in.add(rows.next());
        }
        int n = in.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = clv == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            Row r = in.get(i);
            x[i] = ((Number) r.get(frequency)).doubleValue();
            tx[i] = ((Number) r.get(recency)).doubleValue();
            t[i] = ((Number) r.get(age)).doubleValue();
            if (m != null) {
                // The monetary value is ignored (and may be null) without repeat purchases.
                m[i] = x[i] > 0 ? ((Number) r.get(monetary)).doubleValue() : 0;
            }
        }
        double[] alive = model.probabilityAlive(x, tx, t);
        double[] expected = model.conditionalExpectedPurchases(horizon, x, tx, t);
        double[][] columns = clv == null ? new double[][] {alive, expected}
                : new double[][] {alive, expected, spendModel.conditionalExpectedAverageProfit(x, m),
                    clv.clv(x, tx, t, m)};
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row r = in.get(i);
            int width = r.length();
            Object[] values = new Object[width + columns.length];
            for (int k = 0; k < width; k++) {
                values[k] = r.get(k);
            }
            for (int k = 0; k < columns.length; k++) {
                values[width + k] = columns[k][i];
            }
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }
}
