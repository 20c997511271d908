package org.salesbench.opportunities.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * Lead sources, the picklist {@link Picklists#LEAD_SOURCE} (another CRM's campaigns become lead sources): a row's code
 * (made from its name when the file has none, as {@code --add-values} makes it) matches a source already in the list,
 * which a row matched on the code skips or renames (its English name, and its Chinese one when that was the same);
 * new ones are added at the end of the list, labelled with the name in both languages. Editing a picklist is an
 * administrator's: for another user a row that would add or rename a source is an error saying so, and a source
 * already listed is skipped, so a rep's migration uses the campaigns an administrator migrated or added.
 */
public class LeadSourcesTarget implements ImportTarget {

    static final String CODE = "code", NAME = "name";

    @Override
    public List<TargetField> fields() {
        return List.of(of(CODE, ImportMessages.Source_code, FieldType.TEXT, false, "Code", "Source Code", "Campaign ID", "编码", "代码"),
                of(NAME, ImportMessages.Source_name, FieldType.TEXT, true, "Name", "Source", "Lead Source", "Campaign Name", "名称", "来源"));
    }

    @Override
    public List<String> keyFields() {
        return List.of(CODE);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        Picklists picklists = context.service(Picklists.class);
        boolean admin = LeadsTarget.mayAddSources(context);
        String list = Picklists.LEAD_SOURCE;
        return (rows, match) -> {
            List<RowOutcome> outcomes = new ArrayList<>();
            for (ImportRow row : rows) {
                String name = row.text(NAME).strip();
                String code = row.text(CODE) == null || row.text(CODE).isBlank() ? LeadsTarget.sourceCode(name) : row.text(CODE).strip();
                Optional<PicklistValue> existing = picklists.find(list, code);
                boolean rename = existing.isPresent() && match.onMatch() == OnMatch.UPDATE && !existing.get().labelEn().equals(name);
                if (existing.isPresent() && match.onMatch() != OnMatch.CREATE && !rename) {
                    outcomes.add(RowOutcome.skipped(0));
                    continue;
                }
                if (!admin) {
                    outcomes.add(RowOutcome.failed(List.of(new FieldError(CODE, NLS.bind(ImportMessages.Source_notAdminRow, code, name), code))));
                    continue;
                }
                try {
                    if (rename) {
                        PicklistValue v = existing.get();
                        picklists.rename(list, v.code(), name, v.labelZh().equals(v.labelEn()) ? name : null);
                        outcomes.add(RowOutcome.updated(0));
                    } else {
                        picklists.add(list, code, name, name);
                        outcomes.add(RowOutcome.created(0));
                    }
                } catch (IllegalArgumentException e) { // a code malformed or taken, a name another source has
                    outcomes.add(RowOutcome.failed(List.of(new FieldError(existing.isPresent() ? NAME : CODE, e.getMessage(), code))));
                }
            }
            return outcomes;
        };
    }
}
