package org.salesbench.ui.internal.preferences;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;
import org.salesbench.ui.internal.Messages;

/**
 * The picklists of every module (industry, loss reason, …): an administrator adds values, renames them in both
 * languages, reorders and deactivates them; everyone else sees the lists read-only (the {@link Picklists} service
 * refuses their changes too). Each change is saved at once.
 */
public class PicklistsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private Picklists picklists;
    private boolean admin;
    private Combo lists;
    private Table table;
    private List<String> listIds = List.of();
    private List<PicklistValue> values = List.of();
    private Button add, rename, up, down, active;

    /** Whether the user may change the lists (an administrator): otherwise the page is read-only. */
    public boolean editable() {
        return admin;
    }

    /** The Add… button, for tests. */
    public Button addButton() {
        return add;
    }

    public PicklistsPreferencePage() {
        noDefaultAndApplyButton();
        setDescription(Messages.Picklists_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        picklists = Services.get(Picklists.class);
        admin = Services.get(SecurityService.class).isPermitted(Action.UPDATE, Picklists.ENTITY, "system");
    }

    @Override
    protected Control createContents(Composite parent) {
        if (picklists == null) {
            init(null);
        }
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        Composite top = new Composite(c, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(top, SWT.NONE).setText(Messages.Picklists_list);
        lists = new Combo(top, SWT.READ_ONLY);
        listIds = picklists.lists();
        listIds.forEach(id -> lists.add(listName(id)));
        lists.addListener(SWT.Selection, e -> refresh(-1));

        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 300;
        data.widthHint = 420;
        table.setLayoutData(data);
        for (String title : List.of(Messages.Picklists_code, Messages.Picklists_english, Messages.Picklists_chinese, Messages.Picklists_active)) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(title);
            column.setWidth(title.equals(Messages.Picklists_active) ? 60 : 120);
        }
        table.addListener(SWT.Selection, e -> enable());

        Composite buttons = new Composite(c, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        add = button(buttons, Messages.Picklists_add, () -> {
            String[] labels = ask(Messages.Picklists_addTitle, "", "");
            if (labels != null) {
                addValue(labels[0], labels[1]);
            }
        });
        rename = button(buttons, Messages.Picklists_rename, () -> {
            PicklistValue v = selected();
            String[] labels = ask(Messages.Picklists_renameTitle, v.labelEn(), v.labelZh());
            if (labels != null) {
                renameValue(v.code(), labels[0], labels[1]);
            }
        });
        up = button(buttons, Messages.Picklists_up, () -> moveValue(selected().code(), table.getSelectionIndex() - 1));
        down = button(buttons, Messages.Picklists_down, () -> moveValue(selected().code(), table.getSelectionIndex() + 1));
        active = button(buttons, Messages.Picklists_deactivate, () -> setValueActive(selected().code(), !selected().active()));
        if (!admin) {
            setMessage(Messages.Picklists_adminOnly, IMessageProvider.WARNING);
        }
        if (!listIds.isEmpty()) {
            lists.select(Math.max(0, listIds.indexOf(Picklists.INDUSTRY)));
        }
        refresh(-1);
        return c;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** The list shown: its id. */
    public String list() {
        int i = lists.getSelectionIndex();
        return i < 0 ? null : listIds.get(i);
    }

    /** Shows {@code list}. */
    public void showList(String list) {
        lists.select(listIds.indexOf(list));
        refresh(-1);
    }

    /** The rows shown, as the table has them: code, English, Chinese, active. */
    public List<String[]> rows() {
        return java.util.Arrays.stream(table.getItems()).map(i -> new String[] {i.getText(0), i.getText(1), i.getText(2), i.getText(3)}).toList();
    }

    /** What the Add button's dialog does on OK. */
    public boolean addValue(String english, String chinese) {
        return change(() -> picklists.add(list(), null, english, chinese).code());
    }

    /** What the Rename button's dialog does on OK. */
    public boolean renameValue(String code, String english, String chinese) {
        return change(() -> picklists.rename(list(), code, english, chinese).code());
    }

    public boolean moveValue(String code, int index) {
        return change(() -> {
            picklists.move(list(), code, index);
            return code;
        });
    }

    public boolean setValueActive(String code, boolean on) {
        return change(() -> picklists.setActive(list(), code, on).code());
    }

    /** Runs a change of the list shown and selects the value it names; a refusal is the page's error message. */
    private boolean change(java.util.function.Supplier<String> work) {
        if (list() == null) {
            return false;
        }
        if (!admin) { // the buttons are off; the service would refuse as well
            setErrorMessage(Messages.Picklists_adminOnly);
            return false;
        }
        try {
            String code = work.get();
            setErrorMessage(null);
            refresh(-1);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).code().equals(code)) {
                    table.setSelection(i);
                }
            }
            enable();
            return true;
        } catch (IllegalArgumentException | AccessDeniedException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    private void refresh(int select) {
        table.removeAll();
        values = list() == null ? List.of() : picklists.values(list());
        for (PicklistValue v : values) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {v.code(), v.labelEn(), v.labelZh(), v.active() ? Messages.Picklists_yes : Messages.Picklists_no});
        }
        if (select >= 0 && select < values.size()) {
            table.setSelection(select);
        }
        enable();
    }

    private PicklistValue selected() {
        return values.get(table.getSelectionIndex());
    }

    private void enable() {
        int i = table.getSelectionIndex();
        boolean one = admin && i >= 0 && i < values.size();
        boolean fixed = Picklists.FIXED_LISTS.contains(list()); // built-in kinds: only renamed
        add.setEnabled(admin && list() != null && !fixed);
        rename.setEnabled(one);
        up.setEnabled(one && !fixed && i > 0);
        down.setEnabled(one && !fixed && i < values.size() - 1);
        active.setEnabled(one && !fixed);
        active.setText(one && !values.get(i).active() ? Messages.Picklists_activate : Messages.Picklists_deactivate);
        active.getParent().layout();
    }

    private static String listName(String id) {
        return switch (id) {
            case Picklists.INDUSTRY -> Messages.Picklists_industry;
            case Picklists.LOSS_REASON -> Messages.Picklists_lossReason;
            case Picklists.CUSTOMER_STATUS -> Messages.Picklists_customerStatus;
            case Picklists.ACTIVITY_TYPE -> Messages.Picklists_activityType;
            case Picklists.LEAD_SOURCE -> Messages.Picklists_leadSource;
            case Picklists.COMPANY_SIZE -> Messages.Picklists_companySize;
            case Picklists.DECISION_ROLE -> Messages.Picklists_decisionRole;
            case Picklists.LEAD_STATUS -> Messages.Picklists_leadStatus;
            default -> id;
        };
    }

    /** The English and Chinese labels the user types, or {@code null} when cancelled. */
    private String[] ask(String title, String english, String chinese) {
        LabelsDialog dialog = new LabelsDialog(getShell(), title, english, chinese);
        return dialog.open() == Dialog.OK ? new String[] {dialog.english, dialog.chinese} : null;
    }

    private static final class LabelsDialog extends Dialog {
        private final String title;
        private String english;
        private String chinese;
        private Text englishText;
        private Text chineseText;

        LabelsDialog(Shell shell, String title, String english, String chinese) {
            super(shell);
            this.title = title;
            this.english = english;
            this.chinese = chinese;
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(title);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText(Messages.Picklists_english);
            englishText = new Text(c, SWT.BORDER);
            englishText.setText(english);
            englishText.setLayoutData(new GridData(250, SWT.DEFAULT));
            new Label(c, SWT.NONE).setText(Messages.Picklists_chinese);
            chineseText = new Text(c, SWT.BORDER);
            chineseText.setText(chinese);
            chineseText.setLayoutData(new GridData(250, SWT.DEFAULT));
            return c;
        }

        @Override
        protected void okPressed() {
            english = englishText.getText();
            chinese = chineseText.getText();
            super.okPressed();
        }
    }
}
