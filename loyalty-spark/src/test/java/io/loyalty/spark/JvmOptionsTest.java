package io.loyalty.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JVM options Spark needs on Java 17 are written twice in this build: the parent pom's {@code
 * spark.jvm.options} (which started this JVM, through surefire's argLine) and {@code .mvn/jvm.config} (which starts
 * the Maven JVM that runs {@code exec:java}). They must be the same list.
 */
class JvmOptionsTest {
    @Test
    void mavensJvmConfigHoldsTheOptionsTheTestsRunWith() throws IOException {
        Path config = Path.of(System.getProperty("loyalty.root", ".."), ".mvn", "jvm.config");
        List<String> written = Files.readAllLines(config).stream().map(String::trim).filter(l -> !l.isEmpty())
                .sorted().collect(Collectors.toList());
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .sorted().collect(Collectors.toList());
        assertEquals(written, running);
    }
}
