package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.study.Study;

/**
 * A form generated from a method's parameter specs: a typed widget per parameter (text, choice, check box),
 * defaults filled in, unit and allowed range beside it, the documentation as tooltip. Every change is
 * checked by the spec itself ({@link ParameterSpec#bind}) and then the whole set by {@link Parameters#bind};
 * the problem is shown next to the field and Run stays disabled until the form is valid.
 *
 * <p>Above the parameters, a picker per input table of the method ({@link InputTables}): files are read into the
 * allocator the owner gives, and the pickers own them; a run leases them ({@link #leaseInputs()}) and releases
 * them when it is over. Column parameters offer the chosen table's columns.
 */
public final class ParameterForm {
    private final ScrolledComposite scroll;
    private final Composite form;
    private final Label title;
    private final InputTables inputs;
    private final ParameterFields fields;
    private final Label problem;
    private final Text seed;
    private final Button run;
    private MethodDescriptor descriptor;
    private Consumer<Map<String, String>> runAction = values -> { };

    /** A form for methods without input tables (a table cannot be read without an allocator). */
    public ParameterForm(Composite parent) {
        this(parent, () -> null, RecentFiles.inMemory());
    }

    /**
     * @param allocator where input tables are read; the owner closes it after the form is disposed
     * @param recent    the recent input files offered by the pickers
     */
    public ParameterForm(Composite parent, Supplier<BufferAllocator> allocator, RecentFiles recent) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        if (parent.getLayout() instanceof GridLayout) {
            scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        }
        form = new Composite(scroll, SWT.NONE);
        scroll.setContent(form);
        scroll.addListener(SWT.Resize, event -> fit());
        form.setLayout(new GridLayout(1, false));
        title = new Label(form, SWT.WRAP);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        title.setText("Select a method in the catalog.");
        inputs = new InputTables(form, allocator, recent, this::inputsChanged);
        inputs.acceptDrops(form);
        fields = new ParameterFields(form, this::validate);
        fields.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite seedRow = new Composite(form, SWT.NONE);
        seedRow.setLayout(new GridLayout(2, false));
        Label seedLabel = new Label(seedRow, SWT.NONE);
        seedLabel.setText("seed");
        seedLabel.setToolTipText("random seed of the run; empty: a fresh one (shown in the run's provenance)");
        seed = new Text(seedRow, SWT.BORDER);
        GridData seedLayout = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        seedLayout.widthHint = 200;
        seed.setLayoutData(seedLayout);
        seed.setToolTipText(seedLabel.getToolTipText());
        seed.addListener(SWT.Modify, event -> validate());
        problem = new Label(form, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        problem.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        // Run stays visible below the scrolled fields, however many parameters a method has
        run = new Button(parent, SWT.PUSH);
        run.setText("&Run");
        run.setEnabled(false);
        run.addListener(SWT.Selection, event -> {
            if (validate()) {
                runAction.accept(values());
            }
        });
    }

    /** Called with the form's values (text, by parameter name; empty fields left out) when Run is pressed. */
    public void onRun(Consumer<Map<String, String>> action) {
        this.runAction = action;
    }

    /** Shows the parameters of a method, with their defaults. */
    public void show(MethodDescriptor method) {
        this.descriptor = method;
        // the description is in the Help view (and this tooltip): the form keeps its room for the fields
        title.setText(method.id() + ": " + method.title());
        title.setToolTipText(method.description().isEmpty() ? null : method.description());
        inputs.show(method.inputs());
        fields.show(method);
        fields.columns(inputs.columns(), inputs::numeric);
        validate();
        form.layout(true, true);
        fit();
    }

    /** A table was chosen: the column drop-downs offer its columns, and the form is checked again. */
    private void inputsChanged() {
        fields.columns(inputs.columns(), inputs::numeric);
        validate();
        form.layout(true, true);
        fit();
    }

    /** The input tables' pickers. */
    public InputTables inputs() {
        return inputs;
    }

    /**
     * One reference to each chosen input table, by input name, for a run: the caller passes the tables to the job
     * and releases each when the job is over.
     */
    public Map<String, LoadedTable> leaseInputs() {
        return inputs.lease();
    }

    /** Picks a column from a column parameter's drop-down as a user would. */
    public void pick(String parameter, String column) {
        fields.pick(parameter, column);
    }

