package io.daybreak.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Waiting with a timeout instead of sleeping: for services, and for conditions that become true. */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    /** The service, waiting up to {@link #DEFAULT}; fails (AssertionError) if it does not appear. */
    public static <T> T service(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(DEFAULT.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service within " + DEFAULT);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    /** Polls {@code condition} every 10 ms until it holds; fails after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + description);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + description, e);
            }
        }
    }

    public static void until(BooleanSupplier condition, String description) {
        until(condition, DEFAULT, description);
    }
}
