package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodRuleTest {
    private static final List<PeriodRule> CALENDAR = List.of(PeriodRule.days(), PeriodRule.weeks(),
            PeriodRule.months(), PeriodRule.quarters(), PeriodRule.years());

    @Test
    void labelsNameTheCalendarPeriod() {
        long day = LocalDate.of(2011, 3, 14).toEpochDay();
        assertEquals("2011-03-14", label(PeriodRule.days(), day));
        assertEquals("2011-W11", label(PeriodRule.weeks(), day));
        assertEquals("2011-03", label(PeriodRule.months(), day));
        assertEquals("2011-Q1", label(PeriodRule.quarters(), day));
        assertEquals("2011", label(PeriodRule.years(), day));
        // 2010-01-03 is a Sunday of ISO week 2009-W53.
        assertEquals("2009-W53", label(PeriodRule.weeks(), LocalDate.of(2010, 1, 3).toEpochDay()));
        assertEquals("2011-03-14T00:00:00Z",
                label(PeriodRule.every(Duration.ofHours(12)), day));
    }

    @Test
    void firstDayStartsThePeriodThatHoldsADay() {
        Property.forAll("firstDay and index agree", 500, r -> {
            long day = r.nextLong(-40_000, 80_000);
            for (PeriodRule rule : CALENDAR) {
                long index = rule.indexOfEpochDay(day);
                LocalDate first = rule.firstDay(index);
                assertTrue(first.toEpochDay() <= day, rule + " " + first);
                assertEquals(index, rule.indexOfEpochDay(first.toEpochDay()), rule.toString());
                assertEquals(index - 1, rule.indexOfEpochDay(first.toEpochDay() - 1), rule.toString());
            }
        });
    }

    private static String label(PeriodRule rule, long epochDay) {
        return rule.label(rule.indexOfEpochDay(epochDay));
    }
}
