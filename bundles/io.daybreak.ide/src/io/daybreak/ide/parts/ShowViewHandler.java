package io.daybreak.ide.parts;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Window > Show View > (view), also Alt+Shift+Q and the view's letter: brings the view forward and focuses it. */
public final class ShowViewHandler {
    static final String PART = "io.daybreak.ide.commandparameter.part";

    @Execute
    void show(@Named(PART) String partId, EPartService parts) {
        parts.showPart(partId, PartState.ACTIVATE);
    }
}
