package org.salesbench.core.recyclebin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;

/**
 * The recycle bin over the kinds added to it. The running product's one is an OSGi service that adds every
 * {@link RecycleBinKind} service; tests and tools that build their services by hand {@link #add} them.
 */
public class RecycleBinRegistry implements RecycleBin {

    private final SecurityService security;
    private final Clock clock;
    private final List<RecycleBinKind> kinds = new CopyOnWriteArrayList<>();
    private volatile TeamSettings settings;

    public RecycleBinRegistry(SecurityService security, Clock clock) {
        this.security = security;
        this.clock = clock;
    }

    public final void add(RecycleBinKind kind) {
        kinds.add(kind);
    }

    public final void remove(RecycleBinKind kind) {
        kinds.remove(kind);
    }

    /** Where {@link #retention()} comes from: the team's settings ({@code null}: the default, as on a database without them). */
    public final void setSettings(TeamSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<RecycleBinKind> kinds() {
        return kinds.stream().sorted(Comparator.comparingInt(RecycleBinKind::order).thenComparing(RecycleBinKind::entity)).toList();
    }

    @Override
    public List<DeletedRecord> deleted(String entity, int limit) {
        if (entity != null) {
            return kind(entity).deleted(limit);
        }
        List<DeletedRecord> all = new ArrayList<>();
        kinds().forEach(k -> all.addAll(k.deleted(limit)));
        return all.stream().sorted(Comparator.comparing(DeletedRecord::deletedAt).reversed().thenComparing(DeletedRecord::entity)).limit(limit).toList();
    }

    @Override
    public Optional<DeletedRecord> findDeleted(String entity, long id) {
        return kinds.stream().filter(k -> k.entity().equals(entity)).findFirst().flatMap(k -> k.findDeleted(id));
    }

    @Override
    public Duration retention() {
        TeamSettings team = settings;
        return Duration.ofDays(team == null ? RETENTION.defaultValue() : team.value(RETENTION));
    }

    @Override
    public List<Dependent> dependents(String entity, long id) {
        List<Dependent> all = new ArrayList<>();
        for (RecycleBinKind kind : kinds()) {
            kind.dependentsOf(entity, id).stream().filter(d -> d.count() > 0).forEach(all::add);
        }
        return all;
    }

    @Override
    public void restore(String entity, long id) {
        restore(entity, id, null);
    }

    @Override
    public void restore(DeletedRecord seen) {
        restore(seen.entity(), seen.id(), seen.version());
    }

    private void restore(String entity, long id, Long seenVersion) {
        RecycleBinKind kind = kind(entity);
        DeletedRecord record = kind.findDeleted(id).orElseThrow(() -> notInBin(id));
        if (clock.instant().isAfter(restorableUntil(record)) && !security.isPermitted(Action.DELETE, ENTITY, null)) {
            throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Restore_expired, record.name(), retention().toDays()), id)));
        }
        kind.restore(id, seenVersion);
    }

    @Override
    public void purge(String entity, long id) {
        purge(entity, id, null);
    }

    @Override
    public void purge(DeletedRecord seen) {
        purge(seen.entity(), seen.id(), seen.version());
    }

    private void purge(String entity, long id, Long seenVersion) {
        security.check(Action.DELETE, ENTITY, null);
        RecycleBinKind kind = kind(entity);
        DeletedRecord record = kind.findDeleted(id).orElseThrow(() -> notInBin(id));
        List<Dependent> blockers = dependents(entity, id).stream().filter(Dependent::blocksPurge).toList();
        if (!blockers.isEmpty()) {
            throw new PurgeRefusedException(record, blockers);
        }
        kind.purge(id, seenVersion);
    }

    @Override
    public PurgeResult purgeExpired() {
        security.check(Action.DELETE, ENTITY, null);
        Duration retention = retention();
        java.time.Instant before = clock.instant().minus(retention);
        List<DeletedRecord> purged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (RecycleBinKind kind : kinds()) {
            // the oldest come last in a kind's list, most recently deleted first: read until none is left past the limit
            for (DeletedRecord record : kind.deleted(Integer.MAX_VALUE)) {
                if (!record.deletedAt().isBefore(before)) {
                    continue;
                }
                if (kind.findDeleted(record.id()).isEmpty()) {
                    continue; // went for good with a record purged before it (a customer's contacts)
                }
                try {
                    purge(record);
                    purged.add(record);
                } catch (ValidationException e) {
                    refused.add(e.getMessage());
                }
            }
        }
        return new PurgeResult(List.copyOf(purged), List.copyOf(refused));
    }

    private RecycleBinKind kind(String entity) {
        return kinds.stream().filter(k -> k.entity().equals(entity)).findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("entity", NLS.bind(Messages.Bin_unknownKind, entity), entity))));
    }

    private static ValidationException notInBin(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Restore_notInBin, id), id)));
    }
}
