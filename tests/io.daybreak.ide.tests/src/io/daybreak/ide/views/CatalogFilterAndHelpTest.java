package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.Test;

import io.daybreak.core.registry.MethodRegistry;

/** The catalog's filter box narrows the methods by every word typed; the Help view documents the selected one. */
class CatalogFilterAndHelpTest extends UiTestSupport {

    @Test
    void theFilterKeepsMatchingMethodsAndHelpDescribesTheSelectedOne() throws Exception {
        MethodRegistry registry = service(MethodRegistry.class);
        SashForm split = new SashForm(shell, SWT.HORIZONTAL);
        CatalogView catalog = new CatalogView(split, registry);
        HelpView help = new HelpView(split);
        catalog.onSelect(help::show);
        show();
        int all = catalog.methodIds().size();
        catalog.filter("kaplan");
        assertTrue(catalog.methodIds().contains("stats.km"), catalog.methodIds().toString());
        assertTrue(catalog.methodIds().size() < all, catalog.methodIds().toString());
        catalog.filter("cox proportional");
        assertTrue(catalog.methodIds().contains("stats.cox"), catalog.methodIds().toString());
        assertTrue(catalog.methodIds().stream().noneMatch(id -> id.startsWith("design.")), catalog.methodIds().toString());
        catalog.filter("no such words here");
        assertEquals(List.of(), catalog.methodIds());
        catalog.filter("");
        assertEquals(all, catalog.methodIds().size());

        catalog.filter("survival curves");
        assertTrue(catalog.select("stats.km"));
        String text = help.text();
        assertTrue(text.startsWith("stats.km: Kaplan-Meier survival curves"), text);
        assertTrue(text.contains("Kaplan & Meier, JASA 53:457 (1958)"), "the reference: " + text);
        assertTrue(text.contains("Input tables\ndata\n    one row per patient"), text);
        assertTrue(text.contains("groupBy: column of the input table"), text);
        assertTrue(text.contains("level: real in (0, 1); default 0.95"), text);
        assertTrue(text.contains("Output tables\ncurve: group (float64), time (float64)"), text);
        screenshot("catalog-filter-help");
    }
}
