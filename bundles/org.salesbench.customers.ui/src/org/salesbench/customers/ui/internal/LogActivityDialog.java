package org.salesbench.customers.ui.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Contact;

/** Logs a call, visit, e-mail, meeting or note, with its outcome and the next step. */
public class LogActivityDialog extends TitleAreaDialog {

    private final List<Contact> contacts;
    private Combo type;
    private DateTime day;
    private DateTime time;
    private Combo contact;
    private Text summary;
    private Text outcome;
    private Text nextStep;
    private Button hasNextDate;
    private DateTime nextDate;
    private Combo satisfaction;
    private Activity activity;

    public LogActivityDialog(Shell parent, List<Contact> contacts) {
        super(parent);
        this.contacts = contacts;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Action_logActivity);
        setMessage(Messages.Activity_dialogMessage);
        getShell().setText(Messages.Action_logActivity);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText(Messages.Activity_type);
        type = new Combo(c, SWT.READ_ONLY);
        Arrays.stream(ActivityType.values()).map(Labels::of).forEach(type::add);
        type.select(0);
        type.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(c, SWT.NONE).setText(Messages.Activity_when);
        day = new DateTime(c, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        time = new DateTime(c, SWT.TIME | SWT.SHORT | SWT.BORDER);
        new Label(c, SWT.NONE).setText(Messages.Activity_contact);
        contact = new Combo(c, SWT.READ_ONLY);
        contact.add("");
        contacts.forEach(k -> contact.add(k.getName()));
        contact.select(0);
        contact.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        summary = text(c, Messages.Activity_summary);
        outcome = text(c, Messages.Activity_outcome);
        nextStep = text(c, Messages.Activity_nextStep);
        new Label(c, SWT.NONE).setText(Messages.Activity_nextStepDate);
        hasNextDate = new Button(c, SWT.CHECK);
        nextDate = new DateTime(c, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate inAWeek = LocalDate.now(Clocks.system()).plusDays(7);
        nextDate.setDate(inAWeek.getYear(), inAWeek.getMonthValue() - 1, inAWeek.getDayOfMonth());
        nextDate.setEnabled(false);
        hasNextDate.addListener(SWT.Selection, e -> nextDate.setEnabled(hasNextDate.getSelection()));
        new Label(c, SWT.NONE).setText(Messages.Activity_satisfaction);
        satisfaction = new Combo(c, SWT.READ_ONLY);
        satisfaction.add(Messages.Activity_notRated);
        for (int rating = 1; rating <= 5; rating++) {
            satisfaction.add(Labels.satisfaction(rating));
        }
        satisfaction.select(0);
        satisfaction.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        summary.addModifyListener(e -> check());
        return area;
    }

    private Text text(Composite parent, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        data.widthHint = 340;
        text.setLayoutData(data);
        return text;
    }

    private void check() {
        boolean ok = !summary.getText().isBlank();
        setErrorMessage(ok ? null : Messages.Activity_summaryRequired);
        Button button = getButton(IDialogConstants.OK_ID);
        if (button != null) {
            button.setEnabled(ok);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    @Override
    protected void okPressed() {
        LocalDateTime when = LocalDateTime.of(day.getYear(), day.getMonth() + 1, day.getDay(), time.getHours(), time.getMinutes());
        activity = new Activity(ActivityType.values()[type.getSelectionIndex()], when, summary.getText().strip());
        activity.setOutcome(outcome.getText().isBlank() ? null : outcome.getText().strip());
        activity.setNextStep(nextStep.getText().isBlank() ? null : nextStep.getText().strip());
        if (hasNextDate.getSelection()) {
            activity.setNextStepDate(LocalDate.of(nextDate.getYear(), nextDate.getMonth() + 1, nextDate.getDay()));
        }
        if (satisfaction.getSelectionIndex() > 0) {
            activity.setSatisfaction(satisfaction.getSelectionIndex());
        }
        if (contact.getSelectionIndex() > 0) {
            activity.setContact(contacts.get(contact.getSelectionIndex() - 1));
        }
        super.okPressed();
    }

    public Activity activity() {
        return activity;
    }
}
