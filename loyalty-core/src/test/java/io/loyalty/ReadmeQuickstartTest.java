package io.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quickstart, verbatim, so that it keeps compiling and printing what the README shows. */
class ReadmeQuickstartTest {
    @Test
    void quickstartRunsAndGivesTheDocumentedNumbers() {
        // --- README quickstart begins
        List<Transaction> log = List.of(
                Transaction.of("alice", LocalDate.of(2024, 1, 5), 40.00),
                Transaction.of("alice", LocalDate.of(2024, 3, 8), 25.00),
                Transaction.of("alice", LocalDate.of(2024, 5, 31), 35.00),
                Transaction.of("bob", LocalDate.of(2024, 2, 2), 90.00));
        Summarizer weekly = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(2024, 6, 30));
        CustomerSummaries customers = weekly.summarize(log);
        System.out.println(customers);
        // --- README quickstart ends
        assertEquals(List.of("alice", "bob"), customers.ids());
        assertEquals(2, customers.get(0).frequency());
        assertEquals(21.0, customers.get(0).recency(), 1e-12);
        assertEquals(25.285714285714285, customers.get(0).t(), 1e-12);
        assertEquals(30.0, customers.get(0).monetary(), 1e-12);
    }
}
