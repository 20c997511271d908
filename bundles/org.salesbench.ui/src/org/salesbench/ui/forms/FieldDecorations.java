package org.salesbench.ui.forms;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * The fields of a form page by the names the model's validation uses, each with an error decoration that
 * shows the model's message on the field. One per page.
 */
public final class FieldDecorations {

    private final Map<String, ControlDecoration> decorations = new HashMap<>();
    private final Map<String, Control> fields = new HashMap<>();

    /** Registers the widget of a field (named as in the model's FieldErrors), with a hidden error decoration. */
    public void register(String field, Control control) {
        fields.put(field, control);
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        decoration.hide();
        decorations.put(field, decoration);
    }

    /** Shows each field's error, field name to message, and hides the others. */
    public void showErrors(Map<String, String> errors) {
        decorations.forEach((field, decoration) -> {
            String message = errors.get(field);
            if (message == null) {
                decoration.hide();
            } else {
                decoration.setDescriptionText(message);
                decoration.show();
            }
        });
    }

    public Control field(String name) {
        return fields.get(name);
    }

    public ControlDecoration decoration(String name) {
        return decorations.get(name);
    }
}
