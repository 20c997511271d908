package org.salesbench.importexport.targets;

import java.util.ArrayList;
import java.util.List;

import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.TargetField;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * A target field whose values are codes of an editable picklist ({@link Picklists}): a file may write a value's code,
 * its English or its Chinese label, or another CRM's name for it; the row then holds the code. With
 * {@code --add-values} a value the list has not is added to it ({@link #addValue}).
 */
public final class PicklistFields {

    /**
     * Industry values of other CRMs that are not one of the shipped industries' labels (Salesforce's standard values
     * are the shipped English labels), with the shipped code they stand for: Zoho CRM's standard industries and
     * common spellings.
     */
    public static final String[] VENDOR_INDUSTRIES = {
            "ASP (Application Service Provider)", "TECHNOLOGY", "ERP (Enterprise Resource Planning)", "TECHNOLOGY",
            "ManagementISV", "TECHNOLOGY", "Management ISV", "TECHNOLOGY", "Non-management ISV", "TECHNOLOGY",
            "MSP (Management Service Provider)", "TECHNOLOGY", "Storage Service Provider", "TECHNOLOGY",
            "Systems Integrator", "TECHNOLOGY", "Data/Telecom OEM", "TELECOMMUNICATIONS", "Optical Networking", "TELECOMMUNICATIONS",
            "Wireless Industry", "TELECOMMUNICATIONS", "Network Equipment Enterprise", "TELECOMMUNICATIONS",
            "Storage Equipment", "ELECTRONICS", "Government/Military", "GOVERNMENT", "Information Technology", "TECHNOLOGY",
            "IT", "TECHNOLOGY", "Software", "TECHNOLOGY", "Financial Services", "FINANCE", "Health Care", "HEALTHCARE",
            "Non-Profit", "NOT_FOR_PROFIT", "Nonprofit", "NOT_FOR_PROFIT", "Telecom", "TELECOMMUNICATIONS",
            "Food and Beverage", "FOOD_BEVERAGE", "Logistics", "TRANSPORTATION" };

    private PicklistFields() {
    }

    /**
     * {@code field} as a picklist of {@code list}'s codes (inactive ones too: a record may keep one) that also reads
     * each value's labels in both languages and the {@code vendorAliases} ({@code from, code, …}).
     */
    public static TargetField of(TargetField field, Picklists picklists, String list, String... vendorAliases) {
        List<PicklistValue> values = picklists.values(list);
        List<String> codes = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (PicklistValue v : values) {
            codes.add(v.code());
            aliases.add(v.labelEn());
            aliases.add(v.code());
            aliases.add(v.labelZh());
            aliases.add(v.code());
        }
        for (int i = 0; i + 1 < vendorAliases.length; i += 2) {
            String code = vendorAliases[i + 1];
            if (values.stream().anyMatch(v -> v.code().equals(code))) {
                aliases.add(vendorAliases[i]);
                aliases.add(code);
            }
        }
        return new TargetField(field.name(), field.label(), FieldType.PICKLIST, field.required(), codes, field.aliases(), field.valueAliases())
                .withValueAliases(aliases.toArray(String[]::new));
    }

    /** The code {@code value} gets in {@code list}: an existing value's, or a new value's labelled as written. */
    public static String addValue(Picklists picklists, String list, String value) {
        return picklists.resolveOrAdd(list, value);
    }
}
