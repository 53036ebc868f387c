package io.loyalty.clv;

import io.loyalty.internal.Checks;

/**
 * One fitted parameter with its standard error and 95% interval.
 *
 * <p>The standard error comes from the observed information (the Hessian of the negative log-likelihood,
 * penalty included, at the optimum) on log-parameters, carried to the natural scale by the delta method
 * ({@code se = value * se(log value)}). The interval is {@code exp(log value -/+ 1.96 se(log value))}: it is the
 * Wald interval of the log-parameter, so it stays positive and is not symmetric (lifetimes reports
 * {@code value -/+ 1.96 se} instead, which can go negative). A fit whose Hessian is not positive definite
 * throws {@link FitException} instead.
 *
 * @param name the parameter's name, as in the papers ({@code r}, {@code alpha}, ...)
 * @param value the estimate
 * @param standardError the standard error on the natural scale
 * @param lower the lower end of the 95% interval
 * @param upper the upper end of the 95% interval; +Infinity when it overflows, as for a parameter the data
 *     barely identify (a penalized fit of customers without repeat purchases)
 * @since 0.1
 */
public record ParameterEstimate(String name, double value, double standardError, double lower, double upper) {
    /**
     * Checks the values.
     *
     * @param name the parameter's name, as in the papers ({@code r}, {@code alpha}, ...)
     * @param value the estimate
     * @param standardError the standard error on the natural scale
     * @param lower the lower end of the 95% interval
     * @param upper the upper end of the 95% interval, or +Infinity
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public ParameterEstimate {
        Checks.notNull(name, "name");
        Checks.finite(value, "value");
        Checks.nonNegative(standardError, "standardError");
        Checks.finite(lower, "lower");
        Checks.require(upper >= 0, "upper must be >= 0 or +Infinity, got %s", upper);
    }

    /** The two-sided 95% normal quantile. */
    static final double Z95 = 1.959963984540054;

    static ParameterEstimate of(String name, double value, double logStandardError) {
        double se = value * logStandardError;
        return new ParameterEstimate(name, value, se, value * Math.exp(-Z95 * logStandardError),
                value * Math.exp(Z95 * logStandardError));
    }

    @Override
    public String toString() {
        return Checks.format("%s = %.6g (se %.4g, 95%% %.6g..%.6g)", name, value, standardError, lower, upper);
    }
}
