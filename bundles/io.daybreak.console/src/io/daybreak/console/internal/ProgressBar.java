package io.daybreak.console.internal;

import java.io.PrintStream;

import io.daybreak.core.jobs.Job;

/**
 * Draws a job's progress on a terminal ({@code [#####     ]  50% message}) until the job is final.
 * Used only when a person is watching (a console is attached and JSON was not asked for), so redirected
 * output and JSON stay clean.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /**
     * Whether the person who typed the command sees a terminal, for commands the resident runtime runs for a
     * client (set on the command's thread; null: this process's own console decides).
     */
    private static final InheritableThreadLocal<Boolean> TERMINAL = new InheritableThreadLocal<>();

    static void terminal(Boolean attached) {
        if (attached == null) {
            TERMINAL.remove();
        } else {
            TERMINAL.set(attached);
        }
    }

    static boolean wanted(boolean json) {
        Boolean attached = TERMINAL.get();
        return !json && (attached != null ? attached : System.console() != null);
    }

    /** Blocks, redrawing every 100 ms, until the job is final; then erases the bar. */
    static void follow(Job job, PrintStream err) throws InterruptedException {
        boolean drawn = false;
        long start = System.nanoTime();
        while (!job.status().isFinal()) {
            // Short runs finish before a bar would be readable; draw only after half a second.
            if (System.nanoTime() - start > 500_000_000L) {
                err.print("\r" + render(job.progress(), job.message()));
                err.flush();
                drawn = true;
            }
            try {
                job.completion().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
                // still running, or finished (the caller reports how)
            }
        }
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }

    static String render(double fraction, String message) {
        int filled = (int) Math.round(fraction * WIDTH);
        String text = message == null ? "" : message;
        if (text.length() > 50) {
            text = text.substring(0, 47) + "...";
        }
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3.0f%% ", 100 * fraction)
                + text;
    }
}
