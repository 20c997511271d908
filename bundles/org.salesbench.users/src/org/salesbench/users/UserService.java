package org.salesbench.users;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users and teams. Like every service it asks the security seam before it reads or writes and
 * validates before it writes; records name users by login.
 */
public interface UserService {

    /** Creates a user: login (letters, digits, dot, dash, underscore), display name, optional valid e-mail and existing manager. */
    User createUser(User user);

    User updateUser(User user);

    Optional<User> findUser(String login);

    /** Users by display name; only active ones if {@code activeOnly}. */
    List<User> users(boolean activeOnly);

    /** Creates a team whose manager and members are existing users. */
    Team createTeam(Team team);

    Team updateTeam(Team team);

    List<Team> teams();

    /** Every role, built-in ones first. */
    List<Role> roles();

    /** Adds a role of the administrator's own; its name is unique. */
    Role createRole(Role role);

    /**
     * Replaces the description, grants and field rules of an administrator's own role (built-in roles are fixed);
     * every entity and field it names must exist.
     */
    Role updateRole(Role role);

    /** Deletes an administrator's own role that no user holds; refused, naming the holders, while someone does. */
    void deleteRole(String name);

    /**
     * The record kinds field rules may name, each with its fields (sorted): what {@link #createRole} and
     * {@link #updateRole} accept.
     */
    java.util.Map<String, List<String>> securedFields();

    /** The entity names a grant may name besides {@link Role#EVERY_ENTITY}: the record kinds and the other securables (reports, roles). */
    List<String> grantableEntities();

    /** The names of the roles {@code login} holds. */
    List<String> rolesOf(String login);

    /** Gives {@code login} exactly these roles (an administrator's right). */
    void setRoles(String login, Collection<String> roleNames);

    /**
     * Lets {@code login} sign in to the team server with {@code password}: creates (or updates) their database role, a
     * member of the team role. The password reaches the server hashed (SCRAM), never in a statement's text; the caller
     * should clear the array afterwards. An embedded database has one user, so there it is refused.
     */
    void enableSignIn(String login, char[] password);

    /**
     * Shares a record with a user or a team; sharing again changes the access. An administrator shares any record,
     * anyone else only one they may edit (their own, or one shared with them to edit).
     *
     * @throws org.salesbench.core.security.AccessDeniedException naming the user and the record otherwise
     */
    void share(Share share);

    /** Ends a share; who may share the record may end its shares. */
    void unshare(String entity, long recordId, String grantee);

    /** Whether the current user may share the record (and end its shares). */
    boolean mayShare(String entity, long recordId);

    /** The shares of one record (its account team). */
    List<Share> shares(String entity, long recordId);
}
