/**
 * Users and teams: who may sign in, who manages whom, which team a person belongs to. Records elsewhere name their
 * owner by {@link org.salesbench.users.User#getLogin() login}. This package is the API other modules and add-ons use
 * ({@link org.salesbench.users.UserService}, the entities); the implementation, its command and import target live in
 * the internal packages. Roles, permissions and sign-in will join this module as API here and implementation there.
 */
package org.salesbench.users;
