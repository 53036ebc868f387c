package io.loyalty.spark;

import io.loyalty.internal.ExactSum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;

import static org.apache.spark.sql.functions.udaf;

/**
 * A sum of doubles kept exactly ({@link ExactSum}) and rounded once, as the core sums values: unlike Spark's
 * {@code sum}, whose last bits depend on how the rows were partitioned and in which order they arrived, it gives
 * the same double however the cluster split the rows, and the core's number to the bit. The terms are finite (the
 * validation pass has checked them); the result is infinite only when the exact total exceeds the largest double.
 */
final class ExactTotal extends Aggregator<Double, ExactSum, Double> {
    private static final long serialVersionUID = 1L;
    private static final UserDefinedFunction FUNCTION = udaf(new ExactTotal(), Encoders.DOUBLE());

    private ExactTotal() {
    }

    /**
     * The exact total of a double column, for {@code agg}.
     *
     * @param x the terms, finite
     * @return the aggregate column
     */
    static Column of(Column x) {
        return FUNCTION.apply(x);
    }

    @Override
    public ExactSum zero() {
        return new ExactSum();
    }

    @Override
    public ExactSum reduce(ExactSum sum, Double x) {
        sum.add(x);
        return sum;
    }

    @Override
    public ExactSum merge(ExactSum a, ExactSum b) {
        a.add(b);
        return a;
    }

    @Override
    public Double finish(ExactSum sum) {
        return sum.value();
    }

    @Override
    public Encoder<ExactSum> bufferEncoder() {
        return Encoders.javaSerialization(ExactSum.class);
    }

    @Override
    public Encoder<Double> outputEncoder() {
        return Encoders.DOUBLE();
    }
}
