package org.salesbench.importexport.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.users.Team;
import org.salesbench.core.users.User;
import org.salesbench.core.users.UserService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.opportunities.quotes.ProductService;

/**
 * Users and their teams, through {@link UserService}: a user per row (login, display name, e-mail, manager) and
 * membership of a team by name, with the team's region. Without a login column the login is made from the
 * display name ("Darcel Schlecht" becomes darcel.schlecht). A manager who is not a user yet (an org chart lists
 * managers only as a column) is created as one. Without a team column a user with a manager joins the team
 * named after that manager, led by the manager. Everything made that way is noted in the summary.
 */
public class UsersTarget implements ImportTarget {

    public static final String ID = "users";

    static final String LOGIN = "login", DISPLAY_NAME = "displayName", EMAIL = "email", MANAGER = "manager", TEAM = "team",
            REGION = "region", ACTIVE = "active";

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(LOGIN, SalesMessages.User_login, FieldType.TEXT, false, "Login", "Username", "User Name", "Alias", "登录名", "账号",
                        "用户名"),
                of(DISPLAY_NAME, SalesMessages.User_displayName, FieldType.TEXT, true, "Display Name", "Full Name", "Name", "sales_agent",
                        "Sales Agent", "Agent", "姓名", "显示名称", "销售代表"),
                of(EMAIL, SalesMessages.User_email, FieldType.TEXT, false, "Email", "E-mail", "Email Address", "邮箱", "电子邮箱"),
                of(MANAGER, SalesMessages.User_manager, FieldType.TEXT, false, "Manager", "Reports To", "Manager Name", "上级", "经理",
                        "主管"),
                of(TEAM, SalesMessages.User_team, FieldType.TEXT, false, "Team", "Sales Team", "Team Name", "Role", "团队", "销售团队"),
                of(REGION, SalesMessages.User_region, FieldType.TEXT, false, "Region", "regional_office", "Regional Office", "Territory",
                        "Office", "区域", "大区"),
                of(ACTIVE, SalesMessages.User_active, FieldType.BOOLEAN, false, "Active", "IsActive", "启用", "在职"));
    }

    @Override
    public List<String> keyFields() {
        return List.of(LOGIN, EMAIL);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        UserService users = context.service(UserService.class);
        Relations relations = new Relations(users, context.service(ProductService.class));
        return (rows, match) -> context.unitOfWork().write(em -> {
            List<RowOutcome> outcomes = new ArrayList<>();
            for (ImportRow row : rows) {
                outcomes.add(write(context, users, relations, row, match));
            }
            return outcomes;
        });
    }

    private static RowOutcome write(ImportContext context, UserService users, Relations relations, ImportRow row, MatchPolicy match) {
        String displayName = row.text(DISPLAY_NAME) == null ? null : row.text(DISPLAY_NAME).strip();
        String login = row.text(LOGIN);
        if (OpportunitiesTarget.blank(login) && displayName != null) {
            login = Relations.loginFrom(displayName);
            if (login == null) {
                return RowOutcome.failed(List.of(new FieldError(LOGIN, NLS.bind(SalesMessages.User_loginNeeded, displayName), displayName)));
            }
            context.note(SalesMessages.Note_loginDerived);
        }
        User existing = match.onMatch() == OnMatch.CREATE ? null : match(users, row, login, match.keys());
        if (existing != null && match.onMatch() == OnMatch.SKIP) {
            return RowOutcome.skipped(existing.getId());
        }
        try {
            String manager = null;
            if (!OpportunitiesTarget.blank(row.text(MANAGER))) {
                manager = managerLogin(context, users, relations, row.text(MANAGER).strip());
                if (manager == null) {
                    return RowOutcome.failed(List.of(new FieldError(MANAGER, NLS.bind(SalesMessages.User_loginNeeded, row.text(MANAGER)),
                            row.text(MANAGER))));
                }
            }
            User user = existing != null ? existing : new User(login == null ? null : login.strip(), displayName);
            if (existing != null && displayName != null) user.setDisplayName(displayName);
            if (row.has(EMAIL)) user.setEmail(row.text(EMAIL));
            if (manager != null) user.setManager(manager);
            if (row.has(ACTIVE) && row.get(ACTIVE) != null) user.setActive((Boolean) row.get(ACTIVE));
            User saved = existing != null ? users.updateUser(user) : users.createUser(user);
            relations.usersChanged();
            join(context, users, row, saved.getLogin(), manager);
            return existing != null ? RowOutcome.updated(saved.getId()) : RowOutcome.created(saved.getId());
        } catch (ValidationException e) {
            return RowOutcome.failed(e.getErrors());
        }
    }

    /** The manager's login; a manager who is no user yet is created from the name. {@code null} if no login can be made. */
    private static String managerLogin(ImportContext context, UserService users, Relations relations, String manager) {
        Object found = relations.login(MANAGER, manager);
        if (found instanceof String login) {
            return login;
        }
        String login = Relations.loginFrom(manager);
        if (login == null) {
            return null;
        }
        if (users.findUser(login).isEmpty()) {
            users.createUser(new User(login, manager));
            relations.usersChanged();
            context.note(NLS.bind(SalesMessages.Note_managerCreated, manager));
        }
        return login;
    }

    /** Adds the user to the row's team (or the manager's), creating the team with the row's region and manager. */
    private static void join(ImportContext context, UserService users, ImportRow row, String login, String manager) {
        String teamName = OpportunitiesTarget.blank(row.text(TEAM)) ? null : row.text(TEAM).strip();
        if (teamName == null && manager != null) {
            teamName = users.findUser(manager).map(User::getDisplayName).orElse(manager);
            context.note(SalesMessages.Note_teamNamedAfterManager);
        }
        if (teamName == null) {
            return;
        }
        String name = teamName;
        Optional<Team> found = users.teams().stream().filter(t -> t.getName().equalsIgnoreCase(name)).findFirst();
        Team team = found.orElseGet(() -> new Team(name));
        if (team.getManager() == null && manager != null) {
            team.setManager(manager);
        }
        if (!OpportunitiesTarget.blank(row.text(REGION))) {
            team.setRegion(row.text(REGION).strip());
        }
        team.getMembers().add(login);
        if (found.isPresent()) {
            users.updateTeam(team);
        } else {
            users.createTeam(team);
            context.note(NLS.bind(SalesMessages.Note_teamCreated, name));
        }
    }

    private static User match(UserService users, ImportRow row, String login, List<String> keys) {
        for (String key : keys) {
            if (key.equals(LOGIN) && login != null) {
                Optional<User> found = users.findUser(login.strip());
                if (found.isPresent()) {
                    return found.get();
                }
            } else if (key.equals(EMAIL) && !OpportunitiesTarget.blank(row.text(EMAIL))) {
                String email = row.text(EMAIL).strip();
                Optional<User> found = users.users(false).stream().filter(u -> email.equalsIgnoreCase(u.getEmail())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return null;
    }
}
