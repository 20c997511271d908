package org.salesbench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.core.runtime.Platform;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The receivables totals the database keeps by trigger (change sets {@code contracts-money-5-totals},
 * {@code contracts-money-6-ageing-by-customer}, {@code contracts-money-7-customer-months}) around a bulk load: the
 * insert triggers on the instalments, receipts and write-offs dropped (a table with insert triggers gets no bulk
 * insert, and a row trigger per instalment is what made the full-size fill take hours), the totals then filled
 * set-based by those change sets' own statements and the triggers made again word for word, both read from the
 * contracts' changelog so the benchmark cannot drift from what an upgrade does. {@link #check} compares every kept
 * table with the change sets' own grouping over all the rows after more rows went in through the triggers.
 */
final class BenchContractTotals {

    private static final String BUNDLE = "org.salesbench.contracts";
    private static final String CHANGELOG = "db/changelog/org.salesbench.contracts.receivables.xml";
    private static final List<String> CHANGE_SETS = List.of("contracts-money-5-totals", "contracts-money-6-ageing-by-customer",
            "contracts-money-7-customer-months", "contracts-money-8-write-off-facts", "contracts-money-9-owner-indexes");
    private static final Pattern FILL = Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\)\\s+(SELECT .*)", Pattern.DOTALL);
    private static final Pattern INSERT_TRIGGER = Pattern.compile("CREATE TRIGGER (\\w+) AFTER INSERT ON (\\w+) .*", Pattern.DOTALL);
    /** A change set's fill of columns it adds ({@code UPDATE SB_CONTRACT_… SET …}). */
    private static final Pattern UPDATE = Pattern.compile("UPDATE (\\w+) SET .*", Pattern.DOTALL);
    private static final Pattern TRIGGER = Pattern.compile("CREATE TRIGGER (\\w+) .*", Pattern.DOTALL);

    /** Per change set, its statements for Derby in order. */
    private final Map<String, List<String>> statements;
    /** Per change set, the tables and indexes it creates and the indexes it drops. */
    private final Map<String, List<Element>> changes;

    private BenchContractTotals(Map<String, List<String>> statements, Map<String, List<Element>> changes) {
        this.statements = statements;
        this.changes = changes;
    }

    static BenchContractTotals read() {
        URL url = Platform.getBundle(BUNDLE).getEntry(CHANGELOG);
        try (InputStream in = url.openStream()) {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            Map<String, List<String>> statements = new LinkedHashMap<>();
            Map<String, List<Element>> changes = new LinkedHashMap<>();
            NodeList sets = root.getElementsByTagName("changeSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                if (!CHANGE_SETS.contains(set.getAttribute("id"))) {
                    continue;
                }
                List<String> sql = new ArrayList<>();
                List<Element> other = new ArrayList<>();
                for (Node n = set.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        String dbms = e.getAttribute("dbms");
                        if (e.getTagName().equals("sql")) {
                            if (dbms.isEmpty() || dbms.contains("derby")) {
                                sql.add(e.getTextContent().strip());
                            }
                        } else {
                            other.add(e);
                        }
                    }
                }
                statements.put(set.getAttribute("id"), sql);
                changes.put(set.getAttribute("id"), other);
            }
            if (statements.size() != CHANGE_SETS.size()) {
                throw new IllegalStateException(CHANGELOG + " holds " + statements.keySet() + ", not all of " + CHANGE_SETS);
            }
            return new BenchContractTotals(statements, changes);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + CHANGELOG, e);
        }
    }

    /** The change sets' fills of the totals tables ({@code INSERT INTO SB_CONTRACT_… SELECT …}), the day's row aside. */
    private List<Matcher> fills() {
        List<Matcher> fills = new ArrayList<>();
        for (List<String> sql : statements.values()) {
            for (String s : sql) {
                Matcher m = FILL.matcher(s);
                if (m.matches()) {
                    fills.add(m);
                }
            }
        }
        return fills;
    }

    private List<String> insertTriggers() {
        return statements.values().stream().flatMap(List::stream).filter(s -> INSERT_TRIGGER.matcher(s).matches()).toList();
    }

    void dropInsertTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String trigger : insertTriggers()) {
                Matcher m = INSERT_TRIGGER.matcher(trigger);
                m.matches();
                s.execute("DROP TRIGGER " + m.group(1));
            }
        }
        c.commit();
        // another module's insert trigger on these tables would still fire (correct, but no bulk insert): say so
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tr.TRIGGERNAME, t.TABLENAME FROM SYS.SYSTRIGGERS tr"
                + " JOIN SYS.SYSTABLES t ON t.TABLEID = tr.TABLEID WHERE tr.EVENT = 'I' AND t.TABLENAME IN ('SB_CONTRACT_INSTALMENT',"
                + " 'SB_CONTRACT_RECEIPT', 'SB_CONTRACT_ALLOCATION', 'SB_CONTRACT', 'SB_CUSTOMER')")) {
            while (rs.next()) {
                System.out.printf("BENCH insert trigger %s on %s left in place: that table is loaded row by row%n", rs.getString(1), rs.getString(2));
            }
        }
    }

    /** The totals tables emptied and filled by the change sets' own grouping statements. */
    void fillSetBased(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Matcher fill : fills()) {
                long start = System.nanoTime();
                s.executeUpdate("DELETE FROM " + fill.group(1));
                int rows = s.executeUpdate(fill.group());
                c.commit();
                System.out.printf("BENCH %s filled set-based: %,d rows, %.1f s%n", fill.group(1), rows, (System.nanoTime() - start) / 1e9);
            }
            for (String update : updates()) {
                long start = System.nanoTime();
                int rows = s.executeUpdate(update);
                c.commit();
                System.out.printf("BENCH %s columns filled set-based: %,d rows, %.1f s%n", UPDATE.matcher(update).replaceFirst("$1"), rows, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** The change sets' fills of the columns they add, in order. */
    private List<String> updates() {
        return statements.values().stream().flatMap(List::stream).filter(s -> UPDATE.matcher(s).matches()).toList();
    }

    void restoreInsertTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String trigger : insertTriggers()) {
                s.execute(trigger);
            }
        }
        c.commit();
    }

    /**
     * Every kept table equal to its change set's grouping over all the rows now (both ways, {@code EXCEPT}); throws
     * naming the tables and counts that differ.
     */
    void check(Connection c) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Matcher fill : fills()) {
                String kept = "SELECT " + fill.group(2) + " FROM " + fill.group(1);
                long missing = count(s, "SELECT COUNT(*) FROM (" + fill.group(3) + " EXCEPT " + kept + ") x");
                long extra = count(s, "SELECT COUNT(*) FROM (" + kept + " EXCEPT " + fill.group(3) + ") x");
                long rows = count(s, "SELECT COUNT(*) FROM " + fill.group(1));
                System.out.printf("BENCH check %s: %,d rows kept; %d rows of the exact grouping not kept, %d kept rows not in it%n", fill.group(1), rows,
                        missing, extra);
                if (missing + extra > 0) {
                    wrong.add(fill.group(1) + " (" + missing + " missing, " + extra + " extra)");
                }
            }
            // the write-offs carry their instalment's due date, customer, currency and whether it is counted
            long differ = count(s, "SELECT COUNT(*) FROM SB_CONTRACT_ALLOCATION a JOIN SB_CONTRACT_INSTALMENT i ON i.ID = a.INSTALMENT_ID"
                    + " WHERE a.DUE_DATE <> i.DUE_DATE OR a.CURRENCY <> i.CURRENCY OR COALESCE(a.CUSTOMER_ID, 0) <> COALESCE(i.CUSTOMER_ID, 0)"
                    + " OR a.COUNTED <> (i.CONTRACT_RECEIVABLE AND i.ACTIVE) OR a.DUE_DATE IS NULL OR a.CURRENCY IS NULL");
            System.out.printf("BENCH check SB_CONTRACT_ALLOCATION: %d write-offs whose instalment's facts differ%n", differ);
            if (differ > 0) {
                wrong.add("SB_CONTRACT_ALLOCATION (" + differ + " write-offs unlike their instalments)");
            }
        }
        c.rollback();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the kept totals differ from the exact grouping: " + wrong);
        }
    }

    /**
     * Takes a change set out again (its triggers, tables, new indexes and added columns dropped, its row in the change log deleted),
     * so the next open runs it as an upgrading installation does. Indexes it drops and makes again stay.
     */
    void undo(Connection c, String changeSet) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (Element e : changes.get(changeSet)) {
            if (e.getTagName().equals("dropIndex")) {
                dropped.add(e.getAttribute("indexName"));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements.get(changeSet)) {
                Matcher m = TRIGGER.matcher(sql);
                if (m.matches()) {
                    s.execute("DROP TRIGGER " + m.group(1));
                }
            }
            for (Element e : changes.get(changeSet)) {
                if (e.getTagName().equals("createIndex") && !dropped.contains(e.getAttribute("indexName"))) {
                    s.execute("DROP INDEX " + e.getAttribute("indexName"));
                } else if (e.getTagName().equals("createTable")) {
                    s.execute("DROP TABLE " + e.getAttribute("tableName"));
                }
            }
            for (Element e : changes.get(changeSet)) {
                if (e.getTagName().equals("addColumn")) {
                    NodeList columns = e.getElementsByTagName("column");
                    for (int i = 0; i < columns.getLength(); i++) {
                        s.execute("ALTER TABLE " + e.getAttribute("tableName") + " DROP COLUMN " + ((Element) columns.item(i)).getAttribute("name"));
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM DATABASECHANGELOG WHERE ID = ?")) {
                delete.setString(1, changeSet);
                delete.executeUpdate();
            }
        }
        c.commit();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
