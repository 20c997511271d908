package org.salesbench.addons;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.salesbench.addons.internal.JdkTransport;
import org.salesbench.addons.internal.Messages;

/**
 * The add-on features of the running Salesbench installation, through Equinox p2: what is installed, installing a
 * feature from an update site (a folder or a file:, http: or https: address) and uninstalling one. Changes take
 * effect at the next start. Every method works on the installation's own p2 profile ({@link IProfileRegistry#SELF});
 * an installation without one (started from a development workspace or a test runtime) is refused with a message.
 */
public final class Addons {

    private static final String FEATURE_GROUP = ".feature.group";
    private static final String ROOT = "org.eclipse.equinox.p2.type.root";

    /** A feature of the installation. */
    public record Addon(String id, String version, String name, boolean root) {
    }

    private final IProvisioningAgent agent;

    private Addons(IProvisioningAgent agent) {
        this.agent = agent;
    }

    /** The add-ons of the installation this process runs. */
    public static Addons ofRunningInstallation() throws AddonException {
        BundleContext context = FrameworkUtil.getBundle(Addons.class).getBundleContext();
        startP2Core(context);
        IProvisioningAgent agent = null;
        try {
            for (ServiceReference<IProvisioningAgent> current
                    : context.getServiceReferences(IProvisioningAgent.class, "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")) {
                agent = context.getService(current);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (agent == null) {
            ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
            if (ref == null) {
                throw new AddonException(Messages.Addons_noP2);
            }
            try {
                agent = context.getService(ref).createAgent(null);
            } catch (ProvisionException e) {
                throw new AddonException(NLS.bind(Messages.Addons_noAgent, e.getMessage()), e);
            }
        }
        if (agent == null) {
            throw new AddonException(Messages.Addons_noP2);
        }
        JdkTransport.registerIfMissing(agent);
        Addons addons = new Addons(agent);
        addons.profile(); // refuses an installation without a profile now, not at the first change
        return addons;
    }

    /** p2's services (the agent, the engine's touchpoints, the framework manipulator) are DS components of lazy bundles. */
    private static final java.util.Set<String> P2_SERVICES = java.util.Set.of("org.eclipse.equinox.frameworkadmin",
            "org.eclipse.equinox.frameworkadmin.equinox", "org.eclipse.equinox.simpleconfigurator.manipulator");

    private static void startP2Core(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            boolean p2 = name != null && (name.startsWith("org.eclipse.equinox.p2.") && !name.startsWith("org.eclipse.equinox.p2.ui")
                    || P2_SERVICES.contains(name));
            if (p2 && bundle.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) == null
                    && bundle.getState() != Bundle.ACTIVE) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                } catch (BundleException e) {
                    // its services are then missing, which ofRunningInstallation reports
                }
            }
        }
    }

    private IProfile profile() throws AddonException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new AddonException(Messages.Addons_noProfile);
        }
        return profile;
    }

    /** The features installed, by id; {@link Addon#root()} for those installed on their own (uninstallable). */
    public List<Addon> installed() throws AddonException {
        IProfile profile = profile();
        List<Addon> addons = new ArrayList<>();
        for (IInstallableUnit unit : profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
            if (!unit.getId().endsWith(FEATURE_GROUP)) {
                continue;
            }
            addons.add(addon(unit, Boolean.parseBoolean(profile.getInstallableUnitProperty(unit, ROOT))));
        }
        addons.sort(Comparator.comparing(Addon::id));
        return addons;
    }

    /**
     * Installs the newest version of a feature from an update site, with what it requires (from the site or the
     * installation).
     *
     * @param site    the update site
     * @param feature the feature's id, e.g. {@code com.example.crm.addon.feature}
     * @return the installed feature
     */
    public Addon install(URI site, String feature, IProgressMonitor monitor) throws AddonException {
        IProgressMonitor pm = monitor == null ? new NullProgressMonitor() : monitor;
        String unitId = unitId(feature);
        IMetadataRepository repository;
        try {
            repository = agent.getService(IMetadataRepositoryManager.class).loadRepository(site, pm);
            agent.getService(IArtifactRepositoryManager.class).loadRepository(site, pm);
        } catch (ProvisionException e) {
            throw new AddonException(NLS.bind(Messages.Addons_noSite, site, e.getMessage()), e);
        } catch (OperationCanceledException e) {
            throw new AddonException(Messages.Addons_cancelled, e);
        }
        IQueryResult<IInstallableUnit> found = repository.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(unitId)), pm);
        if (found.isEmpty()) {
            Set<String> offered = new TreeSet<>();
            for (IInstallableUnit unit : repository.query(QueryUtil.createIUGroupQuery(), pm).toUnmodifiableSet()) {
                if (unit.getId().endsWith(FEATURE_GROUP)) {
                    offered.add(featureId(unit.getId()));
                }
            }
            throw new AddonException(NLS.bind(Messages.Addons_notOnSite,
                    new Object[] { featureId(unitId), site, offered.isEmpty() ? "-" : String.join(", ", offered) }));
        }
        IInstallableUnit unit = found.iterator().next();
        ProvisioningSession session = new ProvisioningSession(agent);
        InstallOperation operation = new InstallOperation(session, List.of(unit));
        operation.setProfileId(IProfileRegistry.SELF);
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories(site);
        context.setArtifactRepositories(site);
        operation.setProvisioningContext(context);
        run(operation, NLS.bind(Messages.Addons_cannotInstall, featureId(unitId)), pm);
        return addon(unit, true);
    }

    /** Uninstalls a feature that was installed on its own (and what only it needed). */
    public void uninstall(String feature, IProgressMonitor monitor) throws AddonException {
        IProgressMonitor pm = monitor == null ? new NullProgressMonitor() : monitor;
        String unitId = unitId(feature);
        IProfile profile = profile();
        IQueryResult<IInstallableUnit> found = profile.query(QueryUtil.createIUQuery(unitId), pm);
        if (found.isEmpty()) {
            throw new AddonException(NLS.bind(Messages.Addons_notInstalled, featureId(unitId)));
        }
        IInstallableUnit unit = found.iterator().next();
        if (!Boolean.parseBoolean(profile.getInstallableUnitProperty(unit, ROOT))) {
            throw new AddonException(NLS.bind(Messages.Addons_notRoot, featureId(unitId)));
        }
        UninstallOperation operation = new UninstallOperation(new ProvisioningSession(agent), List.of(unit));
        operation.setProfileId(IProfileRegistry.SELF);
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories();
        context.setArtifactRepositories();
        operation.setProvisioningContext(context);
        run(operation, NLS.bind(Messages.Addons_cannotUninstall, featureId(unitId)), pm);
    }

    private static void run(ProfileChangeOperation operation, String failure, IProgressMonitor monitor) throws AddonException {
        IStatus resolved = operation.resolveModal(monitor);
        if (resolved.getSeverity() == IStatus.CANCEL) {
            throw new AddonException(Messages.Addons_cancelled);
        }
        if (resolved.getSeverity() == IStatus.ERROR || operation.getProvisioningJob(monitor) == null) {
            String details = operation.getResolutionDetails();
            throw new AddonException(failure + ": " + (details == null || details.isBlank() ? describe(resolved) : details.strip()));
        }
        IStatus done = operation.getProvisioningJob(monitor).runModal(monitor);
        if (done.getSeverity() == IStatus.ERROR || done.getSeverity() == IStatus.CANCEL) {
            throw new AddonException(failure + ": " + describe(done), done.getException());
        }
    }

    private static String describe(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage());
        if (status instanceof MultiStatus multi) {
            for (IStatus child : multi.getChildren()) {
                if (child.getSeverity() >= IStatus.WARNING) {
                    text.append(System.lineSeparator()).append("  ").append(describe(child));
                }
            }
        }
        return text.toString();
    }

    private static Addon addon(IInstallableUnit unit, boolean root) {
        String name = unit.getProperty(IInstallableUnit.PROP_NAME, null);
        return new Addon(featureId(unit.getId()), unit.getVersion().toString(), name == null ? "" : name, root);
    }

    private static String unitId(String feature) {
        String id = feature.strip();
        return id.endsWith(FEATURE_GROUP) ? id : id + FEATURE_GROUP;
    }

    private static String featureId(String unitId) {
        return unitId.endsWith(FEATURE_GROUP) ? unitId.substring(0, unitId.length() - FEATURE_GROUP.length()) : unitId;
    }
}
