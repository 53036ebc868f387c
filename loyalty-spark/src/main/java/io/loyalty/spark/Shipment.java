package io.loyalty.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Partition results (the core's accumulators and summaries) travel to the driver as Java-serialized bytes,
 * whatever {@code spark.serializer} is: they are {@link Serializable}, while Kryo, a common setting, cannot build
 * records and skips the fields that a class rebuilds on deserialization. Reading them back admits only the
 * library's own classes and the JDK value types they hold ({@link #FILTER}): the bytes cross the network, and a
 * stream naming any other class is refused before that class is instantiated.
 */
final class Shipment {
    /**
     * What a shipment may hold: the library's classes, the JDK's {@code java.lang}, {@code java.util},
     * {@code java.time} and {@code java.math} value types (strings, boxed numbers, collections and their
     * serialized forms, zones, big numbers) and arrays of those or of primitives; nothing else, and no deeper than
     * the accumulators nest. {@code io.loyalty.**} covers the core's serialization proxies and serialized forms
     * (nested classes such as {@code SegmentedSummaries$Proxy} or {@code CohortAccumulator$SerializedForm}), which
     * the core writes in place of its objects and reads back through its checks.
     */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;io.loyalty.**;java.lang.*;java.util.*;java.time.*;java.math.*;!*");

    private Shipment() {
    }

    /** The object as bytes, on an executor. */
    static byte[] pack(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The object back, on the driver, with the classes of the thread's context class loader (the job's jar) that
     * {@link #FILTER} admits.
     *
     * @throws IllegalStateException if the bytes name a class the filter refuses or hold an invalid object
     */
    static <T> T unpack(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            return type.cast(in.readObject());
        } catch (InvalidClassException | InvalidObjectException e) {
            throw new IllegalStateException("a partition result was refused on unpacking: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a partition result's class is not on the driver's class path", e);
        }
    }

    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
