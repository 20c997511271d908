package org.salesbench.users;

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
}
