package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportService.SavedMapping;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.persistence.UnitOfWork;

/**
 * Named mappings, kept in the database (table SB_IMPORT_MAPPING) rather than in preferences: on a team
 * database everyone reuses the mapping a colleague made for the monthly Salesforce export, and the
 * command line sees the same mappings as the workbench. The content is a small CSV:
 * {@code column,<header>,<field>}, {@code value,<field>,<from>,<to>} and {@code locale,<language tag>} lines.
 */
final class MappingStore {

    private final UnitOfWork unitOfWork;

    MappingStore(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    void save(String targetId, String name, ColumnMapping columns, ValueMapping values) {
        String content = encode(columns, values);
        unitOfWork.write(em -> {
            em.createNativeQuery("DELETE FROM SB_IMPORT_MAPPING WHERE TARGET_ID = ? AND NAME = ?").setParameter(1, targetId)
                    .setParameter(2, name).executeUpdate();
            em.createNativeQuery("INSERT INTO SB_IMPORT_MAPPING (TARGET_ID, NAME, CONTENT) VALUES (?, ?, ?)").setParameter(1, targetId)
                    .setParameter(2, name).setParameter(3, content).executeUpdate();
            return null;
        });
    }

    Optional<SavedMapping> load(String targetId, String name) {
        List<?> found = unitOfWork.read(em -> em.createNativeQuery("SELECT CONTENT FROM SB_IMPORT_MAPPING WHERE TARGET_ID = ? AND NAME = ?")
                .setParameter(1, targetId).setParameter(2, name).getResultList());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decode(name, String.valueOf(found.get(0))));
    }

    @SuppressWarnings("unchecked")
    List<String> names(String targetId) {
        return unitOfWork.read(em -> (List<String>) em.createNativeQuery("SELECT NAME FROM SB_IMPORT_MAPPING WHERE TARGET_ID = ? ORDER BY NAME")
                .setParameter(1, targetId).getResultList());
    }

    void delete(String targetId, String name) {
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_IMPORT_MAPPING WHERE TARGET_ID = ? AND NAME = ?").setParameter(1, targetId)
                .setParameter(2, name).executeUpdate());
    }

    private static String encode(ColumnMapping columns, ValueMapping values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (Map.Entry<String, String> e : columns.fieldByHeader().entrySet()) {
                printer.printRecord("column", e.getKey(), e.getValue());
            }
            if (values.locale() != null) {
                printer.printRecord("locale", values.locale().toLanguageTag());
            }
            for (Map.Entry<String, Map<String, String>> field : values.byField().entrySet()) {
                for (Map.Entry<String, String> e : field.getValue().entrySet()) {
                    printer.printRecord("value", field.getKey(), e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SavedMapping decode(String name, String content) {
        Map<String, String> columns = new LinkedHashMap<>();
        ValueMapping values = ValueMapping.NONE;
        try {
            for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(content))) {
                if ("column".equals(r.get(0)) && r.size() >= 3) {
                    columns.put(r.get(1), r.get(2));
                } else if ("value".equals(r.get(0)) && r.size() >= 4) {
                    values = values.with(r.get(1), r.get(2), r.get(3));
                } else if ("locale".equals(r.get(0)) && r.size() >= 2) {
                    values = values.withLocale(java.util.Locale.forLanguageTag(r.get(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SavedMapping(name, new ColumnMapping(columns), values);
    }
}
