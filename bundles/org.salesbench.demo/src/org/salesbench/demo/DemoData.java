package org.salesbench.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.users.User;
import org.salesbench.core.users.UserService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.demo.internal.Messages;
import org.salesbench.persistence.UnitOfWork;

/**
 * Fills a database with demo customers through the real services, in chunks of one transaction
 * each, so a million customers can be made for benchmarks with bounded memory.
 */
@Component(service = DemoData.class)
public class DemoData {

    public static final long DEFAULT_SEED = 20_261_127L;
    private static final int CHUNK = 1_000;

    private final CustomerService customers;
    private final UserService users;
    private final UnitOfWork unitOfWork;

    @Activate
    public DemoData(@Reference CustomerService customers, @Reference UserService users, @Reference UnitOfWork unitOfWork) {
        this.customers = customers;
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    /** Makes {@code size} demo customers if there are no customers yet; returns how many were made. */
    public int fillIfEmpty(int size, IProgressMonitor monitor) {
        if (customers.count(CustomerFilter.ALL) > 0) {
            return 0;
        }
        return fill(size, DEFAULT_SEED, monitor);
    }

    /** Deletes the customers of the demo users and makes {@code size} new ones. */
    public int reset(int size, IProgressMonitor monitor) {
        List<String> logins = DemoDataGenerator.USERS.stream().map(u -> u[0]).toList();
        unitOfWork.write(em -> {
            String in = String.join(",", logins.stream().map(l -> "'" + l + "'").toList());
            em.createNativeQuery("DELETE FROM SB_ACTIVITY WHERE CUSTOMER_ID IN (SELECT ID FROM SB_CUSTOMER WHERE OWNER IN (" + in + "))")
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM SB_CONTACT WHERE CUSTOMER_ID IN (SELECT ID FROM SB_CUSTOMER WHERE OWNER IN (" + in + "))")
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM SB_CUSTOMER WHERE OWNER IN (" + in + ")").executeUpdate();
            return null;
        });
        return fill(size, DEFAULT_SEED, monitor);
    }

    /** Makes {@code size} customers from {@code seed}, creating the demo users first if they are missing. */
    public int fill(int size, long seed, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Demo_task, size), size + 1);
        for (String[] u : DemoDataGenerator.USERS) {
            if (users.findUser(u[0]).isEmpty()) {
                User user = new User(u[0], u[1]);
                user.setEmail(u[0] + "@salesbench.example");
                users.createUser(user);
            }
        }
        progress.worked(1);
        DemoDataGenerator generator = new DemoDataGenerator(seed, LocalDate.now());
        int made = 0;
        while (made < size && !progress.isCanceled()) {
            int n = Math.min(CHUNK, size - made);
            List<Customer> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chunk.add(generator.next());
            }
            customers.createAll(chunk);
            made += n;
            progress.setTaskName(NLS.bind(Messages.Demo_progress, made, size));
            progress.worked(n);
        }
        return made;
    }
}
