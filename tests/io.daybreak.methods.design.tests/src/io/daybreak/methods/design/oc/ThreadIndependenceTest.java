package io.daybreak.methods.design.oc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.Method;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.interval.TiteBoinMethod;

/** The designs with their own trial loops or extra streams give the same summary on one thread and on all. */
class ThreadIndependenceTest extends MethodTestSupport {

    private void sameOnOneThreadAndAll(Method method, Map<String, String> raw) throws Exception {
        Map<String, Object> all = summary(method, raw, 31);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            assertEquals(all, single.submit(() -> summary(method, raw, 31)).get(), method.descriptor().id());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void blrmTiteBoinAndBoin12() throws Exception {
        sameOnOneThreadAndAll(new BlrmMethod(), Map.of("truth", "0.05,0.1,0.2,0.35,0.5", "target", "0.3",
                "cohorts", "6", "trials", "300"));
        sameOnOneThreadAndAll(new TiteBoinMethod(), Map.of("truth", "0.05,0.1,0.2,0.35,0.5", "target", "0.3",
                "trials", "3000"));
        sameOnOneThreadAndAll(new Boin12Method(), Map.of("truth", "0.05,0.1,0.2,0.35,0.5", "efficacy",
                "0.1,0.3,0.5,0.5,0.5", "trials", "3000"));
    }
}
