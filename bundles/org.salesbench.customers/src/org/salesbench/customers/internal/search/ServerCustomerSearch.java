package org.salesbench.customers.internal.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.SearchTerms;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;

/**
 * Customer search on a PostgreSQL team server, answered by the database itself: every statement runs on the user's
 * own login, so row-level security decides what is found, and nothing is copied to the client. Each search word must
 * occur in the customer's names or credit code, a tag, or one of its contacts' names, phone digits or e-mail addresses,
 * as {@code LIKE '%word%'}, which the trigram indexes of change set {@code customers-10-server-search} serve (their
 * expressions are the ones below; without pg_trgm the same statements scan). Words are folded as
 * {@link SearchTerms#queryWords} folds them for the Lucene index used on Derby; where that index matches a word's
 * prefix (Latin words), this matches anywhere inside the text.
 */
final class ServerCustomerSearch {

    /** The customer's own searched text: must stay the expression of {@code IX_SB_CUSTOMER_SEARCH}. */
    private static final String CUSTOMER_TEXT = "LOWER(NAME || ' ' || COALESCE(SHORT_NAME, '') || ' ' || NORMALIZED_NAME || ' ' || COALESCE(CREDIT_CODE, ''))";
    private static final String PHONE_DIGITS = "REGEXP_REPLACE(P.PHONE, '\\D', '', 'g')";

    /**
     * The customers with a word anywhere in the text of the sources ({@link SearchTerms#SOURCES}) not {@code hidden} from
     * the user, and the number of times the word's LIKE pattern is its parameter. With nothing hidden it is the
     * statement the trigram indexes serve; a hidden name, short name or credit code leaves that part out of the
     * customer's text (which then scans), a hidden tag, contact name, phone or e-mail leaves its source out, so a word
     * found only in what the user may not see finds nothing.
     * <p>
     * Under row-level security ({@code rowSecurity}: every user but the schema's owner) PostgreSQL never lets a LIKE
     * reach a trigram index, since LIKE is not leakproof and the policy must be checked first: each source is a scan
     * with the policy checked on every row. There the customer's own text is tested on the searched row itself
     * ({@code C}) instead of in a second scan of the customers joined back by id, and only the other sources are a
     * sub-select (hashed once per statement): one scan of the customers per statement, not one per word and its join
     * (a manager's filter by name at 300,000 deals: 0.8 s to 60 ms). The owner, whom no policy filters, keeps the
     * indexed form.
     */
    static Where matchingWord(java.util.Set<String> hidden, boolean rowSecurity) {
        List<String> parts = new ArrayList<>();
        String text = customerText(hidden, rowSecurity ? "C." : "");
        if (text != null && !rowSecurity) {
            parts.add("SELECT ID FROM {SB_CUSTOMER} WHERE " + text + " LIKE ? ESCAPE '\\'");
        }
        if (!hidden.contains(SearchTerms.TAGS)) {
            parts.add("SELECT CUSTOMER_ID FROM SB_CUSTOMER_TAG WHERE LOWER(TAG) LIKE ? ESCAPE '\\'");
        }
        if (!hidden.contains(SearchTerms.CONTACT_NAME)) {
            parts.add("SELECT CUSTOMER_ID FROM {SB_CONTACT} WHERE " + SoftDeletion.notDeleted(null) + " AND LOWER(NAME) LIKE ? ESCAPE '\\'");
        }
        if (!hidden.contains(SearchTerms.PHONES)) {
            parts.add("SELECT K.CUSTOMER_ID FROM SB_CONTACT_PHONE P JOIN {SB_CONTACT} K ON K.ID = P.CONTACT_ID WHERE "
                    + SoftDeletion.notDeleted("K") + " AND " + PHONE_DIGITS + " LIKE ? ESCAPE '\\'");
        }
        if (!hidden.contains(SearchTerms.EMAILS)) {
            parts.add("SELECT K.CUSTOMER_ID FROM SB_CONTACT_EMAIL E JOIN {SB_CONTACT} K ON K.ID = E.CONTACT_ID WHERE "
                    + SoftDeletion.notDeleted("K") + " AND LOWER(E.EMAIL) LIKE ? ESCAPE '\\'");
        }
        List<String> alternatives = new ArrayList<>();
        if (text != null && rowSecurity) {
            alternatives.add(text + " LIKE ? ESCAPE '\\'");
        }
        if (!parts.isEmpty()) {
            alternatives.add("C.ID IN (" + String.join(" UNION ", parts) + ")");
        }
        if (alternatives.isEmpty()) {
            return new Where("FALSE", List.of()); // every source hidden: a word finds nothing
        }
        int patterns = parts.size() + (text != null && rowSecurity ? 1 : 0);
        return new Where("(" + String.join(" OR ", alternatives) + ")", java.util.Collections.nCopies(patterns, (Object) null));
    }

