package io.daybreak.ide.preferences;

import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.preference.StringFieldEditor;

import io.daybreak.federation.grpc.RemoteSites;

/** The pages of Window > Preferences: Runs and Federation, with their checks. */
public final class PreferencePages {
    private PreferencePages() {
    }

    /** The preference tree for a {@link org.eclipse.jface.preference.PreferenceDialog}. */
    public static PreferenceManager manager(IPreferenceStore store) {
        PreferenceManager manager = new PreferenceManager();
        RunsPage runs = new RunsPage();
        runs.setPreferenceStore(store);
        manager.addToRoot(new PreferenceNode("io.daybreak.ide.preferences.runs", runs));
        FederationPage federation = new FederationPage();
        federation.setPreferenceStore(store);
        manager.addToRoot(new PreferenceNode("io.daybreak.ide.preferences.federation", federation));
        return manager;
    }

    /** Seed and study folder. */
    public static final class RunsPage extends FieldEditorPreferencePage {
        public RunsPage() {
            super("Runs", GRID);
            setDescription("Defaults for runs and study files.");
        }

        @Override
        protected void createFieldEditors() {
            addField(new CheckedField(IdePreferences.SEED, "Default &seed:", getFieldEditorParent(),
                    "a whole number (64-bit), or empty for a fresh seed per run") {
                @Override
                boolean accepts(String text) {
                    try {
                        Long.parseLong(text);
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            });
            DirectoryFieldEditor studies = new DirectoryFieldEditor(IdePreferences.STUDY_DIRECTORY,
                    "Study &folder:", getFieldEditorParent());
            studies.setErrorMessage("Study folder: no such folder");
            addField(studies);
        }
    }

    /** The site nodes and certificate files the Federation view starts with. */
    public static final class FederationPage extends FieldEditorPreferencePage {
        public FederationPage() {
            super("Federation", GRID);
            setDescription("The study's site nodes and your certificate, used when the Federation view opens.");
        }

        @Override
        protected void createFieldEditors() {
            addField(new CheckedField(IdePreferences.NODES, "&Nodes:", getFieldEditorParent(),
                    "name=host:port,name=host:port,... with ports 1-65535") {
                @Override
                boolean accepts(String text) {
                    try {
                        RemoteSites.Endpoint.parseList(text);
                        return true;
                    } catch (IllegalArgumentException e) {
                        setErrorMessage("Nodes: " + e.getMessage());
                        return false;
                    }
                }
            });
            addField(file(IdePreferences.CERTIFICATE, "&Certificate (PEM):"));
            addField(file(IdePreferences.KEY, "&Key (PEM):"));
            addField(file(IdePreferences.TRUST, "&Trust (study CA):"));
        }

        private FileFieldEditor file(String name, String label) {
            FileFieldEditor editor = new FileFieldEditor(name, label, true, getFieldEditorParent());
            editor.setEmptyStringAllowed(true);
            editor.setErrorMessage(label.replace("&", "").replace(":", "") + ": no such file");
            return editor;
        }
    }

    /** A text field that may be empty, or else must pass a check; the error names the field and what it allows. */
    private abstract static class CheckedField extends StringFieldEditor {
        private final String label;
        private final String allowed;

        CheckedField(String name, String label, org.eclipse.swt.widgets.Composite parent, String allowed) {
            super(name, label, parent);
            this.label = label.replace("&", "").replace(":", "");
            this.allowed = allowed;
            setEmptyStringAllowed(true);
        }

        abstract boolean accepts(String text);

        @Override
        protected boolean doCheckState() {
            String text = getStringValue().strip();
            setErrorMessage(label + " must be " + allowed);
            return text.isEmpty() || accepts(text);
        }
    }
}
