package io.daybreak.ide.parts;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.ide.bundles.BundleInstaller;

/** File > Install Method Bundle...: installs or updates a method bundle from a jar; the catalog follows. */
public final class InstallBundleHandler {
    @Execute
    void install(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Install a method bundle");
        dialog.setFilterExtensions(new String[] {"*.jar"});
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            Bundle bundle = new BundleInstaller(FrameworkUtil.getBundle(getClass()).getBundleContext())
                    .install(Path.of(file));
            Dialogs.information(shell, "Install Method Bundle", bundle.getSymbolicName() + " " + bundle.getVersion()
                    + " is installed and started.");
        } catch (BundleException e) {
            Dialogs.error(shell, "Install Method Bundle", e.getMessage());
        }
    }
}
