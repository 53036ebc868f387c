package io.loyalty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A cheap sanity check over the whole public API (after Guava's PackageSanityTests): every public static method
 * of every public class of the families rejects a null argument, and a NaN where it takes a double, with an
 * IllegalArgumentException or a NullPointerException, never by failing somewhere deeper or by returning a result.
 */
class PublicApiSanityTest {
    private static final List<String> PACKAGES = List.of("data", "rfm", "clv", "nps", "kano", "attribution",
            "cohort", "experiment", "tablesaw");

    @Test
    void publicStaticMethodsRejectNullArguments() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : publicClasses()) {
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != type || m.isSynthetic()
                        || m.getName().equals("valueOf") && type.isEnum()) {
                    continue;
                }
                Class<?>[] params = m.getParameterTypes();
                for (int k = 0; k < params.length; k++) {
                    boolean nan = params[k] == double.class;
                    if (params[k].isPrimitive() && !nan) {
                        continue;
                    }
                    Object[] args = new Object[params.length];
                    for (int j = 0; j < params.length; j++) {
                        args[j] = j != k ? sample(params[j]) : nan ? Double.NaN : null;
                    }
                    checked++;
                    String where = type.getSimpleName() + "." + m.getName() + " argument " + k;
                    try {
                        m.invoke(null, args);
                        failures.add(where + ": accepted " + args[k]);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (!(cause instanceof IllegalArgumentException || cause instanceof NullPointerException)) {
                            failures.add(where + ": threw " + cause);
                        }
                    }
                }
            }
        }
        System.out.println("public API sanity: " + checked + " null/NaN arguments checked");
        assertTrue(checked > 50, "only " + checked + " checks");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A harmless non-null value for the other arguments, or null where none is obvious. */
    private static Object sample(Class<?> type) {
        if (type.isPrimitive()) {
            if (type == boolean.class) {
                return false;
            }
            if (type == double.class) {
                return 1.0;
            }
            if (type == long.class) {
                return 1L;
            }
            if (type == int.class) {
                return 1;
            }
            return null;
        }
        if (type == String.class) {
            return "a";
        }
        if (type.isArray() && type.getComponentType().isPrimitive()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        if (type == List.class || type == Iterable.class || type == java.util.Collection.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }

    private static List<Class<?>> publicClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PublicApiSanityTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        List<Class<?>> out = new ArrayList<>();
        for (String p : PACKAGES) {
            Path dir = root.resolve("io/loyalty/" + p);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                        Class<?> c = Class.forName("io.loyalty." + p + "." + name.replace(".class", ""));
                        if (Modifier.isPublic(c.getModifiers())) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }
}
