package io.daybreak.ide.parts;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Window > Perspective > Design or Federation (Ctrl+Alt+D, Ctrl+Alt+F): the same views, arranged for the task. */
public final class PerspectiveHandler {
    static final String PERSPECTIVE = "io.daybreak.ide.commandparameter.perspective";

    @Execute
    void open(@Named(PERSPECTIVE) String perspectiveId, MApplication application, EModelService models,
            EPartService parts) {
        List<MPerspective> found = models.findElements(application, perspectiveId, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