    /** The customer's own searched text (names, credit code) with what is hidden left out, its columns prefixed; null when all of it is hidden. */
    private static String customerText(java.util.Set<String> hidden, String prefix) {
        if (!hidden.contains(SearchTerms.NAME) && !hidden.contains(SearchTerms.SHORT_NAME) && !hidden.contains(SearchTerms.CREDIT_CODE)) {
            return prefix.isEmpty() ? CUSTOMER_TEXT : "LOWER(" + prefix + "NAME || ' ' || COALESCE(" + prefix + "SHORT_NAME, '') || ' ' || "
                    + prefix + "NORMALIZED_NAME || ' ' || COALESCE(" + prefix + "CREDIT_CODE, ''))";
        }
        List<String> own = new ArrayList<>();
        if (!hidden.contains(SearchTerms.NAME)) {
            own.add(prefix + "NAME || ' ' || " + prefix + "NORMALIZED_NAME");
        }
        if (!hidden.contains(SearchTerms.SHORT_NAME)) {
            own.add("COALESCE(" + prefix + "SHORT_NAME, '')");
        }
        if (!hidden.contains(SearchTerms.CREDIT_CODE)) {
            own.add("COALESCE(" + prefix + "CREDIT_CODE, '')");
        }
        return own.isEmpty() ? null : "LOWER(" + String.join(" || ' ' || ", own) + ")";
    }

    private final Connection connection;
    /** The masking views the user reads customers and contacts through (MaskingViews). */
    private final Map<String, String> views;
    /** Whether row-level security filters the user's reads of the customers (everyone but the schema's owner). */
    private final boolean rowSecurity;

