package io.daybreak.ide.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.ParameterType;
import io.daybreak.core.method.Parameters;

/**
 * The fields of a method's parameters, generated from its specs: per parameter a typed widget (text, choice, check
 * box) with its default filled in, unit and allowed values beside it, the documentation as tooltip, and the
 * field's problem (checked by the spec itself, {@link ParameterSpec#bind}). Used by the Parameters view for local
 * methods and by the Federation view for federated ones, which describe their parameters the same way.
 *
 * <p>Parameters that name columns ({@link ColumnParameters}) are editable drop-downs of the input table's columns
 * once the owner tells which columns there are ({@link #columns}); a name the table does not have is a problem.
 */
public final class ParameterFields {
    /** Combo data: the text of a column list as typed, before the drop-down replaced it. */
    private static final String TYPED = "daybreak.typed";
    private final Composite fields;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> problems = new LinkedHashMap<>();
    private final Runnable changed;
    private MethodDescriptor descriptor;
    private List<String> columns = List.of();
    private Predicate<String> numericColumn = column -> true;

    /** @param changed called after every edit (the owner re-validates) */
    public ParameterFields(Composite parent, Runnable changed) {
        this.changed = changed;
        fields = new Composite(parent, SWT.NONE);
        fields.setLayout(new GridLayout(4, false));
    }

    public Composite control() {
        return fields;
    }

    /** The method shown, or null. */
    public MethodDescriptor descriptor() {
        return descriptor;
    }

