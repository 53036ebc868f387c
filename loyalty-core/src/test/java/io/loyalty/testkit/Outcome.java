package io.loyalty.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every adversarial test checks (issue 15): a call on bad input is rejected with an
 * {@link IllegalArgumentException} whose message names the bad input, and a call on good input returns a value;
 * any other exception type fails.
 */
public final class Outcome {
    private Outcome() {
    }

    /**
     * Runs {@code call} under the contract.
     *
     * @param <T> the result type
     * @param call the call
     * @param badInput fragments naming the bad input the call holds (empty: the input is good, so the call must
     *     return)
     * @return the value, or null when the call was rejected as it should be
     */
    public static <T> T of(Supplier<T> call, List<String> badInput) {
        return of(call, badInput, List.of());
    }

    /**
     * Runs {@code call} under the contract with documented limits: input that may reach a limit may be rejected
     * naming one of {@code limits}, or give a value.
     *
     * @param <T> the result type
     * @param call the call
     * @param badInput fragments naming the bad input the call holds (empty: the input is good)
     * @param limits fragments of the documented limits a good-looking input may reach
     * @return the value, or null when the call was rejected as it may be
     */
    public static <T> T of(Supplier<T> call, List<String> badInput, List<String> limits) {
        try {
            T value = call.get();
            assertTrue(badInput.isEmpty(), "accepted bad input, expected one of " + badInput);
            return value;
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            assertTrue(badInput.stream().anyMatch(m::contains) || limits.stream().anyMatch(m::contains),
                    "message '" + m + "' names none of " + badInput + " or " + limits);
            return null;
        } catch (RuntimeException e) {
            fail("another exception type than IllegalArgumentException", e);
            return null;
        }
    }

    /**
     * Asserts that {@code call} is rejected with an {@link IllegalArgumentException} whose message holds every
     * fragment (the argument's name, its row, its value): the one helper behind every family's bad-input tests.
     *
     * @param call the call on bad input
     * @param fragments what the message must name
     * @return the exception, for further checks
     */
    public static IllegalArgumentException rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String m = String.valueOf(e.getMessage());
        for (String f : fragments) {
            assertTrue(m.contains(f), () -> "message '" + m + "' lacks '" + f + "'");
        }
        return e;
    }
}
