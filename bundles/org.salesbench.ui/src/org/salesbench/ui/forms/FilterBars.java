package org.salesbench.ui.forms;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The filter bar above a list view: a search box and labelled filters in a row that wraps when the view is narrow. */
public final class FilterBars {

    private FilterBars() {
    }

    /** A bar filling the width of a one-column grid {@code parent}. */
    public static Composite create(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginLeft = 0;
        layout.spacing = 6;
        bar.setLayout(layout);
        return bar;
    }

    /** The search box; {@code changed} runs on every keystroke (the view debounces it). */
    public static Text search(Composite bar, String hint, Runnable changed) {
        Text text = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage(hint);
        text.setLayoutData(new RowData(180, SWT.DEFAULT));
        text.addModifyListener(e -> changed.run());
        return text;
    }

    /** A label and, in the returned composite, the filter control the caller adds, kept together when the bar wraps. */
    public static Composite labelled(Composite bar, String label) {
        Composite pair = new Composite(bar, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.marginLeft = 0;
        layout.marginRight = 0;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        pair.setLayout(layout);
        new Label(pair, SWT.NONE).setText(label);
        return pair;
    }
}
