package org.salesbench.performance.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.salesbench.core.security.SecurityService;
import org.salesbench.ui.Services;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** A team the signed-in tester manages, made for a Targets test: the tester (made if missing) and new people in it. */
final class TeamFixture {

    private TeamFixture() {
    }

    /** The tester's login (made a user if it is not one yet). */
    static String me() {
        UserService users = Services.get(UserService.class);
        String me = Services.get(SecurityService.class).currentUser().login();
        if (users.findUser(me).isEmpty()) {
            users.createUser(new User(me, "界面测试员"));
        }
        return me;
    }

    /**
     * Makes the people {@code people} (login → display name) and a team named {@code name} managed by the tester, with
     * the tester among its members when {@code withMe}; returns the team as made.
     */
    static Team managedByMe(String name, boolean withMe, Map<String, String> people) {
        UserService users = Services.get(UserService.class);
        String me = me();
        new LinkedHashMap<>(people).forEach((login, displayName) -> users.createUser(new User(login, displayName)));
        Team team = new Team(name);
        team.setManager(me);
        List<String> members = new ArrayList<>();
        if (withMe) {
            members.add(me);
        }
        members.addAll(people.keySet());
        team.getMembers().addAll(members);
        return users.createTeam(team);
    }
}
