package io.daybreak.ide.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

/** Message boxes the parts and handlers show. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(Shell shell, String title, String message) {
        show(shell, SWT.ICON_ERROR, title, message);
    }

    static void information(Shell shell, String title, String message) {
        show(shell, SWT.ICON_INFORMATION, title, message);
    }

    private static void show(Shell shell, int icon, String title, String message) {
        MessageBox box = new MessageBox(shell, icon | SWT.OK);
        box.setText(title);
        box.setMessage(message);
        box.open();
    }
}
