package io.daybreak.ide.parts;

import java.io.IOException;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import io.daybreak.ide.preferences.IdePreferences;
import io.daybreak.ide.preferences.PreferencePages;

/** Window > Preferences...: the Runs and Federation pages; OK saves them to the workspace. */
public final class PreferencesHandler {
    @Execute
    void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IdePreferences preferences) {
        PreferenceDialog dialog = new PreferenceDialog(shell, PreferencePages.manager(preferences.store()));
        if (dialog.open() == Window.OK) {
            try {
                preferences.save();
            } catch (IOException e) {
                Dialogs.error(shell, "Cannot save the preferences", preferences.file() + ": " + e.getMessage());
            }
        }
    }
}
