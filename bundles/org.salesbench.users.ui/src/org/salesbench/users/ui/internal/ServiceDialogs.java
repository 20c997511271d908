package org.salesbench.users.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.ui.forms.Jobs;

/** What the dialogs of this view do when the users service refuses: say why, on the field it names. */
final class ServiceDialogs {

    private ServiceDialogs() {
    }

    /**
     * Runs {@code work}; if the service refuses, shows each field's error next to the field and the first one in the
     * dialog's message area, and answers {@code false}.
     */
    static boolean attempt(TitleAreaDialog dialog, FieldDecorations fields, Runnable work) {
        try {
            work.run();
            fields.showErrors(Map.of());
            dialog.setErrorMessage(null);
            return true;
        } catch (ValidationException e) {
            Map<String, String> byField = new LinkedHashMap<>();
            for (FieldError error : e.getErrors()) {
                byField.putIfAbsent(error.field(), error.message());
            }
            fields.showErrors(byField);
            dialog.setErrorMessage(e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().get(0).message());
            return false;
        } catch (AccessDeniedException e) {
            fields.showErrors(Map.of());
            dialog.setErrorMessage(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // anything else the service or the database refuses: the dialog stays open and says what
            fields.showErrors(Map.of());
            dialog.setErrorMessage(Jobs.message(e));
            return false;
        }
    }
}
