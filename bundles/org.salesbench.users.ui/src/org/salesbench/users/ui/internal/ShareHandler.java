package org.salesbench.users.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.ISources;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.SharedRecord;
import org.salesbench.users.UserService;

/**
 * Edit > Share…: the shares of the record the active editor shows (a customer, an opportunity), for its owner, someone
 * who may edit it, or an administrator. Enabled while such an editor is active.
 */
public class ShareHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        SharedRecord record = sharedRecord(HandlerUtil.getActiveEditorInput(event));
        if (record == null) {
            return null;
        }
        UserService users = Services.get(UserService.class);
        if (!users.mayShare(record.entity(), record.id())) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.Share_title, NLS.bind(Messages.Share_notYours, record.name()));
            return null;
        }
        new ShareDialog(HandlerUtil.getActiveShell(event), users, record).open();
        return null;
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        setBaseEnabled(sharedRecord(HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_EDITOR_INPUT_NAME)) != null);
    }

    private static SharedRecord sharedRecord(Object input) {
        return input instanceof IAdaptable adaptable ? adaptable.getAdapter(SharedRecord.class) : null;
    }
}