    /** {@code connection}: the user's own, in autocommit, so that each statement sees the newest commits. */
    ServerCustomerSearch(Connection connection) throws SQLException {
        this.connection = connection;
        this.views = MaskingViews.of(connection);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT row_security_active('sb_customer')")) {
            this.rowSecurity = rs.next() && rs.getBoolean(1);
        }
    }

    /** A WHERE clause over {@code SB_CUSTOMER C} and its parameters, in order. */
    Connection connection() {
        return connection;
    }

    private record Where(String sql, List<Object> parameters) {
    }

    static Where where(CustomerFilter filter, LocalDate today, java.util.Set<String> hidden, boolean rowSecurity) {
        StringBuilder sql = new StringBuilder(SoftDeletion.notDeleted("C"));
        List<Object> parameters = new ArrayList<>();
        if (filter.text() != null) {
            Where matching = matchingWord(hidden, rowSecurity);
            for (String word : SearchTerms.queryWords(filter.text())) {
                sql.append(" AND ").append(matching.sql());
                parameters.addAll(java.util.Collections.nCopies(matching.parameters().size(), "%" + likeEscaped(word) + "%"));
            }
        }
        if (!filter.grades().isEmpty()) {
            sql.append(" AND C.GRADE = ANY(?)");
            parameters.add(filter.grades().toArray(String[]::new));
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND C.STATUS = ANY(?)");
            parameters.add(filter.statuses().stream().map(CustomerStatus::name).toArray(String[]::new));
        }
        if (filter.owner() != null) {
            sql.append(" AND C.OWNER = ?");
            parameters.add(filter.owner());
        }
        if (filter.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM SB_CUSTOMER_TAG T WHERE T.CUSTOMER_ID = C.ID AND T.TAG = ?)");
            parameters.add(filter.tag());
        }
        if (filter.followUpOverdue()) {
            sql.append(" AND C.NEXT_FOLLOW_UP < ?");
            parameters.add(java.sql.Date.valueOf(today));
        }
        return new Where(sql.toString(), parameters);
    }

    /** LIKE's wildcards and its escape character taken literally. */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void orderParameters(CustomerSort sort, List<Object> parameters) {
        if (sort.byIndustryLabels()) {
            parameters.add(sort.industryOrder().toArray(String[]::new));
        }
    }

    private static String orderBy(CustomerSort sort) {
        String column = switch (sort.column()) {
            case NAME -> "C.NAME";
            case GRADE -> "C.GRADE";
            case STATUS -> "C.STATUS";
            case INDUSTRY -> "C.INDUSTRY";
            case REGION -> "C.REGION";
            case OWNER -> "C.OWNER";
            case NEXT_FOLLOW_UP -> "C.NEXT_FOLLOW_UP";
            case UPDATED_AT -> "C.UPDATED_AT";
            case SHORT_NAME -> "C.SHORT_NAME";
        };
        String direction = sort.ascending() ? " ASC" : " DESC"; // NULLs last ascending, first descending, as the index sorts them
        if (sort.byIndustryLabels()) { // the code's place in the labels' order (its one parameter, last), unlisted codes after
            return " ORDER BY (C.INDUSTRY IS NULL)" + direction + ", COALESCE(array_position(?, C.INDUSTRY::varchar), " + sort.industryOrder().size()
                    + ")" + direction + ", C.INDUSTRY" + direction + ", C.ID" + direction;
        }
        return " ORDER BY " + column + direction + ", C.ID" + direction;
    }

    synchronized long count(CustomerFilter filter, LocalDate today, java.util.Set<String> hidden) throws SQLException {
        Where where = where(filter, today, hidden, rowSecurity);
        try (PreparedStatement s = prepare("SELECT COUNT(*) FROM {SB_CUSTOMER} C WHERE " + where.sql(), where.parameters());
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    synchronized long[] ids(CustomerFilter filter, CustomerSort sort, LocalDate today, java.util.Set<String> hidden) throws SQLException {
        Where where = where(filter, today, hidden, rowSecurity);
        List<Object> parameters = new ArrayList<>(where.parameters());
        orderParameters(sort, parameters);
        try (PreparedStatement s = prepare("SELECT C.ID FROM {SB_CUSTOMER} C WHERE " + where.sql() + orderBy(sort), parameters)) {
            return CustomerSearch.longs(s);
        }
    }

    synchronized List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit, LocalDate today, java.util.Set<String> hidden) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        Where where = where(filter, today, hidden, rowSecurity);
        List<Object> parameters = new ArrayList<>(where.parameters());
        orderParameters(sort, parameters);
        parameters.add(limit);
        parameters.add(Math.max(0, offset));
        try (PreparedStatement s = prepare("SELECT C.ID FROM {SB_CUSTOMER} C WHERE " + where.sql() + orderBy(sort) + " LIMIT ? OFFSET ?", parameters)) {
            return rows(CustomerSearch.longs(s));
        }
    }

    /** The rows of these customers, in the order given, those not visible (or deleted) left out. */
    synchronized List<CustomerRow> rows(long[] ids) throws SQLException {
        long[] ascending = Arrays.stream(ids).distinct().sorted().toArray();
        Map<Long, CustomerRow> found = new HashMap<>(ascending.length * 2);
        for (IndexedCustomer c : new CustomerLoader(connection, false, views).load(ascending)) {
            found.put(c.row().id(), c.row());
        }
        return CustomerIndex.inOrder(ids, found);
    }

    synchronized List<String> tags() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(MaskingViews.sql(views, "SELECT DISTINCT T.TAG FROM SB_CUSTOMER_TAG T JOIN {SB_CUSTOMER} C ON C.ID = T.CUSTOMER_ID WHERE "
                + SoftDeletion.notDeleted("C") + " ORDER BY T.TAG")); ResultSet rs = s.executeQuery()) {
            List<String> tags = new ArrayList<>();
            while (rs.next()) {
                tags.add(rs.getString(1));
            }
            return tags;
        }
    }

    /** The customers with a contact phone of exactly these digits (country code or not) or this e-mail address, newest first. */
    synchronized long[] idsWithPhoneOrEmail(String term) throws SQLException {
        String phone = SearchTerms.withoutCountryCode(term);
        try (PreparedStatement s = prepare("SELECT C.ID FROM {SB_CUSTOMER} C WHERE " + SoftDeletion.notDeleted("C") + " AND C.ID IN ("
                + "SELECT K.CUSTOMER_ID FROM SB_CONTACT_PHONE P JOIN {SB_CONTACT} K ON K.ID = P.CONTACT_ID WHERE " + SoftDeletion.notDeleted("K")
                + " AND " + PHONE_DIGITS + " IN (?, ?, ?)"
                + " UNION SELECT K.CUSTOMER_ID FROM SB_CONTACT_EMAIL E JOIN {SB_CONTACT} K ON K.ID = E.CONTACT_ID WHERE " + SoftDeletion.notDeleted("K")
                + " AND LOWER(E.EMAIL) = ?) ORDER BY C.UPDATED_AT DESC, C.ID DESC", List.of(phone, "86" + phone, "0086" + phone, term))) {
            return CustomerSearch.longs(s);
        }
    }

    /** The customers stored under any of {@code exactNames} or folded to any of {@code normalizedNames}, ascending. */
    synchronized long[] idsNamed(Collection<String> exactNames, Collection<String> normalizedNames) throws SQLException {
        try (PreparedStatement s = prepare("SELECT C.ID FROM {SB_CUSTOMER} C WHERE " + SoftDeletion.notDeleted("C")
                + " AND (C.NAME = ANY(?) OR C.NORMALIZED_NAME = ANY(?)) ORDER BY C.ID",
                List.of(exactNames.toArray(String[]::new), normalizedNames.toArray(String[]::new)))) {
            return CustomerSearch.longs(s);
        }
    }

    /** The customers with any of these credit codes (lower-cased), ascending. */
    synchronized long[] idsWithCreditCodes(Collection<String> lowerCaseCodes) throws SQLException {
        // one parameter, the array: List.of(array) alone would spread it into its elements
        try (PreparedStatement s = prepare("SELECT C.ID FROM {SB_CUSTOMER} C WHERE " + SoftDeletion.notDeleted("C")
                + " AND LOWER(C.CREDIT_CODE) = ANY(?) ORDER BY C.ID", List.<Object>of((Object) lowerCaseCodes.toArray(String[]::new)))) {
            return CustomerSearch.longs(s);
        }
    }

    private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement s = connection.prepareStatement(MaskingViews.sql(views, sql));
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String[] values) {
                    Array array = connection.createArrayOf("varchar", values);
                    s.setArray(i + 1, array);
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
