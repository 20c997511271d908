package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.WriteOptions;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardReader;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.Telephone;
import ezvcard.property.Title;

/**
 * vCard 2.1, 3.0 and 4.0 (through ez-vcard) as rows of contact fields: name (FN), customer and
 * department (ORG), title, phones (TEL), e-mails (EMAIL), external id (UID). Other columns travel as
 * {@code X-SALESBENCH-<FIELD>} properties, so an exported file imports back to the same data.
 * Several phones or e-mails are one cell separated by "; ".
 */
public class VCardFormat implements DataFormat {

    static final String NAME = "name";
    static final String CUSTOMER = "customer";
    static final String DEPARTMENT = "department";
    static final String TITLE = "title";
    static final String PHONES = "phones";
    static final String EMAILS = "emails";
    static final String EXTERNAL_ID = "externalId";
    /** "company" for a card of a company (KIND:org in vCard 4.0, X-ABShowAs:COMPANY as macOS and iOS Contacts write it) */
    static final String KIND = "kind";
    static final String ADDRESS = "address";
    static final String URL = "url";
    static final String COMPANY = "company";
    private static final String EXTENDED = "X-SALESBENCH-";

    @Override
    public RecordReader open(Path file, ReadOptions options) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportException(NLS.bind(Messages.File_empty, file.getFileName()));
        }
        // a first pass learns the columns (the extended properties any card has), the second reads the rows;
        // each holds one card at a time, so an address book of any size streams through
        List<String> header = new ArrayList<>(List.of(NAME, CUSTOMER, DEPARTMENT, TITLE, PHONES, EMAILS, EXTERNAL_ID));
        long cards = 0;
        try (VCardReader cardsReader = new VCardReader(Files.newInputStream(file))) {
            for (VCard card; (card = readNext(file, cardsReader, cards + 1)) != null; cards++) {
                for (RawProperty raw : card.getExtendedProperties()) {
                    String field = extendedField(raw);
                    if (field != null && !header.contains(field)) {
                        header.add(field);
                    }
                }
                // the columns of company cards, only where the file has them: other files read as they always did
                Map<String, String> read = row(card);
                for (String column : List.of(ADDRESS, URL, KIND)) {
                    if (read.containsKey(column) && !header.contains(column)) {
                        header.add(column);
                    }
                }
            }
        }
        if (cards == 0) {
            throw new ImportException(NLS.bind(Messages.File_notVCard, file.getFileName()));
        }
        List<String> finalHeader = List.copyOf(header);
        VCardReader reader = new VCardReader(Files.newInputStream(file));
        return new RecordReader() {
            private long number = 1;

            @Override
            public List<String> header() {
                return finalHeader;
            }

            @Override
            public SourceRow next() throws IOException {
                VCard card = readNext(file, reader, number);
                if (card == null) {
                    return null;
                }
                Map<String, String> row = row(card);
                return new SourceRow(++number, finalHeader.stream().map(h -> row.getOrDefault(h, "")).toList());
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** The next card, or {@code null} after the last; what ez-vcard cannot read is refused naming the card. */
    private static VCard readNext(Path file, VCardReader reader, long card) throws ImportException {
        try {
            return reader.readNext();
        } catch (IOException | RuntimeException e) {
            throw new ImportException(NLS.bind(Messages.File_badVCard, new Object[] { file.getFileName(), card, e.getMessage() }), e);
        }
    }

    private static Map<String, String> row(VCard card) {
        Map<String, String> row = new LinkedHashMap<>();
        String name = card.getFormattedName() != null ? card.getFormattedName().getValue() : null;
        if (card.getStructuredName() != null) {
            var n = card.getStructuredName();
            String given = n.getGiven() == null ? "" : n.getGiven().strip();
            String family = n.getFamily() == null ? "" : n.getFamily().strip();
            String fromParts = PersonNames.full(given, family);
            if (name == null || name.isBlank()) {
                name = fromParts;
            } else if (!given.isEmpty() && !family.isEmpty() && PersonNames.isCjk(fromParts)) {
                // 三 张 or 三张: a Chinese name the phone that made the card wrote in Western order; it is 张三
                String squeezed = name.replaceAll("\\s+", "");
                if (squeezed.equals(fromParts) || squeezed.equals(given + family)) {
                    name = fromParts;
                }
            }
        }
        row.put(NAME, name);
        Organization org = card.getOrganization();
        if (org != null && !org.getValues().isEmpty()) {
            row.put(CUSTOMER, org.getValues().get(0));
            if (org.getValues().size() > 1) {
                row.put(DEPARTMENT, String.join(" ", org.getValues().subList(1, org.getValues().size())));
            }
        }
        if (!card.getTitles().isEmpty()) {
            row.put(TITLE, card.getTitles().get(0).getValue());
        }
        row.put(PHONES, String.join("; ", card.getTelephoneNumbers().stream()
                .map(t -> t.getText() != null ? t.getText() : t.getUri() == null ? "" : t.getUri().getNumber()).toList()));
        row.put(EMAILS, String.join("; ", card.getEmails().stream().map(Email::getValue).toList()));
        if (card.getUid() != null) {
            row.put(EXTERNAL_ID, card.getUid().getValue());
        }
        for (RawProperty raw : card.getExtendedProperties()) {
            String field = extendedField(raw);
            if (field != null) {
                row.put(field, raw.getValue());
            }
        }
        if (!card.getAddresses().isEmpty()) {
            Address a = card.getAddresses().get(0);
            row.put(ADDRESS, String.join(" ", Stream.of(a.getStreetAddress(), a.getLocality(), a.getRegion(), a.getPostalCode(), a.getCountry())
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).toList()));
        }
        if (!card.getUrls().isEmpty()) {
            row.put(URL, card.getUrls().get(0).getValue());
        }
        if (isCompany(card) || (name == null || name.isBlank()) && row.get(CUSTOMER) != null) {
            row.put(KIND, COMPANY); // a card with only ORG is a company's, as older address books write them
        }
        return row;
    }

    /** A card of a company rather than a person: vCard 4.0's KIND:org, or the mark macOS and iOS Contacts write. */
    private static boolean isCompany(VCard card) {
        if (card.getKind() != null && "org".equalsIgnoreCase(card.getKind().getValue())) {
            return true;
        }
        RawProperty showAs = card.getExtendedProperty("X-ABSHOWAS");
        return showAs != null && COMPANY.equalsIgnoreCase(showAs.getValue());
    }

    /** The column an {@code X-SALESBENCH-…} property carries, {@code null} for other extensions. */
    private static String extendedField(RawProperty raw) {
        String property = raw.getPropertyName();
        return property != null && property.toUpperCase(Locale.ROOT).startsWith(EXTENDED) ? fieldOf(property.substring(EXTENDED.length())) : null;
    }

    /** X-SALESBENCH-DECISION-ROLE → decisionRole */
    private static String fieldOf(String suffix) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : suffix.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static String propertyOf(String field) {
        return EXTENDED + field.replaceAll("([A-Z])", "-$1").toUpperCase(Locale.ROOT);
    }

    @Override
    public RecordWriter create(OutputStream out, WriteOptions options) {
        VCardWriter writer = new VCardWriter(out, VCardVersion.V3_0);
        return new RecordWriter() {
            private List<Column> columns;

            @Override
            public void begin(List<Column> newColumns) {
                columns = newColumns;
            }

            @Override
            public void write(List<String> values) throws IOException {
                VCard card = new VCard();
                Organization org = new Organization();
                for (int i = 0; i < columns.size(); i++) {
                    String value = values.get(i);
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    switch (columns.get(i).name()) {
                    case NAME -> card.setFormattedName(value);
                    case CUSTOMER -> org.getValues().add(0, value);
                    case DEPARTMENT -> org.getValues().add(value);
                    case TITLE -> card.addTitle(new Title(value));
                    case PHONES -> split(value).forEach(p -> card.addTelephoneNumber(new Telephone(p)));
                    case EMAILS -> split(value).forEach(card::addEmail);
                    case EXTERNAL_ID -> card.setUid(new ezvcard.property.Uid(value));
                    default -> card.addExtendedProperty(propertyOf(columns.get(i).name()), value);
                    }
                }
                if (!org.getValues().isEmpty()) {
                    card.setOrganization(org);
                }
                writer.write(card);
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    private static List<String> split(String value) {
        return java.util.Arrays.stream(value.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
