package org.salesbench.opportunities.ui.internal;

import java.util.List;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.StrategyInfo;
import org.salesbench.ui.Services;

/**
 * How new leads and opportunities get an owner: the assignment strategy, and per kind whether a
 * record created without an owner is assigned by it. Stored in the database, so it holds for
 * everyone using it; the service checks the permission and refuses with a message.
 */
public class AssignmentPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private AssignmentService service;
    private List<StrategyInfo> strategies = List.of();
    private Combo strategyCombo;
    private Button leadsCheck;
    private Button opportunitiesCheck;

    @Override
    public void init(IWorkbench workbench) {
        service = Services.get(AssignmentService.class);
        setDescription(Messages.Assignment_description);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        new Label(body, SWT.NONE).setText(Messages.Assignment_strategy);
        strategyCombo = new Combo(body, SWT.READ_ONLY);
        strategyCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        leadsCheck = new Button(body, SWT.CHECK);
        leadsCheck.setText(Messages.Assignment_leads);
        leadsCheck.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        opportunitiesCheck = new Button(body, SWT.CHECK);
        opportunitiesCheck.setText(Messages.Assignment_opportunities);
        opportunitiesCheck.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Label note = new Label(body, SWT.WRAP);
        note.setText(Messages.Assignment_note);
        GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        noteData.widthHint = 360;
        note.setLayoutData(noteData);
        // a handful of settings rows: read as the page opens, like the pipelines page
        strategies = service.strategies();
        strategies.forEach(s -> strategyCombo.add(s.label()));
        show(service.configuredStrategy(), service.isAutoAssignEnabled(AssignableKind.LEAD),
                service.isAutoAssignEnabled(AssignableKind.OPPORTUNITY));
        return body;
    }

    private void show(String strategyId, boolean leads, boolean opportunities) {
        for (int i = 0; i < strategies.size(); i++) {
            if (strategies.get(i).id().equals(strategyId)) {
                strategyCombo.select(i);
            }
        }
        leadsCheck.setSelection(leads);
        opportunitiesCheck.setSelection(opportunities);
    }

    @Override
    protected void performDefaults() {
        show(AssignmentService.ROUND_ROBIN, false, false);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (strategyCombo == null) {
            return true;
        }
        try {
            if (strategyCombo.getSelectionIndex() >= 0) {
                service.configureStrategy(strategies.get(strategyCombo.getSelectionIndex()).id());
            }
            service.setAutoAssignEnabled(AssignableKind.LEAD, leadsCheck.getSelection());
            service.setAutoAssignEnabled(AssignableKind.OPPORTUNITY, opportunitiesCheck.getSelection());
            setErrorMessage(null);
            return true;
        } catch (ValidationException | AccessDeniedException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    Combo strategyCombo() {
        return strategyCombo;
    }

    Button leadsCheck() {
        return leadsCheck;
    }

    Button opportunitiesCheck() {
        return opportunitiesCheck;
    }
}
