package io.daybreak.core.testing;

import java.util.Map;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;

/**
 * A site step that counts the payloads its delegate actually produced: a disclosure test asserts that a refusal came
 * before the payload existed, not after.
 */
public final class CountingSiteStep implements SiteStep {
    private final SiteStep delegate;
    private int produced;

    public CountingSiteStep(SiteStep delegate) {
        this.delegate = delegate;
    }

    /** Payloads produced so far. */
    public int produced() {
        return produced;
    }

    @Override
    public String method() {
        return delegate.method();
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Aggregates released = delegate.run(step, arguments, data, guard);
        produced++;
        return released;
    }
}
