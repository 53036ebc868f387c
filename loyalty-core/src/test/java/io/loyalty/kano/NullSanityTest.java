package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the public Kano types, called with a null for each reference argument, throws
 * {@link IllegalArgumentException} or {@link NullPointerException}, never returns a result.
 */
class NullSanityTest {
    private static final List<Object> RECEIVERS = List.of(
            Kano.withDefaults(),
            AnswerVocabulary.standard(),
            EvaluationTable.berger1993(),
            FeatureAnswers.ofCodes("F", new byte[] {1}, new byte[] {5}),
            KanoSurvey.of(FeatureAnswers.ofCodes("F", new byte[] {1}, new byte[] {5})),
            KanoAccumulator.create(List.of("F")),
            Kano.withDefaults().analyze(KanoSurvey.of(FeatureAnswers.ofCodes("F", new byte[] {1}, new byte[] {5}))),
            CategoryCounts.of(1, 0, 0, 0, 0, 0));

    @Test
    void nullArgumentsAreRejected() throws Exception {
        int calls = 0;
        for (Object receiver : RECEIVERS) {
            for (Method m : receiver.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                for (int k = 0; k < types.length; k++) {
                    if (types[k].isPrimitive() || isOptionalArgument(m, k)) {
                        continue;
                    }
                    Object[] args = new Object[types.length];
                    for (int j = 0; j < types.length; j++) {
                        args[j] = j == k ? null : sample(types[j]);
                    }
                    int index = k;
                    Object target = Modifier.isStatic(m.getModifiers()) ? null : receiver;
                    try {
                        m.invoke(target, args);
                        fail(m + " accepted a null argument " + k);
                    } catch (InvocationTargetException e) {
                        Throwable c = e.getCause();
                        assertTrue(c instanceof IllegalArgumentException || c instanceof NullPointerException,
                                () -> m + " argument " + index + " threw " + c);
                    }
                    calls++;
                }
            }
        }
        assertTrue(calls > 20, "only " + calls + " calls");
    }

    /** Arguments documented as nullable: the importances of a tally row, a missing answer label. */
    private static boolean isOptionalArgument(Method m, int k) {
        return (m.getName().equals("add") && k == 2) || (m.getName().equals("code") && k == 0)
                || m.getName().equals("equals");
    }

    private static Object sample(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == double.class) {
            return 0.5;
        } else if (type == char.class) {
            return 'A';
        } else if (type == String.class) {
            return "F";
        } else if (type == String[].class) {
            return new String[] {"F"};
        } else if (type == byte[].class) {
            return new byte[] {1};
        } else if (type == int[].class) {
            return new int[] {1};
        } else if (type == List.class) {
            return List.of("F");
        } else if (type == Answer.class) {
            return Answer.LIKE;
        } else if (type == Category.class) {
            return Category.ATTRACTIVE;
        } else if (type == CategoryCounts.class) {
            return CategoryCounts.of(1, 0, 0, 0, 0, 0);
        } else if (type == AnswerVocabulary.class) {
            return AnswerVocabulary.standard();
        } else if (type == EvaluationTable.class) {
            return EvaluationTable.berger1993();
        } else if (type == ClassificationRule.class) {
            return ClassificationRule.MOST_FREQUENT;
        } else if (type == PriorityOrder.class) {
            return PriorityOrder.BETTER;
        } else if (type == KanoSurvey.class) {
            return KanoSurvey.of(FeatureAnswers.ofCodes("F", new byte[] {1}, new byte[] {5}));
        } else if (type == KanoAccumulator.class) {
            return KanoAccumulator.create(List.of("F"));
        } else if (type == KanoTallies.class) {
            return KanoAccumulator.create(List.of("F")).snapshot();
        } else if (type == String[][].class || type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        return null;
    }
}
