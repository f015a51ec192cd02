package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import io.daybreak.ide.preferences.IdePreferences;
import io.daybreak.ide.preferences.PreferencePages;

/** Window > Preferences: the pages refuse bad values with a message naming the field; OK values are kept. */
class PreferencesTest extends UiTestSupport {

    @Test
    void pagesCheckWhatIsTypedAndTheValuesSurviveARestart() throws Exception {
        Path workspace = Files.createTempDirectory("daybreak-ide-preferences");
        Path certificate = Files.writeString(workspace.resolve("alice.pem"), "not read here");
        IdePreferences preferences = IdePreferences.load(workspace.resolve("daybreak-ide.prefs"));
        assertEquals(Optional.empty(), preferences.seed());
        assertEquals(Optional.empty(), preferences.federation());

        FieldEditorPreferencePage runs = new PreferencePages.RunsPage();
        runs.setPreferenceStore(preferences.store());
        runs.createControl(shell);
        show();
        List<Text> runFields = texts(runs.getControl());
        type(runFields.get(0), "12x");
        assertFalse(runs.isValid());
        assertTrue(runs.getErrorMessage().contains("Default seed") && runs.getErrorMessage().contains("64-bit"),
                runs.getErrorMessage());
        type(runFields.get(0), "20261124");
        type(runFields.get(1), workspace.toString());
        assertTrue(runs.isValid(), runs.getErrorMessage());
        screenshot("preferences-runs");
        assertTrue(runs.performOk());
        runs.getControl().dispose();

        FieldEditorPreferencePage federation = new PreferencePages.FederationPage();
        federation.setPreferenceStore(preferences.store());
        federation.createControl(shell);
        shell.layout(true, true);
        List<Text> fedFields = texts(federation.getControl());
        type(fedFields.get(0), "site0=localhost:47100,site1");
        assertFalse(federation.isValid());
        assertTrue(federation.getErrorMessage().contains("'site1'"), federation.getErrorMessage());
        type(fedFields.get(0), "site0=localhost:47100,site1=localhost:70000");
        assertFalse(federation.isValid());
        assertTrue(federation.getErrorMessage().contains("70000"), federation.getErrorMessage());
        type(fedFields.get(0), "site0=localhost:47100,site1=localhost:47101");
        type(fedFields.get(1), workspace.resolve("missing.pem").toString());
        assertFalse(federation.isValid());
        assertTrue(federation.getErrorMessage().startsWith("Certificate"), federation.getErrorMessage());
        type(fedFields.get(1), certificate.toString());
        assertTrue(federation.isValid(), federation.getErrorMessage());
        assertTrue(federation.performOk());
        preferences.save();

        IdePreferences restarted = IdePreferences.load(workspace.resolve("daybreak-ide.prefs"));
        assertEquals(Optional.of(20261124L), restarted.seed());
        assertEquals(workspace, restarted.studyDirectory());
        assertEquals("site0=localhost:47100,site1=localhost:47101", restarted.federation().orElseThrow().nodes());
        assertEquals(certificate, restarted.federation().orElseThrow().certificate());
    }

    @Test
    void recentInputFilesAreKeptNewestFirstAcrossARestart() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("daybreak-recent").resolve("daybreak-ide.prefs");
        IdePreferences preferences = IdePreferences.load(file);
        for (int i = 0; i < 12; i++) {
            preferences.rememberInput(java.nio.file.Path.of("/data/file" + i + ".csv"));
        }
        preferences.rememberInput(java.nio.file.Path.of("/data/file5.csv"));
        java.util.List<java.nio.file.Path> recent = IdePreferences.load(file).recentInputs();
        assertEquals(IdePreferences.RECENT_LIMIT, recent.size());
        assertEquals(java.nio.file.Path.of("/data/file5.csv"), recent.get(0), "chosen again: first, once");
        assertEquals(java.nio.file.Path.of("/data/file11.csv"), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.toString().equals("/data/file5.csv")).count());
    }

    @Test
    void anUnreadablePreferencesFileIsNamed() throws Exception {
        Path directory = Files.createTempDirectory("daybreak-ide-preferences").resolve("daybreak-ide.prefs");
        Files.createDirectories(directory);
        IOException problem = assertThrows(IOException.class, () -> IdePreferences.load(directory));
        assertTrue(problem.getMessage().contains(directory.toString()), problem.getMessage());
    }

    /** Types into a field as a user would: the text changes, a key goes up, the focus leaves. */
    private void type(Text field, String text) {
        field.setText(text);
        field.notifyListeners(SWT.KeyUp, new Event());
        field.notifyListeners(SWT.FocusOut, new Event());
        spin(java.time.Duration.ofMillis(20), () -> false);
    }

    private static List<Text> texts(Control control) {
        List<Text> found = new ArrayList<>();
        if (control instanceof Text text) {
            found.add(text);
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(texts(child));
            }
        }
        return found;
    }
}
