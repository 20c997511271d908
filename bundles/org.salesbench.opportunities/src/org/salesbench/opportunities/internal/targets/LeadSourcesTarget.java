package org.salesbench.opportunities.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;

/**
 * Lead sources, the list users edit (another CRM's campaigns become lead sources): a row's code (made from its name
 * when the file has none, as {@code --add-values} makes it) matches a source already in the list, which a row
 * matched on the code skips or renames; new ones are added at the end of the list through
 * {@link LeadService#saveSources}, so its rules apply.
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
        LeadService service = context.service(LeadService.class);
        return (rows, match) -> {
            List<LeadSource> sources = new ArrayList<>(service.sources(false));
            List<RowOutcome> outcomes = new ArrayList<>();
            List<LeadSource> added = new ArrayList<>();
            boolean changed = false;
            for (ImportRow row : rows) {
                String name = row.text(NAME).strip();
                String code = row.text(CODE) == null || row.text(CODE).isBlank() ? LeadsTarget.sourceCode(name) : row.text(CODE).strip();
                LeadSource existing = sources.stream().filter(s -> s.getCode().equalsIgnoreCase(code)).findFirst().orElse(null);
                if (existing != null && match.onMatch() != OnMatch.CREATE) {
                    if (match.onMatch() == OnMatch.UPDATE && !existing.getName().equals(name)) {
                        existing.setName(name);
                        changed = true;
                        outcomes.add(RowOutcome.updated(existing.getId()));
                    } else {
                        outcomes.add(RowOutcome.skipped(existing.getId()));
                    }
                    continue;
                }
                LeadSource source = new LeadSource(code, name);
                sources.add(source);
                added.add(source);
                outcomes.add(null); // created: its id once saved
            }
            if (added.isEmpty() && !changed) {
                return outcomes;
            }
            try {
                List<LeadSource> saved = service.saveSources(sources);
                for (int i = 0, a = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i) == null) {
                        String code = added.get(a++).getCode();
                        outcomes.set(i, RowOutcome.created(saved.stream().filter(s -> s.getCode().equals(code)).findFirst()
                                .map(LeadSource::getId).orElse(0L)));
                    }
                }
                return outcomes;
            } catch (ValidationException e) {
                // the list as a whole is refused (a duplicate code in the file, a name too long): every row of the batch says why
                List<RowOutcome> refused = new ArrayList<>();
                rows.forEach(r -> refused.add(RowOutcome.failed(e.getErrors())));
                return refused;
            }
        };
    }
}
