package io.loyalty.privacy;

/**
 * Thrown when a release would spend more than what is left of a {@link PrivacyBudget}. Nothing is spent and
 * nothing is released when it is thrown. It is an {@link IllegalStateException}: the call is valid, the budget is
 * exhausted.
 *
 * @since 0.2
 */
public final class BudgetExceededException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    BudgetExceededException(String message) {
        super(message);
    }
}
