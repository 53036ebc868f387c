package io.loyalty;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract at every public entry point, checked by reflection over the whole public API (after Guava's
 * PackageSanityTests): every public constructor, static method and instance method of every public type, nested
 * public types included, in every family package and the Tablesaw adapter, rejects a null argument, a NaN,
 * +Infinity or -Infinity where it takes a {@code double}, and a {@code double[]} whose last element is one of
 * those, with the library's own {@link IllegalArgumentException} whose message names the parameter (for an
 * array's element, possibly in the singular: {@code amount at row 3} for {@code amounts}). A negative
 * {@code int} or {@code long} (-1 and the minimum) may be accepted, but if it is rejected, it is the same way.
 *
 * <p>How a case is built: every other argument is a valid sample ({@link ApiSamples}: real instances of the library's
 * own types, built through their public factories), and the receiver of an instance method is a fresh sample of its
 * type. Before its cases, each member is called once with all samples and must succeed, so a rejection is never
 * really the rejection of another, badly chosen argument. Only the argument under test is bad.
 *
 * <p>The policy (also in {@code docs/design.md}, "Contract"): the rejection is an {@code IllegalArgumentException}
 * whose message contains the parameter's name as a word (the class files carry parameter names, compiled with
 * {@code -parameters}). A {@code NullPointerException} is a failure, whatever its message: the library checks nulls
 * with {@code io.loyalty.internal.Checks}, which throws {@code IllegalArgumentException}. So is any other
 * exception type, a message that names another argument, and a call that returns normally.
 *
 * <p>Not checked: {@code equals(Object)} (null is a legal argument and gives false), the {@code valueOf(String)}
 * the compiler writes for every enum (the JLS specifies its NullPointerException), methods inherited from JDK
 * types (such as {@code Throwable}'s), and {@link io.loyalty.rfm.CutPoints.ScoreBuilder}, which callers implement.
 * Every other exception is listed in {@link #EXEMPT} with the reason; "defect (family)" marks a known defect left
 * for that family, so the build stays green while the list says what is left. An exemption that matches no case
 * fails the test, so the list cannot rot; one whose case now passes is printed, to be removed.
 */
class PublicApiSanityTest {
    private static final List<String> PACKAGES = List.of("data", "rfm", "clv", "nps", "kano", "attribution",
            "cohort", "experiment", "stats", "privacy", "churn", "tablesaw");

    /**
     * Cases where the argument is meaningful, keyed {@code "Owner.member parameter"} (every case of that parameter)
     * or {@code "Owner.member parameter case"} (case: null, NaN, +Infinity, -Infinity; for an array's last
     * element [NaN], [+Infinity], [-Infinity]; for an integer -1, -1L, Integer.MIN_VALUE, Long.MIN_VALUE).
     * Constructors are
     * {@code new}; nested types are {@code Outer.Inner}. Overloads share a key.
     */
    private static final Map<String, String> EXEMPT = exemptions();

    private static Map<String, String> exemptions() {
        Map<String, String> m = new LinkedHashMap<>();
        // Documented optional arguments: null means "none" or "the default".
        m.put("Transaction.new orderId null", "the order id is optional (record Javadoc: 'or null')");
        m.put("Transaction.new channel null", "the channel is optional (record Javadoc: 'or null')");
        m.put("Transaction.withOrderId id null", "the order id is optional: null clears it");
        m.put("Transaction.withChannel name null", "the channel is optional: null clears it");
        m.put("CohortKey.new start null", "null start: offsets count from the first purchase (fromFirstPurchase)");
        for (String fitter : List.of("BetaGeoFitter", "ModifiedBetaGeoFitter", "ParetoNbdFitter", "GammaGammaFitter",
                "BetaGeoBetaBinomFitter")) {
            // BG/BB's sample rows are weighted counts, so without weights its fit fails to converge: that is the
            // data, not the argument.
            m.put(fitter + ".fit weights null", "null weights: one customer per row (documented)");
        }
        m.put("TransactionModel.logLikelihood weights null", "null weights: one customer per row (documented)");
        m.put("JourneyBuilder.build touchCosts null", "null costs: no costs (documented)");
        m.put("KanoAccumulator.add importances null", "null importances: none asked (documented)");
        m.put("ClvTables.predictions spend null", "no spend model: no spend columns (documented)");
        m.put("ClvTables.predictions clv null", "no CLV calculator: no CLV column (documented)");
        m.put("CustomerSummaries.indexOf customerId null", "a lookup: an id that is not there gives -1 (documented)");
        m.put("RfmScores.indexOf customerId null", "a lookup: an id that is not there gives -1 (documented)");
        m.put("NpsBreakdown.Row.new vsRest null", "null when there are no other answers (documented)");
        m.put("NpsBreakdown.Row.new vsPrevious null", "null for the first row (documented)");
        m.put("NpsBreakdown.Row.new vsOverall null", "null when there are no other answers (documented)");
        // Documented infinite values.
        m.put("Interval.of lower -Infinity", "a one-sided interval has an infinite bound (documented)");
        m.put("Interval.of upper +Infinity", "a one-sided interval or a time never reached (documented)");
        m.put("ConvergenceException.new gradientNorm NaN", "a computation without a gradient (a linear solve) "
                + "reports NaN (documented)");
        m.put("ConvergenceException.new gradientNorm +Infinity", "an objective that is not finite at the start "
                + "point has an infinite gradient norm (documented)");
        m.put("ConvergenceException.new lastPoint", "the point where a failed fit stopped is reported as it is, "
                + "overflowed coordinates included (documented)");
        m.put("TransactionModelFitter.fit weights null", "null weights: one customer per row (documented)");
        m.put("Diagnostics.WeakParameter.new relativeStandardError +Infinity", "a parameter the information does "
                + "not bound has an infinite relative standard error (documented)");
        m.put("Diagnostics.WeakParameter.new intervalRatio +Infinity", "the interval ratio overflows for a parameter "
                + "the data barely identify (documented)");
        m.put("NpsDifference.new z +Infinity", "z is infinite when the standard error is 0 and the scores differ");
        m.put("NpsDifference.new z -Infinity", "z is infinite when the standard error is 0 and the scores differ");
        // Predicates: any double has an answer.
        m.put("Interval.contains value", "a predicate: infinities compare as numbers; NaN lies in no interval");
        for (String bad : List.of("[NaN]", "[+Infinity]", "[-Infinity]")) {
            for (String column : List.of("TransactionColumns.ofEpochDays amounts",
                    "TransactionColumns.ofEpochSeconds amounts")) {
                m.put(column + " " + bad, "by design: the columns are a view over the caller's arrays, checked when"
                        + " they are summarized (Summarizer names the row and the value), not copied or scanned twice");
            }
            for (String fold : List.of("ChunkTask.add partial", "ChunkTask.merge partial", "ChunkTask.merge other")) {
                m.put(fold + " " + bad, "fold state from zero()/add()/merge(), handed back unchanged by the caller"
                        + " (loyalty-spark): not checked element by element on every fold step");
            }
        }
        return m;
    }

    private static final String[] DOUBLE_CASES = {"NaN", "+Infinity", "-Infinity"};
    private static final String[] ARRAY_CASES = {"null", "[NaN]", "[+Infinity]", "[-Infinity]"};
    /**
     * Negative integers: where the member rejects one, it must be with an IllegalArgumentException naming the
     * parameter, never an ArrayIndexOutOfBoundsException, NegativeArraySizeException or DateTimeException from
     * inside; many members accept them (seeds, epoch seconds), so acceptance is not judged. The maxima are not
     * tried here: a loop or an allocation sized by a value would hang the test, which the family tests bound.
     */
    private static final String[] INT_CASES = {"Integer.MIN_VALUE", "-1"};
    private static final String[] LONG_CASES = {"Long.MIN_VALUE", "-1L"};

    private static Object integralValue(String bad) {
        switch (bad) {
            case "Integer.MIN_VALUE":
                return Integer.MIN_VALUE;
            case "-1":
                return -1;
            case "Integer.MAX_VALUE":
                return Integer.MAX_VALUE;
            case "Long.MIN_VALUE":
                return Long.MIN_VALUE;
            case "-1L":
                return -1L;
            default:
                return Long.MAX_VALUE;
        }
    }

    /** A copy of a valid array whose last element is NaN or infinite. */
    private static double[] withElement(double[] valid, String bad) {
        double[] a = valid.clone();
        a[a.length - 1] = (Double) badValue(bad.substring(1, bad.length() - 1));
        return a;
    }

    @Test
    void everyPublicEntryPointRejectsNullAndNonFiniteArgumentsNamingThem() throws Exception {
        ApiSamples samples = new ApiSamples();
        List<String> failures = new ArrayList<>();
        Set<String> usedExemptions = new TreeSet<>();
        List<String> staleExemptions = new ArrayList<>();
        int members = 0;
        int cases = 0;
        for (Class<?> type : publicTypes()) {
            for (Executable member : members(type)) {
                members++;
                String name = memberName(member);
                Parameter[] params = member.getParameters();
                Object[] valid = new Object[params.length];
                Throwable baseline;
                try {
                    for (int j = 0; j < params.length; j++) {
                        valid[j] = samples.argument(member, params[j]);
                    }
                    baseline = call(samples, type, member, valid);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                    continue;
                }
                if (baseline != null) {
                    failures.add(signature(member) + ": fails with every argument valid, so its samples need fixing: "
                            + describe(baseline));
                    continue;
                }
                for (int k = 0; k < params.length; k++) {
                    Class<?> pt = params[k].getType();
                    boolean integral = pt == int.class || pt == long.class;
                    if (pt.isPrimitive() && pt != double.class && !integral) {
                        continue;
                    }
                    for (String bad : pt == double.class ? DOUBLE_CASES : pt == double[].class ? ARRAY_CASES
                            : pt == int.class ? INT_CASES : pt == long.class ? LONG_CASES : new String[] {"null"}) {
                        cases++;
                        Object[] args = new Object[params.length];
                        for (int j = 0; j < params.length; j++) {
                            args[j] = j != k ? samples.argument(member, params[j])
                                    : bad.startsWith("[") ? withElement((double[]) valid[k], bad)
                                    : integral ? integralValue(bad) : badValue(bad);
                        }
                        String where = name + " " + params[k].getName();
                        String exemption = EXEMPT.containsKey(where + " " + bad) ? where + " " + bad
                                : EXEMPT.containsKey(where) ? where : null;
                        Throwable outcome = call(samples, type, member, args);
                        String problem = integral && outcome == null ? null
                                : judge(outcome, params[k].getName(), pt.isArray());
                        if (exemption != null) {
                            usedExemptions.add(exemption);
                            if (problem == null) {
                                staleExemptions.add(exemption);
                            }
                        } else if (problem != null) {
                            failures.add(where + " = " + bad + ": " + problem);
                        }
                    }
                }
            }
        }
        for (String key : EXEMPT.keySet()) {
            if (!usedExemptions.contains(key)) {
                failures.add("exemption '" + key + "' matches no case: remove or correct it");
            }
        }
        System.out.println("public API sanity: " + members + " members, " + cases + " bad arguments, "
                + EXEMPT.size() + " exemptions");
        new TreeSet<>(staleExemptions).forEach(e -> System.out.println(
                "public API sanity: exemption '" + e + "' is no longer needed (" + EXEMPT.get(e) + ")"));
        assertTrue(members > 400 && cases > 1000, "only " + members + " members and " + cases + " cases");
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }

    private static Object badValue(String bad) {
        switch (bad) {
            case "NaN":
                return Double.NaN;
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    /**
     * Null if the outcome keeps the contract, else what went wrong. A message about one element of an array may
     * name it in the singular ({@code amount at row 3} for {@code amounts}).
     */
    private static String judge(Throwable outcome, String parameter, boolean array) {
        if (outcome == null) {
            return "accepted";
        }
        if (outcome.getClass() == IllegalArgumentException.class || outcome instanceof IllegalArgumentException
                && outcome.getClass().getName().startsWith("io.loyalty.")) {
            boolean named = names(outcome.getMessage(), parameter) || array && parameter.endsWith("s")
                    && names(outcome.getMessage(), parameter.substring(0, parameter.length() - 1));
            return named ? null
                    : "the message does not name '" + parameter + "': " + outcome.getMessage();
        }
        return "threw " + describe(outcome);
    }

    /** Whether a message names the parameter as a word (its first letter in either case, for a sentence start). */
    static boolean names(String message, String parameter) {
        if (message == null) {
            return false;
        }
        String first = Pattern.quote(parameter.substring(0, 1));
        String regex = "(?<![A-Za-z0-9_])(?i:" + first + ")" + Pattern.quote(parameter.substring(1))
                + "(?![A-Za-z0-9_])";
        return Pattern.compile(regex).matcher(message).find();
    }

    private static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + ": " + t.getMessage() + (trace.length > 0 ? " at " + trace[0] : "");
    }

    /** Calls the member; returns what it threw, or null. */
    private static Throwable call(ApiSamples samples, Class<?> type, Executable member, Object[] args)
            throws IllegalAccessException, InstantiationException {
        try {
            if (member instanceof Constructor) {
                ((Constructor<?>) member).newInstance(args);
            } else {
                Method m = (Method) member;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : samples.receiver(type, m), args);
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalArgumentException e) {
            throw new AssertionError("a sample of the wrong type for " + signature(member), e);
        }
    }

    /**
     * The member's name in messages and in {@link #EXEMPT}: {@code Owner.method} or {@code Owner.new}.
     *
     * @param member a constructor or method
     * @return its name
     */
    static String memberName(Executable member) {
        String owner = member.getDeclaringClass().getName();
        owner = owner.substring(owner.lastIndexOf('.') + 1).replace('$', '.');
        return owner + "." + (member instanceof Constructor ? "new" : member.getName());
    }

    /**
     * Whether {@code m} is the bridge javac writes into a public class for a public method it inherits from a
     * package-private superclass (the CLV fitters' shared options): the public face of that method, so checked
     * under the public class's name.
     */
    private static boolean visibilityBridge(Class<?> type, Method m) {
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            try {
                Method inherited = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                return m.getDeclaringClass() == type && !Modifier.isPublic(c.getModifiers())
                        && !inherited.isBridge();
            } catch (NoSuchMethodException e) {
                // not declared at this level: look further up
            }
        }
        return false;
    }

    /** The public constructors and methods of a type that take an argument, in a stable order. */
    private static List<Executable> members(Class<?> type) {
        List<Executable> out = new ArrayList<>();
        if (type == io.loyalty.rfm.CutPoints.ScoreBuilder.class) {
            return out;
        }
        if (!Modifier.isAbstract(type.getModifiers())) {
            out.addAll(List.of(type.getConstructors()));
        }
        for (Method m : type.getMethods()) {
            boolean inherited = m.getDeclaringClass() != type;
            if ((m.isSynthetic() || m.isBridge()) && !visibilityBridge(type, m)
                    || !m.getDeclaringClass().getName().startsWith("io.loyalty.")
                    || Modifier.isStatic(m.getModifiers()) && inherited
                    || m.getName().equals("equals") && m.getParameterCount() == 1
                    || type.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1) {
                continue;
            }
            out.add(m);
        }
        out.removeIf(e -> e.getParameterCount() == 0);
        for (Executable e : out) {
            e.setAccessible(true);
        }
        out.sort(Comparator.comparing(PublicApiSanityTest::signature));
        return out;
    }

    private static String signature(Executable e) {
        StringBuilder sb = new StringBuilder(memberName(e)).append('(');
        for (Class<?> p : e.getParameterTypes()) {
            sb.append(p.getName()).append(',');
        }
        return sb.append(')').toString();
    }

    /** Every public type, nested public types included, of the family packages, in name order. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PublicApiSanityTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        List<Class<?>> out = new ArrayList<>();
        for (String p : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve("io/loyalty/" + p))) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String file = f.getFileName().toString();
                    if (!file.endsWith(".class") || file.equals("package-info.class")) {
                        continue;
                    }
                    Class<?> c = Class.forName("io.loyalty." + p + "." + file.replace(".class", ""));
                    if (!c.isSynthetic() && !c.isAnonymousClass() && !c.isLocalClass() && isPublic(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> x = c; x != null; x = x.getEnclosingClass()) {
            if (!Modifier.isPublic(x.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
