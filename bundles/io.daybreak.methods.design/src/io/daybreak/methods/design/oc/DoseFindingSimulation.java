package io.daybreak.methods.design.oc;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;

/**
 * Simulates dose-finding trials. Trial r draws only from random stream r, one uniform per patient in the
 * order patients enrol (a patient has a DLT at dose d when the uniform is below the dose's true
 * probability), so results depend on the seed alone, not on the number of threads: chunks of trials run
 * in parallel and their counts, whole numbers, are merged exactly.
 */
public final class DoseFindingSimulation {
    /**
     * Offsets of a trial's further streams: trial r draws arrival gaps from stream r + ARRIVAL_STREAMS,
     * efficacy outcomes from r + EFFICACY_STREAMS and tie-breaks from r + TIE_STREAMS, so that its toxicity
     * outcomes (stream r) stay the same as in every other design (trials are at most 10^9 &lt; 2^40).
     */
    public static final long ARRIVAL_STREAMS = 1L << 40;
    public static final long EFFICACY_STREAMS = 2L << 40;
    public static final long TIE_STREAMS = 3L << 40;
    /**
     * Backfill patients (io.daybreak.methods.design.backfill) draw toxicity from stream r + BACKFILL_STREAMS and
     * efficacy from r + BACKFILL_EFFICACY_STREAMS, so that escalation patients keep the outcomes of stream r and
     * r + EFFICACY_STREAMS whether or not a trial backfills (docs/adr/0037).
     */
    public static final long BACKFILL_STREAMS = 4L << 40;
    public static final long BACKFILL_EFFICACY_STREAMS = 5L << 40;
    /**
     * Offset of the stream of a programme's randomised dose-optimisation stage (design.programme): trial r draws the
     * randomised patients' toxicity and response uniforms from stream r + RANDOMISED_STREAMS, so that its escalation
     * (streams r and r + EFFICACY_STREAMS) is the same as when the escalation design is simulated alone.
     */
    public static final long RANDOMISED_STREAMS = 6L << 40;
    /** Arrival gaps of backfill-only patients (a second accrual stream of the backfill engine), stream r + this. */
    public static final long BACKFILL_ARRIVAL_STREAMS = 7L << 40;
    private static final long MIN_CHUNK = 64;
    private static final long MAX_CHUNK = 4096;

    private DoseFindingSimulation() {
    }

    /**
     * @param maxPatients the design's maximum sample size (cohorts × cohort size); 0 for a design without one (3+3),
     *                    which then reports no early stopping
     */
    public static OperatingCharacteristics simulate(Supplier<DoseFindingTrial> design, double[] truth, double target,
            int maxPatients, long trials, MethodContext context) {
        List<OperatingCharacteristics> parts = inChunks(trials, context,
                () -> new OperatingCharacteristics(truth, target, maxPatients),
                (local, r) -> {
                    DoseFindingTrial trial = design.get();
                    run(trial, truth, context.random(r));
                    local.add(trial.selectedDose(), trial.patients(), trial.dlts(), 1);
                });
        OperatingCharacteristics total = new OperatingCharacteristics(truth, target, maxPatients);
        parts.forEach(total::merge); // in chunk order; sums of whole numbers, so exact anyway
        return total;
    }

    /** Simulates trial r into a chunk's accumulator. */
    @FunctionalInterface
    public interface TrialRunner<A> {
        void run(A accumulator, long trial);
    }

    /**
     * Runs trials 0 … trials − 1 in parallel chunks, each into its own accumulator, and returns the
     * accumulators in chunk order. Reports progress and honours cancellation between chunks.
     */
    public static <A> List<A> inChunks(long trials, MethodContext context, Supplier<A> accumulator, TrialRunner<A> runner) {
        // About four chunks per worker, so that small runs also spread over all cores; the chunking never
        // changes the result (trial r always uses stream r).
        int workers = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
        long chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, trials / (4L * workers)));
        long chunks = (trials + chunk - 1) / chunk;
        AtomicLong done = new AtomicLong();
        return LongStream.range(0, chunks).parallel().mapToObj(index -> {
            context.checkCancelled();
            A local = accumulator.get();
            long first = index * chunk;
            long last = Math.min(trials, first + chunk);
            for (long r = first; r < last; r++) {
                runner.run(local, r);
            }
            context.progress((double) done.addAndGet(last - first) / trials, "simulated trials");
            return local;
        }).toList();
    }

    /** Runs one trial to its end with the patients' outcomes drawn from {@code random}. */
    public static void run(DoseFindingTrial trial, double[] truth, UniformRandomProvider random) {
        while (!trial.finished()) {
            double p = truth[trial.nextDose()];
            int size = trial.nextCohortSize();
            int dlts = 0;
            for (int patient = 0; patient < size; patient++) {
                if (random.nextDouble() < p) {
                    dlts++;
                }
            }
            trial.record(dlts);
        }
    }
}
