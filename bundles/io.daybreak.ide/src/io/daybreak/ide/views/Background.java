package io.daybreak.ide.views;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;

/** Runs work off the UI thread; its result or its failure comes back on the UI thread, unless the view is gone. */
final class Background {
    private Background() {
    }

    static <T> void run(Control owner, Callable<T> call, Consumer<T> done, Consumer<Exception> failed) {
        var display = owner.getDisplay();
        Thread worker = new Thread(() -> {
            try {
                T value = call.call();
                display.asyncExec(() -> {
                    if (!owner.isDisposed()) {
                        done.accept(value);
                    }
                });
            } catch (Exception e) {
                display.asyncExec(() -> {
                    if (!owner.isDisposed()) {
                        failed.accept(e);
                    }
                });
            }
        }, "daybreak-ide-background");
        worker.setDaemon(true);
        worker.start();
    }
}
