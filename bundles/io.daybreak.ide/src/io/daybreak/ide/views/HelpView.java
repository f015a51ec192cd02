package io.daybreak.ide.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.TableSpec;
import io.daybreak.core.registry.RegisteredMethod;

/**
 * The Help view: the selected method as its descriptor states it, the text {@code describe <id>} prints in the
 * console, laid out for reading: title, description, reference, input tables with the columns they need,
 * parameters (type and allowed values, default, unit, documentation) and output tables.
 */
public final class HelpView {
    private final StyledText text;

    public HelpView(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout());
        text = new StyledText(area, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        text.setMargins(8, 8, 8, 8);
        text.setText("Select a method in the catalog to read about it here.");
    }

    /** Shows a method's documentation. */
    public void show(RegisteredMethod method) {
        MethodDescriptor d = method.descriptor();
        StringBuilder body = new StringBuilder();
        List<int[]> bold = new ArrayList<>();
        heading(body, bold, d.id() + ": " + d.title());
        body.append(d.category()).append(", version ").append(method.version()).append(", bundle ")
                .append(method.bundleSymbolicName()).append("\n\n");
        if (!d.description().isEmpty()) {
            body.append(d.description()).append("\n\n");
        }
        if (!d.reference().isEmpty()) {
            heading(body, bold, "Reference");
            body.append(d.reference()).append("\n\n");
        }
        tables(body, bold, "Input tables", d.inputs());
        if (!d.parameters().isEmpty()) {
            heading(body, bold, "Parameters");
            for (ParameterSpec spec : d.parameters()) {
                int start = body.length();
                body.append(spec.name());
                bold.add(new int[] {start, spec.name().length()});
                body.append(spec.required() ? " (required)" : "").append(": ").append(allowed(spec));
                if (spec.defaultValue() != null) {
                    body.append("; default ").append(io.daybreak.data.NumberText.text(spec.defaultValue()));
                }
                body.append(spec.unit().isEmpty() ? "" : "; unit " + spec.unit()).append('\n');
                if (!spec.doc().isEmpty()) {
                    body.append("    ").append(spec.doc()).append('\n');
                }
            }
            body.append('\n');
        }
        tables(body, bold, "Output tables", d.outputs());
        text.setText(body.toString().stripTrailing());
        for (int[] range : bold) {
            text.setStyleRange(new StyleRange(range[0], range[1], null, null, SWT.BOLD));
        }
        text.setTopPixel(0);
    }

    private static String allowed(ParameterSpec spec) {
        if (ColumnParameters.isColumn(spec)) {
            return (ColumnParameters.numeric(spec) ? "numeric " : "") + (ColumnParameters.list(spec)
                    ? "columns of the input table, comma-separated" : "column of the input table");
        }
        return spec.allowed();
    }

    private static void heading(StringBuilder body, List<int[]> bold, String heading) {
        bold.add(new int[] {body.length(), heading.length()});
        body.append(heading).append('\n');
    }

    private static void tables(StringBuilder body, List<int[]> bold, String heading, List<TableSpec> tables) {
        if (tables.isEmpty()) {
            return;
        }
        heading(body, bold, heading);
        for (TableSpec table : tables) {
            // a table whose columns the parameters name declares none; "no particular columns" would mislead
            body.append(table.name()).append(table.required() ? "" : " (optional)")
                    .append(table.columns().isEmpty() ? "" : ": " + table.describe()).append('\n');
            if (!table.doc().isEmpty()) {
                body.append("    ").append(table.doc()).append('\n');
            }
        }
        body.append('\n');
    }

    /** The text shown, for tests. */
    public String text() {
        return text.getText();
    }
}
