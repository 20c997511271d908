package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;

/**
 * The README's "Try it on real data" commands, run on files this test writes in the shape of the public sales
 * data set (headers, CRLF, quirks: a misspelt sector, a product spelt two ways, deals without an account or a
 * value, managers only as a column), over an embedded database, checking exit codes, summaries and the data.
 */
class SalesDataSetCommandLineTest {

    @TempDir
    Path dir;
    private CliFixture cli;
    private long wonValue;
    private int won, lost, open, withoutAccount;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
    }

    private Path write(String name, StringBuilder csv) throws Exception {
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void theReadmeCommandsImportTheDataSetShapeWholeInOrder() throws Exception {
        StringBuilder accounts = new StringBuilder("account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n");
        for (int i = 0; i < 12; i++) {
            accounts.append("Firm ").append(i).append(',').append(i % 4 == 0 ? "technolgy" : "retail").append(",1999,12.5,40,Kenya,")
                    .append(i == 7 ? "Firm 0" : "").append("\r\n");
        }
        StringBuilder products = new StringBuilder("product,series,sales_price\r\nOmega Pro,Omega,4821\r\nOmega Basic,Omega,550\r\n");
        StringBuilder teams = new StringBuilder("sales_agent,manager,regional_office\r\n");
        String[] agents = { "Rosa Diaz", "Amy Santiago", "Jake Peralta", "Gina Linetti" };
        for (int i = 0; i < agents.length; i++) {
            teams.append(agents[i]).append(',').append(i < 2 ? "Ray Holt" : "Terry Jeffords").append(',').append(i < 2 ? "East" : "West")
                    .append("\r\n");
        }
        StringBuilder pipeline = new StringBuilder("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
        String[] stages = { "Prospecting", "Engaging", "Won", "Lost", "Won" };
        LocalDate day = LocalDate.of(2016, 10, 20);
        for (int i = 0; i < 120; i++) {
            String stage = stages[i % stages.length];
            boolean isOpen = stage.equals("Prospecting") || stage.equals("Engaging");
            String account = isOpen && i % 2 == 0 ? "" : "Firm " + i % 12;
            String value = switch (stage) {
            case "Won" -> Integer.toString(1000 + i);
            case "Lost" -> "0";
            default -> "";
            };
            if (stage.equals("Won")) {
                won++;
                wonValue += 1000 + i;
            } else if (stage.equals("Lost")) {
                lost++;
            } else {
                open++;
            }
            if (account.isEmpty()) {
                withoutAccount++;
            }
            pipeline.append(String.format("X%04d", i)).append(',').append(agents[i % 3]).append(',').append(i % 2 == 0 ? "OmegaPro" : "Omega Basic")
                    .append(',').append(account).append(',').append(stage).append(',').append(stage.equals("Prospecting") ? "" : day.plusDays(i))
                    .append(',').append(isOpen ? "" : day.plusDays(i + 30)).append(',').append(value).append("\r\n");
        }

        Result a = cli.run("import", "customers", write("accounts.csv", accounts).toString(), "--values", "industry:technolgy=technology",
                "--map", "year_established=notes,revenue=notes,employees=notes,subsidiary_of=notes", "--summary", "json");
        assertEquals(0, a.code(), a.toString());
        assertTrue(a.out().startsWith("{\"created\":12,\"updated\":0,\"skipped\":0,\"failed\":0,\"notes\":[{\"note\":"), a.toString());
        assertTrue(a.out().contains("\"count\":3}"), "three sectors mapped: " + a);
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Firm 7' AND NOTES LIKE 'year_established: 1999_revenue: 12.5_"
                + "employees: 40_subsidiary_of: Firm 0'"), "the columns without a field of their own are lines of the notes");
        assertEquals(11, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE NOTES = 'year_established: 1999' || '\n' || 'revenue: 12.5' || '\n' "
                + "|| 'employees: 40'"), "an empty cell adds no line");

        Result p = cli.run("import", "products", write("products.csv", products).toString(), "--map", "series=description", "--values",
                "currency:=USD", "--summary", "json");
        assertEquals(0, p.code(), p.toString());
        assertTrue(p.out().startsWith("{\"created\":2,\"updated\":0,\"skipped\":0,\"failed\":0"), p.toString());

        Result t = cli.run("import", "users", write("sales_teams.csv", teams).toString());
        assertEquals(0, t.code(), t.toString());
        assertEquals("Created 4, updated 0, skipped 0, failed 0.", t.out().strip());
        assertTrue(t.err().contains("Ray Holt"), "the managers made users are reported: " + t);

        Path deals = write("sales_pipeline.csv", pipeline);
        Path report = dir.resolve("errors.csv");
        Result refused = cli.run("import", "opportunities", deals.toString(), "--values", "stage:Won=Closed won,Lost=Closed lost",
                "--summary", "json", "--errors", report.toString());
        assertEquals(3, refused.code(), "unmapped stages, unknown product, no account: all-or-nothing refuses " + refused);
        String errors = Files.readString(report);
        // Prospecting is one of Salesforce's standard stages, read as Qualification; Engaging is nobody's
        assertTrue(errors.contains("\n3,deal_stage,Engaging,"), errors);
        assertTrue(errors.contains("\n4,product,OmegaPro,"), errors);
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY"));

        Result o = cli.run("import", "opportunities", deals.toString(), "--values",
                "stage:Prospecting=Qualification,Engaging=Needs analysis,Won=Closed won,Lost=Closed lost,product:OmegaPro=Omega Pro,"
                        + "customer:=No account (imported),amount:=0,currency:=USD,lossReason:=Not recorded in source",
                "--summary", "json");
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().startsWith("{\"created\":120,\"updated\":0,\"skipped\":0,\"failed\":0,\"notes\":["), o.toString());
        assertTrue(o.out().contains("placed on the customer \\\"No account (imported)\\\"\",\"count\":" + withoutAccount + "}"), o.toString());
        assertEquals(120, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY"));
        assertEquals(won, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'WON'"));
        assertEquals(lost, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'LOST'"));
        assertEquals(open, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN'"));
        assertEquals(wonValue, cli.query("SELECT CAST(SUM(AMOUNT) AS BIGINT) FROM SB_OPPORTUNITY WHERE STATE = 'WON'"));
        assertEquals(withoutAccount, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID "
                + "WHERE c.NAME = 'No account (imported)'"));
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_USER u ON u.LOGIN = o.OWNER WHERE u.DISPLAY_NAME = 'Gina Linetti'"));

        Result again = cli.run("import", "opportunities", deals.toString(), "--match", "externalId", "--values",
                "stage:Prospecting=Qualification,Engaging=Needs analysis,Won=Closed won,Lost=Closed lost,product:OmegaPro=Omega Pro,"
                        + "customer:=No account (imported),amount:=0,lossReason:=Not recorded in source",
                "--summary", "json");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("{\"created\":0,\"updated\":0,\"skipped\":120,\"failed\":0"), again.toString());
        assertEquals(120, cli.query("SELECT COUNT(*) FROM SB_OPPORTUNITY"));
    }

    @Test
    void helpListsTheFieldsOfTheNewTargets() {
        Result help = cli.run("import", "--help");
        assertEquals(0, help.code(), help.toString());
        for (String expected : new String[] { "opportunities (Opportunities)", "expectedCloseDate", "lossReason", "engagedOn",
                "leads (Leads)", "disqualifyReason", "products (Products)", "listPrice", "users (Users and teams)", "displayName",
                "lossReason:=" }) {
            assertTrue(help.out().contains(expected), expected + " in " + help.out());
        }
    }
}