    /** Replaces the fields with those of a method, at their defaults. */
    public void show(MethodDescriptor method) {
        this.descriptor = method;
        for (Control child : fields.getChildren()) {
            child.dispose();
        }
        inputs.clear();
        problems.clear();
        for (ParameterSpec spec : method.parameters()) {
            Label name = new Label(fields, SWT.NONE);
            name.setText(spec.name() + (spec.required() ? " *" : ""));
            name.setToolTipText(spec.doc());
            Control input = input(spec);
            input.setToolTipText(spec.doc() + (spec.doc().isEmpty() ? "" : "\n") + "Allowed: " + spec.allowed());
            GridData inputLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
            inputLayout.widthHint = 240;
            inputLayout.minimumWidth = 120;
            input.setLayoutData(inputLayout);
            inputs.put(spec.name(), input);
            Label hint = new Label(fields, SWT.NONE);
            hint.setText((spec.unit().isEmpty() ? "" : spec.unit() + ", ") + allowed(spec));
            Label problem = new Label(fields, SWT.WRAP);
            problem.setForeground(fields.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            GridData problemLayout = new GridData(SWT.FILL, SWT.CENTER, false, false);
            problemLayout.widthHint = 320;
            problem.setLayoutData(problemLayout);
            problems.put(spec.name(), problem);
        }
    }

    /** What a field takes, in words: a column of the input table where the parameter names one. */
    private static String allowed(ParameterSpec spec) {
        if (!ColumnParameters.isColumn(spec)) {
            return spec.allowed();
        }
        String kind = ColumnParameters.numeric(spec) ? "numeric column" : "column";
        return ColumnParameters.list(spec) ? kind + "s, comma-separated" : kind;
    }

    private Control input(ParameterSpec spec) {
        String initial = spec.defaultValue() == null ? "" : text(spec.defaultValue());
        if (spec.type() == ParameterType.BOOLEAN) {
            Button check = new Button(fields, SWT.CHECK);
            check.setSelection(Boolean.TRUE.equals(spec.defaultValue()));
            check.addListener(SWT.Selection, event -> changed.run());
            return check;
        }
        if (ColumnParameters.isColumn(spec)) {
            return columnCombo(spec, initial);
        }
        if (spec.type() == ParameterType.CHOICE) {
            Combo combo = new Combo(fields, SWT.READ_ONLY);
            spec.choices().forEach(combo::add);
            combo.setText(initial);
            combo.addListener(SWT.Selection, event -> changed.run());
            return combo;
        }
        Text text = new Text(fields, SWT.BORDER);
        text.setText(initial);
        text.addListener(SWT.Modify, event -> changed.run());
        return text;
    }

    /**
     * An editable drop-down of the table's columns. For a list of columns a chosen column is added to what was typed
     * (remembered at each key press, since the combo replaces its text before it reports the selection).
     */
    private Combo columnCombo(ParameterSpec spec, String initial) {
        Combo combo = new Combo(fields, SWT.DROP_DOWN);
        combo.setText(initial);
        combo.setData(TYPED, initial);
        combo.addListener(SWT.KeyUp, event -> combo.setData(TYPED, combo.getText()));
        combo.addListener(SWT.Modify, event -> changed.run());
        if (ColumnParameters.list(spec)) {
            combo.addListener(SWT.Selection, event -> {
                String typed = ((String) combo.getData(TYPED)).strip();
                String chosen = combo.getText();
                List<String> names = typed.isEmpty() ? List.of() : List.of(typed.split("\\s*,\\s*"));
                String text = typed.isEmpty() ? chosen : names.contains(chosen) ? typed : typed + "," + chosen;
                combo.setData(TYPED, text);
                combo.setText(text);
            });
        }
        return combo;
    }

    /**
     * The columns of the chosen input table(s), offered by the column parameters' drop-downs (numeric ones only
     * where the parameter wants numbers); empty when no table is chosen.
     */
    public void columns(List<String> names, Predicate<String> numeric) {
        this.columns = List.copyOf(names);
        this.numericColumn = numeric;
        if (descriptor == null) {
            return;
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            if (ColumnParameters.isColumn(spec) && inputs.get(spec.name()) instanceof Combo combo) {
                String text = combo.getText();
                combo.setItems(names.stream().filter(n -> !ColumnParameters.numeric(spec) || numeric.test(n))
                        .toArray(String[]::new));
                combo.setText(text);
            }
        }
    }

    /** Picks a column from a column parameter's drop-down as a user would (the combo shows it, then reports it). */
    public void pick(String parameter, String column) {
        Combo combo = (Combo) inputs.get(parameter);
        combo.select(combo.indexOf(column));
        combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** The items a column parameter's drop-down offers. */
    public List<String> columnChoices(String parameter) {
        return inputs.get(parameter) instanceof Combo combo ? List.of(combo.getItems()) : List.of();
    }

    /** A column parameter's value that is not a column of the table (with the right type), or null. */
    private String columnProblem(ParameterSpec spec, String value) {
        if (columns.isEmpty() || !ColumnParameters.isColumn(spec) || value.contains("~") || value.contains("(")) {
            return null;
        }
        List<String> names = ColumnParameters.list(spec) ? List.of(value.split("\\s*,\\s*")) : List.of(value);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!columns.contains(name)) {
                missing.add("no column '" + name + "' in the table");
            } else if (ColumnParameters.numeric(spec) && !numericColumn.test(name)) {
                missing.add("column '" + name + "' is not numeric");
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    private static String text(Object value) {
        if (value instanceof double[] values) {
            StringBuilder joined = new StringBuilder();
            for (double v : values) {
                joined.append(joined.length() == 0 ? "" : ",").append(v);
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }

    /** Whether the method shown has this parameter. */
    public boolean has(String parameter) {
        return inputs.containsKey(parameter);
    }

    /** Sets a field's text (or check state) as a user would; the owner is told of the change. */
    public void set(String parameter, String value) {
        Control input = inputs.get(parameter);
        if (input instanceof Text text) {
            text.setText(value);
        } else if (input instanceof Combo combo) {
            combo.setText(value);
            combo.setData(TYPED, value);
            changed.run();
        } else if (input instanceof Button check) {
            check.setSelection(Boolean.parseBoolean(value));
            changed.run();
        } else {
            throw new IllegalArgumentException("no parameter " + parameter);
        }
    }

    /** The values as text, by parameter name; empty fields are left out (their defaults apply). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            String value = input instanceof Text text ? text.getText().strip()
                    : input instanceof Combo combo ? combo.getText().strip()
                    : Boolean.toString(((Button) input).getSelection());
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        });
        return values;
    }

    /**
     * What {@link #validate} found.
     *
     * @param valid   whether every field is valid and the values bind together
     * @param problem a problem of the whole set (e.g. a rule across parameters), "" if none; a field's own problem is
     *                shown beside the field
     */
    public record Check(boolean valid, String problem) {
    }

    /** Checks every field, shows each one's problem beside it, then binds the whole set. */
    public Check validate() {
        if (descriptor == null) {
            return new Check(false, "");
        }
        Map<String, String> values = values();
        boolean valid = true;
        for (ParameterSpec spec : descriptor.parameters()) {
            String message = "";
            String value = values.get(spec.name());
            if (value == null && spec.required()) {
                message = "required";
            } else if (value != null) {
                try {
                    spec.bind(value);
                    String column = columnProblem(spec, value);
                    message = column == null ? "" : column;
                } catch (InvalidParameterException e) {
                    message = e.getMessage();
                }
            }
            valid &= message.isEmpty();
            problems.get(spec.name()).setText(message);
        }
        fields.layout(true);
        if (!valid) {
            return new Check(false, "");
        }
        try {
            Parameters.bind(descriptor, values);
            return new Check(true, "");
        } catch (InvalidParameterException e) {
            return new Check(false, e.getMessage());
        }
    }

    /** The problem shown for a parameter ("" when it is valid). */
    public String problem(String parameter) {
        return problems.get(parameter).getText();
    }
}
