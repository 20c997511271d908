package org.salesbench.importexport.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.TargetField;

/** Matching with existing records (key fields and what a match does) and the mode. */
public class ImportOptionsPage extends WizardPage {

    private static final OnMatch[] ON_MATCH = { OnMatch.SKIP, OnMatch.UPDATE, OnMatch.CREATE };

    private final ImportWizard wizard;
    private Group keysGroup;
    private final List<Button> keyButtons = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private String keysOf;
    Combo onMatchCombo;
    Button allOrNothing;
    Button validRows;

    ImportOptionsPage(ImportWizard wizard) {
        super("options");
        this.wizard = wizard;
        setTitle(Messages.Options_title);
        setDescription(Messages.Options_description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        keysGroup = new Group(c, SWT.NONE);
        keysGroup.setText(Messages.Options_keys);
        keysGroup.setLayout(new GridLayout(1, false));
        keysGroup.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        new Label(c, SWT.NONE).setText(Messages.Options_onMatch);
        onMatchCombo = new Combo(c, SWT.READ_ONLY);
        onMatchCombo.setItems(Messages.Options_skip, Messages.Options_update, Messages.Options_create);
        onMatchCombo.select(0);
        Group mode = new Group(c, SWT.NONE);
        mode.setText(Messages.Options_mode);
        mode.setLayout(new GridLayout(1, false));
        mode.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        allOrNothing = new Button(mode, SWT.RADIO);
        allOrNothing.setText(Messages.Options_allOrNothing);
        allOrNothing.setSelection(true);
        validRows = new Button(mode, SWT.RADIO);
        validRows.setText(Messages.Options_validRows);
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible && !wizard.targetId().equals(keysOf)) {
            fillKeys();
        }
        super.setVisible(visible);
    }

    private void fillKeys() {
        keyButtons.forEach(Control::dispose);
        keyButtons.clear();
        keys.clear();
        keysOf = wizard.targetId();
        ImportTarget target = wizard.service.target(keysOf).target().orElse(null);
        if (target == null) {
            return;
        }
        for (String key : target.keyFields()) {
            Button b = new Button(keysGroup, SWT.CHECK);
            b.setText(target.fields().stream().filter(f -> f.name().equals(key)).map(TargetField::label).findFirst().orElse(key));
            keyButtons.add(b);
            keys.add(key);
        }
        keysGroup.getParent().layout(true, true);
    }

    /** The keys ticked, in the target's order, and what a match does; no matching when none is ticked. */
    public MatchPolicy matchPolicy() {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < keyButtons.size(); i++) {
            if (keyButtons.get(i).getSelection()) {
                chosen.add(keys.get(i));
            }
        }
        return chosen.isEmpty() ? MatchPolicy.NONE : new MatchPolicy(chosen, ON_MATCH[Math.max(0, onMatchCombo.getSelectionIndex())]);
    }

    public Mode mode() {
        return validRows != null && validRows.getSelection() ? Mode.VALID_ROWS : Mode.ALL_OR_NOTHING;
    }

    /** For tests: ticks a key field and chooses what a match does and the mode. */
    public void choose(String key, OnMatch onMatch, Mode mode) {
        if (!wizard.targetId().equals(keysOf)) {
            fillKeys();
        }
        if (key != null) {
            keyButtons.get(keys.indexOf(key)).setSelection(true);
        }
        onMatchCombo.select(java.util.Arrays.asList(ON_MATCH).indexOf(onMatch));
        allOrNothing.setSelection(mode == Mode.ALL_OR_NOTHING);
        validRows.setSelection(mode == Mode.VALID_ROWS);
    }
}
