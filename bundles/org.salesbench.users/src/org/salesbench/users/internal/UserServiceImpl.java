package org.salesbench.users.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** Users and teams in SB_USER, SB_TEAM and SB_TEAM_MEMBER, stored through the unit of work. */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    private static final String USER = "user";
    private static final String TEAM = "team";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;

    @Activate
    public UserServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    @Override
    public User createUser(User user) {
        security.check(Action.CREATE, USER, null);
        return unitOfWork.write(em -> {
            validate(em, user, true);
            em.persist(user);
            return user;
        });
    }

    @Override
    public User updateUser(User user) {
        security.check(Action.UPDATE, USER, user.getOwner());
        return unitOfWork.write(em -> {
            validate(em, user, false);
            return em.merge(user);
        });
    }

    private void validate(EntityManager em, User user, boolean isNew) {
        Validator v = new Validator();
        if (v.required("login", Messages.User_login, user.getLogin()) && !LOGIN.matcher(user.getLogin()).matches()) {
            v.add("login", Messages.User_loginFormat, Messages.User_login, user.getLogin());
        } else if (isNew && user.getLogin() != null && find(em, user.getLogin()).isPresent()) {
            v.add("login", Messages.User_loginTaken, Messages.User_login, user.getLogin());
        }
        v.required("displayName", Messages.User_displayName, user.getDisplayName());
        v.maxLength("displayName", Messages.User_displayName, user.getDisplayName(), 128);
        v.email("email", Messages.User_email, user.getEmail());
        if (user.getManager() != null && find(em, user.getManager()).isEmpty()) {
            v.add("manager", Messages.User_unknown, Messages.User_manager, user.getManager());
        }
        v.throwIfInvalid();
    }

    private static Optional<User> find(EntityManager em, String login) {
        return em.createQuery("SELECT u FROM User u WHERE u.login = :login", User.class)
                .setParameter("login", login).getResultStream().findFirst();
    }

    @Override
    public Optional<User> findUser(String login) {
        security.check(Action.READ, USER, null);
        return unitOfWork.read(em -> find(em, login));
    }

    @Override
    public List<User> users(boolean activeOnly) {
        security.check(Action.READ, USER, null);
        return unitOfWork.read(em -> em.createQuery(
                "SELECT u FROM User u WHERE u.active = TRUE OR :all = TRUE ORDER BY u.displayName", User.class)
                .setParameter("all", !activeOnly).getResultList());
    }

    @Override
    public Team createTeam(Team team) {
        security.check(Action.CREATE, TEAM, null);
        return unitOfWork.write(em -> {
            validate(em, team);
            em.persist(team);
            return team;
        });
    }

    @Override
    public Team updateTeam(Team team) {
        security.check(Action.UPDATE, TEAM, team.getOwner());
        return unitOfWork.write(em -> {
            validate(em, team);
            return em.merge(team);
        });
    }

    private void validate(EntityManager em, Team team) {
        Validator v = new Validator();
        v.required("name", Messages.Team_name, team.getName());
        v.maxLength("name", Messages.Team_name, team.getName(), 128);
        if (team.getManager() != null && find(em, team.getManager()).isEmpty()) {
            v.add("manager", Messages.User_unknown, Messages.Team_manager, team.getManager());
        }
        for (String member : team.getMembers()) {
            if (find(em, member).isEmpty()) {
                v.add("members", Messages.User_unknown, Messages.Team_members, member);
            }
        }
        v.throwIfInvalid();
    }

    @Override
    public List<Team> teams() {
        security.check(Action.READ, TEAM, null);
        return unitOfWork.read(em -> {
            List<Team> teams = em.createQuery("SELECT t FROM Team t ORDER BY t.name", Team.class).getResultList();
            teams.forEach(t -> t.getMembers().size()); // load members before the session closes
            return teams;
        });
    }
}
