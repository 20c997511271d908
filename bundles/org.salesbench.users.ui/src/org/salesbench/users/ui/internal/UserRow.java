package org.salesbench.users.ui.internal;

import java.util.List;

import org.salesbench.users.User;

/** A line of the users table: the user with the names of the roles they hold. */
record UserRow(User user, List<String> roles) {
}
