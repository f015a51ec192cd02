import io.daybreak.methods.design.simon.SimonSearch;

/**
 * In-process timing of design.simon's search (SimonSearch.search), for docs/benchmarks.md: the first call in a
 * fresh JVM (what a one-shot run pays, JIT cold), then the median of 50 further calls per setting.
 * Run: java -cp <design bundle jar>:<commons-statistics-distribution jar>:<commons-numbers-gamma jar>:... SimonBench.java
 * With the argument {@code once}: one search (p0 = 0.2, p1 = 0.4, nmax = 100), its designs printed, for timing the whole
 * process from outside (compile first: javac -d classes -cp ... SimonBench.java).
 */
public class SimonBench {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("once")) {
            SimonSearch.Result result = SimonSearch.search(0.2, 0.4, 0.05, 0.2, 100);
            System.out.println(result.optimal() + "\n" + result.minimax());
            return;
        }
        double[][] settings = {{0.05, 0.25}, {0.1, 0.3}, {0.2, 0.4}, {0.3, 0.5}};
        long start = System.nanoTime();
        SimonSearch.search(0.2, 0.4, 0.05, 0.2, 100);
        System.out.printf("first call (0.2, 0.4), JVM cold: %.1f ms%n", (System.nanoTime() - start) / 1e6);
        for (double[] p : settings) {
            long[] times = new long[50];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                SimonSearch.search(p[0], p[1], 0.05, 0.2, 100);
                times[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(times);
            System.out.printf("p0 = %.2f, p1 = %.2f, nmax = 100: median of 50 calls %.2f ms (min %.2f, max %.2f)%n",
                    p[0], p[1], times[25] / 1e6, times[0] / 1e6, times[49] / 1e6);
        }
    }
}
