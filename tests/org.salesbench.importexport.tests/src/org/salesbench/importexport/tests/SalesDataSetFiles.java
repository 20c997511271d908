package org.salesbench.importexport.tests;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes four CSV files in the shape of the public CRM sales data set the README imports (accounts, products,
 * sales_teams, sales_pipeline: same headers, CRLF, ISO dates) with its quirks, made up by this class: a sector
 * misspelt "technolgy", a product spelt "ZetaPro" in the pipeline but "Zeta Pro" in the catalogue, open deals
 * without an account, prospects without dates or values, lost deals with value 0, agents without deals, and
 * managers and offices only as columns of the agents. It counts what it wrote so tests can assert exactly.
 */
final class SalesDataSetFiles {

    static final String[] SECTORS = { "technolgy", "medical", "retail", "software", "finance" };
    static final String[][] PRODUCTS = { { "Zeta Basic", "Zeta", "550" }, { "Zeta Pro", "Zeta", "4821" }, { "Mu Special", "Mu", "55" },
            { "Mu Advanced", "Mu", "3393" }, { "Kappa 500", "Kappa", "26768" } };
    static final String[][] TEAMS = { { "Ada Brinkmann", "Central" }, { "Ben Oyelaran", "East" }, { "Cleo Marsh", "West" } };

    final Path accounts, products, teams, pipeline;
    final List<String> accountNames = new ArrayList<>();
    final List<String> agents = new ArrayList<>();
    int opportunities, won, lost, engaging, prospecting, withoutAccount, misspeltProduct, technolgy;
    BigDecimal wonValue = BigDecimal.ZERO;

    SalesDataSetFiles(Path dir, int accountCount, int agentCount, int opportunityCount) throws IOException {
        Random random = new Random(20161020);
        StringBuilder csv = new StringBuilder("account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n");
        for (int i = 0; i < accountCount; i++) {
            String name = "Acct" + (char) ('a' + i % 26) + "on " + i;
            accountNames.add(name);
            String sector = SECTORS[i % SECTORS.length];
            if (sector.equals("technolgy")) {
                technolgy++;
            }
            csv.append(name).append(',').append(sector).append(',').append(1980 + random.nextInt(40)).append(',')
                    .append(String.format("%.2f", 4 + random.nextDouble() * 11_000)).append(',').append(9 + random.nextInt(30_000)).append(',')
                    .append(i % 3 == 0 ? "United States" : "Kenya").append(',').append(i % 6 == 5 ? accountNames.get(0) : "").append("\r\n");
        }
        accounts = Files.writeString(dir.resolve("accounts.csv"), csv, StandardCharsets.UTF_8);

        csv = new StringBuilder("product,series,sales_price\r\n");
        for (String[] p : PRODUCTS) {
            csv.append(String.join(",", p)).append("\r\n");
        }
        products = Files.writeString(dir.resolve("products.csv"), csv, StandardCharsets.UTF_8);

        csv = new StringBuilder("sales_agent,manager,regional_office\r\n");
        for (int i = 0; i < agentCount; i++) {
            String agent = "Agent" + (char) ('A' + i) + " Smith-" + i;
            agents.add(agent);
            String[] team = TEAMS[i % TEAMS.length];
            csv.append(agent).append(',').append(team[0]).append(',').append(team[1]).append("\r\n");
        }
        teams = Files.writeString(dir.resolve("sales_teams.csv"), csv, StandardCharsets.UTF_8);

        csv = new StringBuilder("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
        LocalDate start = LocalDate.of(2016, 10, 20);
        for (int i = 0; i < opportunityCount; i++) {
            String stage = switch (i % 10) {
            case 0 -> "Prospecting";
            case 1, 2 -> "Engaging";
            case 3, 4, 5 -> "Lost";
            default -> "Won";
            };
            String agent = agents.get(i % (agentCount - 1)); // the last agent has no deals
            String[] product = PRODUCTS[i % PRODUCTS.length];
            String productName = product[0];
            if (productName.equals("Zeta Pro") && i % 2 == 0) {
                productName = "ZetaPro";
                misspeltProduct++;
            }
            boolean open = stage.equals("Prospecting") || stage.equals("Engaging");
            String account = open && i % 3 == 0 ? "" : accountNames.get(i % accountCount);
            if (account.isEmpty()) {
                withoutAccount++;
            }
            LocalDate engaged = start.plusDays(random.nextInt(400));
            String engage = stage.equals("Prospecting") ? "" : engaged.toString();
            String close = open ? "" : engaged.plusDays(1 + random.nextInt(130)).toString();
            String value = "";
            switch (stage) {
            case "Won" -> {
                int v = Integer.parseInt(product[2]) * (90 + random.nextInt(20)) / 100;
                value = Integer.toString(v);
                won++;
                wonValue = wonValue.add(BigDecimal.valueOf(v));
            }
            case "Lost" -> {
                value = "0";
                lost++;
            }
            case "Engaging" -> engaging++;
            default -> prospecting++;
            }
            csv.append(String.format("OPP%05d", i)).append(',').append(agent).append(',').append(productName).append(',').append(account)
                    .append(',').append(stage).append(',').append(engage).append(',').append(close).append(',').append(value).append("\r\n");
            opportunities++;
        }
        pipeline = Files.writeString(dir.resolve("sales_pipeline.csv"), csv, StandardCharsets.UTF_8);
    }

    /** The value mapping the README gives for sales_pipeline.csv, in the command line's form. */
    static final String PIPELINE_VALUES = "stage:Prospecting=Qualification,Engaging=Needs analysis,Won=Closed won,Lost=Closed lost,"
            + "product:ZetaPro=Zeta Pro,customer:=No account (imported),amount:=0,currency:=USD,lossReason:=Not recorded in source";
}
