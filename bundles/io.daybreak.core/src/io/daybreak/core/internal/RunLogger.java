package io.daybreak.core.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link System.Logger} that keeps INFO and above with the job and forwards everything to slf4j. */
final class RunLogger implements System.Logger {
    private final JobRecord job;
    private final Logger delegate;

    RunLogger(JobRecord job) {
        this.job = job;
        this.delegate = LoggerFactory.getLogger("daybreak.method." + job.methodId());
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.INFO.getSeverity() || delegate.isDebugEnabled();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        record(level, msg, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        record(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
    }

    private void record(Level level, String text, Throwable thrown) {
        if (level.getSeverity() >= Level.INFO.getSeverity()) {
            job.appendLog(level.getName() + " " + text + (thrown == null ? "" : ": " + thrown));
        }
        switch (level) {
        case ERROR -> delegate.error("job {}: {}", job.id(), text, thrown);
        case WARNING -> delegate.warn("job {}: {}", job.id(), text, thrown);
        case INFO -> delegate.info("job {}: {}", job.id(), text, thrown);
        default -> delegate.debug("job {}: {}", job.id(), text, thrown);
        }
    }
}
