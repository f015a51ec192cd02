package io.daybreak.ide.parts;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.ide.views.RepositoryInstallView;

/**
 * File > Install from p2 Repository...: lists a repository's bundles and installs or updates the chosen ones;
 * the jars are kept in the workspace's {@value #DOWNLOADS} folder, where the installed bundles are located.
 */
public final class InstallFromRepositoryHandler {
    static final String DOWNLOADS = "installed-bundles";

    @Execute
    void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell parent) {
        Shell dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
        dialog.setText("Install from p2 Repository");
        dialog.setLayout(new FillLayout());
        new RepositoryInstallView(dialog, FrameworkUtil.getBundle(getClass()).getBundleContext(),
                PreferencesAddon.workspace().resolve(DOWNLOADS));
        dialog.setSize(820, 480);
        dialog.open();
    }
}
