package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Markov chain's transition matrix in sparse form: the states ({@code (start)}, windows written
 * {@code a > b}, {@code (conversion)}, {@code (null)}) and each non-zero transition with its probability. Rows
 * sum to 1 for every state that any journey leaves. Immutable; arrays are copied out.
 *
 * @since 0.1
 */
public final class TransitionMatrix {
    /** The name of the start state. */
    public static final String START = "(start)";
    /** The name of the conversion state. */
    public static final String CONVERSION = "(conversion)";
    /** The name of the null (no conversion) state. */
    public static final String NULL = "(null)";

    private final List<String> states;
    private final int[] from;
    private final int[] to;
    private final double[] probability;

    private TransitionMatrix(List<String> states, int[] from, int[] to, double[] probability) {
        this.states = states;
        this.from = from;
        this.to = to;
        this.probability = probability;
    }

    static TransitionMatrix of(MarkovChain chain, List<String> channels) {
        List<String> names = new ArrayList<>(chain.states + 2);
        names.add(START);
        for (int s = 1; s < chain.states; s++) {
            int[] w = chain.window(s);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < w.length; k++) {
                sb.append(k > 0 ? " > " : "").append(channels.get(w[k]));
            }
            names.add(sb.toString());
        }
        int conversion = names.size();
        names.add(CONVERSION);
        names.add(NULL);
        int n = chain.col.length;
        int[] f = new int[n + 2 * chain.states];
        int[] t = new int[f.length];
        double[] p = new double[f.length];
        int k = 0;
        for (int s = 0; s < chain.states; s++) {
            for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
                f[k] = s;
                t[k] = chain.col[e];
                p[k++] = chain.prob[e];
            }
            if (chain.toConversion[s] > 0) {
                f[k] = s;
                t[k] = conversion;
                p[k++] = chain.toConversion[s];
            }
            if (chain.toNull[s] > 0) {
                f[k] = s;
                t[k] = conversion + 1;
                p[k++] = chain.toNull[s];
            }
        }
        return new TransitionMatrix(Collections.unmodifiableList(names), Arrays.copyOf(f, k), Arrays.copyOf(t, k),
                Arrays.copyOf(p, k));
    }

    /**
     * The state names; indexes in {@link #from()} and {@link #to()} point here.
     *
     * @return an unmodifiable list
     */
    public List<String> states() {
        return states;
    }

    /**
     * The number of non-zero transitions.
     *
     * @return the count
     */
    public int size() {
        return from.length;
    }

    /**
     * The source state of each transition.
     *
     * @return a new array of indexes into {@link #states()}
     */
    public int[] from() {
        return from.clone();
    }

    /**
     * The target state of each transition.
     *
     * @return a new array of indexes into {@link #states()}
     */
    public int[] to() {
        return to.clone();
    }

    /**
     * The probability of each transition.
     *
     * @return a new array
     */
    public double[] probabilities() {
        return probability.clone();
    }

    /**
     * The probability of one transition (0 if it never occurs).
     *
     * @param fromState the source state's name
     * @param toState the target state's name
     * @return the probability
     * @throws IllegalArgumentException if a state is unknown
     */
    public double probability(String fromState, String toState) {
        int f = states.indexOf(fromState);
        int t = states.indexOf(toState);
        Checks.require(f >= 0, "fromState '%s' is not a state", fromState);
        Checks.require(t >= 0, "toState '%s' is not a state", toState);
        for (int k = 0; k < from.length; k++) {
            if (from[k] == f && to[k] == t) {
                return probability[k];
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return Checks.format("TransitionMatrix[%d states, %d transitions]", states.size(), from.length);
    }
}
