package io.daybreak.ide.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.ArrowMemory;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.grpc.Coordinator;
import io.daybreak.ide.preferences.IdePreferences;
import io.daybreak.ide.views.FederationView;

/** The Federation part: site nodes, what they offer, federated analyses with their certificate, study files. */
public final class FederationPart {
    @Inject
    private ArrowMemory memory;
    @Inject
    private IdePreferences preferences;
    private BufferAllocator allocator;
    private ServiceTracker<FederatedMethod, FederatedMethod> methods;
    private ServiceTracker<Coordinator, Coordinator> coordinator;
    private FederationView view;

    @PostConstruct
    void create(Composite parent) {
        allocator = memory.newChildAllocator("ide federation");
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        methods = new ServiceTracker<>(context, FederatedMethod.class, null);
        methods.open();
        coordinator = new ServiceTracker<>(context, Coordinator.class, null);
        coordinator.open();
        view = new FederationView(parent, () -> List.copyOf(methods.getTracked().values()), coordinator::getService,
                allocator);
        view.onStudyButtons(this::saveStudy, this::openStudy);
        preferences.federation().ifPresent(f -> view.configure(f.nodes(), f.certificate(), f.key(), f.trust()));
    }

    private void saveStudy() {
        FileDialog dialog = new FileDialog(view.control().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.json"});
        dialog.setFileName("federated.study.json");
        dialog.setFilterPath(preferences.studyDirectory().toString());
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            StudyFiles.write(view.study(path.getParent()), path);
        } catch (IOException | RuntimeException e) {
            Dialogs.error(view.control().getShell(), "Cannot save the study", file + ": " + e.getMessage());
        }
    }

    private void openStudy() {
        FileDialog dialog = new FileDialog(view.control().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.json"});
        dialog.setFilterPath(preferences.studyDirectory().toString());
        String file = dialog.open();
        if (file == null) {
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            view.load(StudyFiles.read(path), path.getParent());
        } catch (RuntimeException e) {
            Dialogs.error(view.control().getShell(), "Cannot open the study", e.getMessage());
        }
    }

    @PreDestroy
    void dispose() {
        coordinator.close();
        methods.close();
        allocator.close();
    }
}
