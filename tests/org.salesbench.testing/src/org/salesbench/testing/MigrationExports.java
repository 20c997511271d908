package org.salesbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Salesforce export folders for the migration tests, written as its data export writes the files. */
public final class MigrationExports {

    private MigrationExports() {
    }

    /**
     * Writes {@code Account.csv} ({@code accounts} accounts, ids {@code 001<unique><n>}), {@code Contact.csv}
     * ({@code contacts} contacts spread over them, ids {@code 003<unique>x<n>}, named {@code Person <unique>x<n>}, each
     * with an e-mail) and {@code Task.csv} (one call on the first account, "Call after the cancel <unique>") into
     * {@code folder}: three files, so that a cancel can land before, inside or after the contacts' file.
     *
     * @return {@code folder}, made if need be
     */
    public static Path accountsContactsAndATask(Path folder, String unique, int accounts, int contacts) throws IOException {
        Files.createDirectories(folder);
        StringBuilder account = new StringBuilder("Id,Name\r\n");
        for (int i = 0; i < accounts; i++) {
            account.append("001").append(unique).append(i).append(",Cancel Test ").append(unique).append(" Account ").append(i).append("\r\n");
        }
        Files.writeString(folder.resolve("Account.csv"), account, StandardCharsets.UTF_8);
        StringBuilder contact = new StringBuilder("Id,AccountId,FirstName,LastName,Email\r\n");
        for (int i = 0; i < contacts; i++) {
            contact.append("003").append(unique).append('x').append(i).append(",001").append(unique).append(i % accounts).append(",Person,")
                    .append(unique).append('x').append(i).append(",p").append(i).append('.').append(unique).append("@example.invalid\r\n");
        }
        Files.writeString(folder.resolve("Contact.csv"), contact, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Task.csv"), "Id,WhatId,Subject,ActivityDate,TaskSubtype\r\n00T" + unique + ",001" + unique
                + "0,Call after the cancel " + unique + ",2026-11-02,Call\r\n", StandardCharsets.UTF_8);
        return folder;
    }
}
