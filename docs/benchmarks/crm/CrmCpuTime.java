import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.crm.TiteCrmMethod;

/**
 * design.crm and design.tite-crm, 10,000 trials of the reference setting, in a one-thread ForkJoinPool as
 * DesignSimulationBenchmark does, reporting wall time and the pool thread's CPU time (which a loaded machine
 * inflates less). Argument "tite" for TITE-CRM. Run by crm-speed.sh.
 */
public class CrmCpuTime {
    static final String TRUTH = "0.05,0.12,0.25,0.40,0.55,0.70";
    public static void main(String[] a) throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            ForkJoinPool single = new ForkJoinPool(1);
            Map<String, String> crm = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "10000",
                    "halfwidth", "0.05", "priorMtd", "4");
            Map<String, String> tite = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "36", "trials", "10000",
                    "halfwidth", "0.05", "priorMtd", "4");
            boolean doTite = a.length > 0 && a[0].equals("tite");
            Method m = doTite ? new TiteCrmMethod() : new CrmMethod();
            Map<String, String> p = doTite ? tite : crm;
            int warm = doTite ? 3 : 10, reps = doTite ? 5 : 15;
            Object[] last = new Object[1];
            for (int i = 0; i < warm; i++) single.submit(() -> { last[0] = run(m, p, allocator); return null; }).get();
            double[] ms = new double[reps];
            double[] cpu = new double[reps];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < reps; i++) {
                long s = System.nanoTime();
                final int ii = i;
                single.submit(() -> { long c = mx.getCurrentThreadCpuTime(); last[0] = run(m, p, allocator);
                    cpu[ii] = (mx.getCurrentThreadCpuTime() - c) / 1e6; return null; }).get();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(ms);
            java.util.Arrays.sort(cpu);
            System.out.printf("%s one thread median %.1f ms wall (min %.1f), cpu median %.1f ms (min %.1f)%n", m.descriptor().id(), ms[reps / 2], ms[0], cpu[reps/2], cpu[0]);
            System.out.println(last[0]);
        }
    }
    static Object run(Method method, Map<String, String> raw, BufferAllocator allocator) throws Exception {
        MethodResult result = method.apply(Map.of(), Parameters.bind(method.descriptor(), raw), new TestMethodContext(allocator, 1));
        result.outputs().values().forEach(Table::close);
        return result.summary().get("selectionPercent") + " " + result.summary().get("patientsPerDose");
    }
}
