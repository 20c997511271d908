package org.salesbench.users.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.users.imports.OwnerLookup;

/**
 * Users and their teams, through {@link UserService}: a user per row (login, display name, e-mail, manager) and
 * membership of teams by name ({@value #TEAM_SEPARATOR} between several), with each team's region. Without a login column the login is made from the
 * display name ("Darcel Schlecht" becomes darcel.schlecht). A manager who is not a user yet (an org chart lists
 * managers only as a column) is created as one. Without a team column a user with a manager joins the team
 * named after that manager, led by the manager. Everything made that way is noted in the summary.
 */
public class UsersTarget implements ImportTarget {

    public static final String ID = "users";

    /** Separates the teams of a user in the team column, and their regions in the region column. */
    static final String TEAM_SEPARATOR = ";";

    static final String LOGIN = "login", DISPLAY_NAME = "displayName", EMAIL = "email", MANAGER = "manager", TEAM = "team",
            REGION = "region", ACTIVE = "active";

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(LOGIN, ImportMessages.User_login, FieldType.TEXT, false, "Login", "Username", "User Name", "Alias", "登录名", "账号",
                        "用户名"),
                of(DISPLAY_NAME, ImportMessages.User_displayName, FieldType.TEXT, true, "Display Name", "Full Name", "Name", "sales_agent",
                        "Sales Agent", "Agent", "姓名", "显示名称", "销售代表"),
                of(EMAIL, ImportMessages.User_email, FieldType.TEXT, false, "Email", "E-mail", "Email Address", "邮箱", "电子邮箱"),
                of(MANAGER, ImportMessages.User_manager, FieldType.TEXT, false, "Manager", "Reports To", "Manager Name", "上级", "经理",
                        "主管"),
                of(TEAM, ImportMessages.User_team, FieldType.TEXT, false, "Team", "Sales Team", "Team Name", "Role", "团队", "销售团队"),
                of(REGION, ImportMessages.User_region, FieldType.TEXT, false, "Region", "regional_office", "Regional Office", "Territory",
                        "Office", "区域", "大区"),
                of(ACTIVE, ImportMessages.User_active, FieldType.BOOLEAN, false, "Active", "IsActive", "启用", "在职"),
                RecordVersions.field());
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
        OwnerLookup relations = new OwnerLookup(users);
        return (rows, match) -> context.unitOfWork().write(em -> {
            List<RowOutcome> outcomes = new ArrayList<>();
            for (ImportRow row : rows) {
                outcomes.add(write(context, users, relations, row, match));
            }
            return outcomes;
        });
    }

    private static RowOutcome write(ImportContext context, UserService users, OwnerLookup relations, ImportRow row, MatchPolicy match) {
        String displayName = row.text(DISPLAY_NAME) == null ? null : row.text(DISPLAY_NAME).strip();
        String login = row.text(LOGIN);
        if (blank(login) && displayName != null) {
            login = loginFrom(displayName);
            if (login == null) {
                return RowOutcome.failed(List.of(new FieldError(LOGIN, NLS.bind(ImportMessages.User_loginNeeded, displayName), displayName)));
            }
            context.note(ImportMessages.Note_loginDerived);
        }
        User existing = match.onMatch() == OnMatch.CREATE ? null : match(users, row, login, match.keys());
        if (existing != null && match.onMatch() == OnMatch.SKIP) {
            return RowOutcome.skipped(existing.getId());
        }
        RowOutcome stale = existing == null ? null : RecordVersions.refusal(row, existing, existing.getDisplayName());
        if (stale != null) { // changed since the file was exported: the other person's change stays
            return stale;
        }
        try {
            String manager = null;
            if (!blank(row.text(MANAGER))) {
                manager = managerLogin(context, users, relations, row.text(MANAGER).strip());
                if (manager == null) {
                    return RowOutcome.failed(List.of(new FieldError(MANAGER, NLS.bind(ImportMessages.User_loginNeeded, row.text(MANAGER)),
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
    private static String managerLogin(ImportContext context, UserService users, OwnerLookup relations, String manager) {
        Object found = relations.login(MANAGER, manager);
        if (found instanceof String login) {
            return login;
        }
        String login = loginFrom(manager);
        if (login == null) {
            return null;
        }
        if (users.findUser(login).isEmpty()) {
            users.createUser(new User(login, manager));
            relations.usersChanged();
            context.note(NLS.bind(ImportMessages.Note_managerCreated, manager));
        }
        return login;
    }

    /**
     * Adds the user to the row's teams (or the manager's), creating each team with its region and the row's manager.
     * Several teams are separated by {@value #TEAM_SEPARATOR}, their regions likewise, in the same order; one region
     * is every team's.
     */
    private static void join(ImportContext context, UserService users, ImportRow row, String login, String manager) {
        List<String> teamNames = parts(row.text(TEAM));
        if (teamNames.isEmpty() && manager != null && !row.has(TEAM)) { // a blank cell of a team column is "no team"
            teamNames = List.of(users.findUser(manager).map(User::getDisplayName).orElse(manager));
            context.note(ImportMessages.Note_teamNamedAfterManager);
        }
        List<String> regions = parts(row.text(REGION));
        for (int i = 0; i < teamNames.size(); i++) {
            String name = teamNames.get(i);
            if (name.isEmpty()) {
                continue;
            }
            String region = regions.isEmpty() ? "" : regions.get(regions.size() == 1 ? 0 : Math.min(i, regions.size() - 1));
            Optional<Team> found = users.teams().stream().filter(t -> t.getName().equalsIgnoreCase(name)).findFirst();
            Team team = found.orElseGet(() -> new Team(name));
            if (team.getManager() == null && manager != null) {
                team.setManager(manager);
            }
            if (!region.isEmpty()) {
                team.setRegion(region);
            }
            team.getMembers().add(login);
            if (found.isPresent()) {
                users.updateTeam(team);
            } else {
                users.createTeam(team);
                context.note(NLS.bind(ImportMessages.Note_teamCreated, name));
            }
        }
    }

    /** The stripped parts of a cell separated by {@value #TEAM_SEPARATOR}, blanks kept so that positions line up; none for a blank cell. */
    private static List<String> parts(String cell) {
        if (blank(cell)) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(TEAM_SEPARATOR, -1)).map(String::strip).toList();
    }

    private static User match(UserService users, ImportRow row, String login, List<String> keys) {
        for (String key : keys) {
            if (key.equals(LOGIN) && login != null) {
                Optional<User> found = users.findUser(login.strip());
                if (found.isPresent()) {
                    return found.get();
                }
            } else if (key.equals(EMAIL) && !blank(row.text(EMAIL))) {
                String email = row.text(EMAIL).strip();
                Optional<User> found = users.users(false).stream().filter(u -> email.equalsIgnoreCase(u.getEmail())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return null;
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /**
     * Every user, one row each: the teams the user is in and their regions separated by {@value #TEAM_SEPARATOR}
     * (in the same order), the manager as a login. Managers come before the people who report to them, so an import
     * finds each manager as a user. Users and teams are few (a sales organisation, not a customer base), so they are
     * read in one go. There is no filter: {@code filter} is ignored.
     */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        UserService users = context.service(UserService.class);
        List<TargetField> fields = fields();
        out.begin(fields.stream().map(f -> new Column(f.name(), f.label())).toList());
        List<User> all = managersFirst(users.users(false));
        List<Team> teams = new ArrayList<>(users.teams());
        teams.sort(Comparator.comparing(Team::getName));
        monitor.beginTask(TargetMessages.Progress_export, all.size());
        for (User user : all) {
            if (monitor.isCanceled()) {
                break;
            }
            List<Team> memberOf = teams.stream().filter(t -> t.getMembers().contains(user.getLogin())).toList();
            out.writeTyped(fields.stream().map(f -> RecordChunks.typed(switch (f.name()) {
            case LOGIN -> user.getLogin();
            case DISPLAY_NAME -> user.getDisplayName();
            case EMAIL -> user.getEmail();
            case MANAGER -> user.getManager();
            case TEAM -> memberOf.isEmpty() ? null : String.join(TEAM_SEPARATOR + " ", memberOf.stream().map(Team::getName).toList());
            case REGION -> memberOf.stream().allMatch(t -> blank(t.getRegion())) ? null
                    : String.join(TEAM_SEPARATOR + " ", memberOf.stream().map(t -> t.getRegion() == null ? "" : t.getRegion()).toList());
            case ACTIVE -> user.isActive();
            case RecordVersions.FIELD -> RecordVersions.exported(user);
            default -> null;
            })).toList());
            monitor.worked(1);
        }
        monitor.done();
    }

    /** The users by how many managers are above them, then by login; a manager chain that loops ends where it repeats. */
    static List<User> managersFirst(List<User> users) {
        java.util.Map<String, User> byLogin = new java.util.HashMap<>();
        users.forEach(u -> byLogin.put(u.getLogin(), u));
        java.util.Map<String, Integer> depth = new java.util.HashMap<>();
        for (User u : users) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            int d = 0;
            for (User m = u; m != null && m.getManager() != null && seen.add(m.getLogin()); m = byLogin.get(m.getManager())) {
                d++;
            }
            depth.put(u.getLogin(), d);
        }
        List<User> sorted = new ArrayList<>(users);
        sorted.sort(Comparator.comparing((User u) -> depth.get(u.getLogin())).thenComparing(User::getLogin));
        return sorted;
    }

    /** A login made from a display name: "Darcel Schlecht" becomes darcel.schlecht; {@code null} if nothing usable remains. */
    static String loginFrom(String displayName) {
        String ascii = Normalizer.normalize(displayName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String login = ascii.replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (login.length() > 64) {
            login = login.substring(0, 64).replaceAll("\\.+$", "");
        }
        return login.length() < 2 ? null : login;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
