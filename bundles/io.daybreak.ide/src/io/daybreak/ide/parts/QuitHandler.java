package io.daybreak.ide.parts;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File > Quit (Ctrl+Q): closes the workbench. */
public final class QuitHandler {
    @Execute
    void quit(IWorkbench workbench) {
        workbench.close();
    }
}
