package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The message policy keeps ids, amounts and dates out of messages, and names, rows and counts in. */
class MessagePolicyTest {

    @AfterEach
    void reset() {
        MessagePolicy.set(MessagePolicy.VERBATIM);
    }

    @Test
    void verbatimByDefaultRedactedOnRequest() {
        assertEquals(MessagePolicy.VERBATIM, MessagePolicy.current());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> Transaction.of("alice-42", Instant.EPOCH, Double.NaN));
        assertTrue(v.getMessage().contains("alice-42") && v.getMessage().contains("NaN"), v.getMessage());
        MessagePolicy.set(MessagePolicy.REDACTED);
        assertEquals(MessagePolicy.REDACTED, MessagePolicy.current());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> Transaction.of("alice-42", Instant.EPOCH, Double.POSITIVE_INFINITY));
        assertFalse(r.getMessage().contains("alice-42"), r.getMessage());
        assertFalse(r.getMessage().contains("Infinity"), r.getMessage());
        assertTrue(r.getMessage().contains("amount must be finite"), r.getMessage());
    }

    @Test
    void redactionKeepsNamesRowsAndCountsAndDropsValues() {
        MessagePolicy.set(MessagePolicy.REDACTED);
        assertEquals("amounts[7] must be finite, got <redacted> (3 bad rows)",
                Checks.format("%s[%d] must be finite, got %s (%d bad rows)", "amounts", 7, 1234.5, 3));
        assertEquals("customer '<redacted>' at row 12 on <redacted>: 100%",
                Checks.format("customer '%s' at row %d on %s: 100%%", "bob", 12, LocalDate.of(2011, 1, 2)));
        assertEquals("revenue <redacted> of <redacted>, n = 0005",
                Checks.format("revenue %.2f of %2$s, n = %3$04d", 3.14159, 2.0f, 5));
        assertEquals("id must not be null or blank, got '<redacted>'",
                assertThrows(IllegalArgumentException.class, () -> Checks.notBlank(" ", "id")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessagePolicy.set(null));
    }
}
