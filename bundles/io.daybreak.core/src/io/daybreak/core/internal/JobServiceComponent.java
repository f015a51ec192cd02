package io.daybreak.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunFailedException;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.core.provenance.BundleDigests;
import io.daybreak.core.provenance.BundleWiringTrail;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.RegisteredMethod;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * The job service: validates requests, queues them on a bounded pool (one worker per core, at most
 * {@value #QUEUE_CAPACITY} waiting), and keeps the {@value #RETAINED_FINISHED} most recent finished jobs
 * for {@link #jobs()}. The run itself is done by {@link JobExecution}.
 */
@Component(service = JobService.class)
public final class JobServiceComponent implements JobService {
    static final int QUEUE_CAPACITY = 1000;
    static final int RETAINED_FINISHED = 200;

    private final AtomicLong nextId = new AtomicLong(1);
    private final NavigableMap<Long, JobRecord> jobs = new ConcurrentSkipListMap<>();

    @Reference
    private MethodRegistry registry;
    @Reference
    private ArrowMemory memory;

    private ThreadPoolExecutor executor;
    private JobExecution execution;
    private final BundleDigests bundleDigests = new BundleDigests();

    @Activate
    void activate(BundleContext context) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger threadNumber = new AtomicInteger();
        executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "daybreak-job-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        execution = new JobExecution(memory, context.getBundle().getVersion().toString());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        jobs.values().forEach(job -> job.requestCancel("the job service was stopped"));
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        for (JobRecord job : jobs.values()) {
            if (!job.status().isFinal()) {
                execution.cancelUnfinished(job, "the job service was stopped");
            }
            job.completion().thenAccept(RunResult::close); // results nobody took
        }
    }

    @Override
    public Job submit(RunRequest request) {
        RegisteredMethod method = registry.require(request.methodId());
        MethodDescriptor descriptor = method.descriptor();
        Parameters parameters = Parameters.bind(descriptor, request.parameters());
        checkInputs(descriptor, request.inputs());
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        JobRecord job = new JobRecord(nextId.getAndIncrement(), method, parameters, request, seed,
                bundleDigests.sha256(method.bundle()), BundleWiringTrail.of(method.bundle(), bundleDigests));
        jobs.put(job.id(), job);
        try {
            executor.execute(() -> execution.run(job));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id());
            throw new IllegalStateException("job queue is full (" + QUEUE_CAPACITY + " waiting) or the service is stopping", e);
        }
        pruneFinished();
        return job;
    }

    private static void checkInputs(MethodDescriptor descriptor, Map<String, Table> inputs) {
        for (String name : inputs.keySet()) {
            if (descriptor.inputs().stream().noneMatch(spec -> spec.name().equals(name))) {
                throw new InvalidInputException("method " + descriptor.id() + " has no input '" + name + "'; inputs: "
                        + (descriptor.inputs().isEmpty() ? "(none)"
                                : String.join(", ", descriptor.inputs().stream().map(TableSpec::name).toList())));
            }
        }
        for (TableSpec spec : descriptor.inputs()) {
            Table table = inputs.get(spec.name());
            if (table == null) {
                if (spec.required()) {
                    throw new InvalidInputException("method " + descriptor.id() + " needs input '" + spec.name()
                            + "' with columns " + spec.describe());
                }
                continue;
            }
            spec.checkInput(table);
        }
    }

    @Override
    public RunResult await(Job job, Duration timeout) throws InterruptedException {
        try {
            return timeout == null ? job.completion().get()
                    : job.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunFailedException failed) {
                throw failed;
            }
            throw new RunFailedException(job.id(), JobStatus.FAILED, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new RunFailedException(job.id(), job.status(), "job " + job.id() + " did not finish within " + timeout, e);
        }
    }

    @Override
    public List<Job> jobs() {
        return List.copyOf(jobs.descendingMap().values());
    }

    @Override
    public Optional<Job> job(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public boolean cancel(long id) {
        JobRecord job = jobs.get(id);
        return job != null && job.requestCancel("cancelled on request");
    }

    private void pruneFinished() {
        long finished = jobs.values().stream().filter(j -> j.status().isFinal()).count();
        for (JobRecord job : jobs.values()) { // ascending: oldest first
            if (finished <= RETAINED_FINISHED) {
                break;
            }
            if (job.status().isFinal()) {
                jobs.remove(job.id());
                finished--;
            }
        }
    }
}