    /** The items a column parameter's drop-down offers (the chosen table's columns of the right type). */
    public java.util.List<String> columnChoices(String parameter) {
        return fields.columnChoices(parameter);
    }

    /** Lays the form out at the visible width, wrapping the description; scroll bars for what does not fit. */
    private void fit() {
        int width = Math.max(200, scroll.getClientArea().width);
        ((GridData) title.getLayoutData()).widthHint = width - 20;
        scroll.setMinSize(form.computeSize(width, SWT.DEFAULT, true));
        form.layout(true, true);
    }

    /** Sets a field's text (or check state) as a user would; the form re-validates. */
    public void set(String parameter, String value) {
        fields.set(parameter, value);
    }

    /** The values as text, by parameter name; empty fields are left out (their defaults apply). */
    public Map<String, String> values() {
        return fields.values();
    }

    /** Checks every field and the whole set; shows the problems; enables Run only when all is valid. */
    public boolean validate() {
        if (descriptor == null) {
            return false;
        }
        ParameterFields.Check checked = fields.validate();
        boolean valid = checked.valid();
        String overall = checked.problem();
        String input = inputs.problem();
        if (!input.isEmpty()) {
            valid = false;
            overall = overall.isEmpty() ? input : overall;
        }
        if (valid && !seed.getText().isBlank()) {
            try {
                Long.parseLong(seed.getText().strip());
            } catch (NumberFormatException e) {
                overall = "seed must be a whole number (64-bit), or empty for a fresh one";
                valid = false;
            }
        }
        problem.setText(overall);
        run.setEnabled(valid);
        form.layout(true);
        return valid;
    }

    /** Puts the preferred seed in the seed field, unless one was typed. */
    public void defaultSeed(long value) {
        if (seed.getText().isBlank()) {
            seed.setText(Long.toString(value));
        }
    }

    /** The seed typed in, or null for a fresh one (call when the form is valid). */
    public Long seed() {
        return seed.getText().isBlank() ? null : Long.parseLong(seed.getText().strip());
    }

    /** The form as a study file's content: the method, its values and the seed (no input files). */
    public Study study() {
        return study(null);
    }

    /**
     * The form as a study file's content: the method, its values, the seed and the chosen input files, relative to
     * {@code directory} (the study file's folder) where they can be, else absolute.
     */
    public Study study(Path directory) {
        if (descriptor == null) {
            throw new IllegalStateException("no method is shown");
        }
        Map<String, String> files = new LinkedHashMap<>();
        inputs.files().forEach((name, file) -> files.put(name, relative(directory, file)));
        return new Study(descriptor.id(), values(), seed(), files, null);
    }

    private static String relative(Path directory, Path file) {
        if (directory == null) {
            return file.toString();
        }
        Path base = directory.toAbsolutePath().normalize();
        try {
            return base.getRoot() != null && base.getRoot().equals(file.getRoot())
                    ? base.relativize(file).toString().replace('\\', '/') : file.toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /**
     * Fills the form from a study of the method it shows (other fields keep their defaults), reading its input
     * files relative to {@code directory}, the study file's folder.
     */
    public void load(Study study, Path directory) {
        load(study);
        study.inputs().forEach((name, file) -> {
            InputPicker picker = inputs.picker(name);
            if (picker == null) {
                throw new IllegalArgumentException("method " + study.method() + " has no input '" + name + "'");
            }
            picker.choose(directory.resolve(file));
        });
        validate();
    }

    /** Fills the form from a study of the method it shows (other fields keep their defaults). */
    public void load(Study study) {
        if (descriptor == null || !descriptor.id().equals(study.method())) {
            throw new IllegalArgumentException("the form shows " + (descriptor == null ? "no method" : descriptor.id())
                    + ", the study is for " + study.method());
        }
        study.parameters().forEach((name, value) -> {
            if (fields.has(name)) {
                set(name, value);
            }
        });
        seed.setText(study.seed() == null ? "" : Long.toString(study.seed()));
        validate();
    }

    /** The problem shown below the fields: of the whole set or of an input table ("" when there is none). */
    public String overallProblem() {
        return problem.getText();
    }

    /** The problem shown for a parameter ("" when it is valid). */
    public String problem(String parameter) {
        return fields.problem(parameter);
    }

    public Button runButton() {
        return run;
    }

    public Composite control() {
        return scroll;
    }
}
