package org.salesbench.workflow.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.salesbench.workflow.Task;
import org.salesbench.workflow.internal.TaskServiceImpl;

/** Several services call {@code createOnce} for the same occurrence at the same moment, each on its own thread. */
final class OccurrenceRace {

    private OccurrenceRace() {
    }

    /** How many of {@code services} made the task of {@code key}, all starting together. */
    static int made(List<TaskServiceImpl> services, String key, Function<String, Task> taskWithKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            CyclicBarrier start = new CyclicBarrier(services.size());
            List<Future<Optional<Task>>> results = new ArrayList<>();
            for (TaskServiceImpl service : services) {
                Callable<Optional<Task>> call = () -> {
                    Task task = taskWithKey.apply(key);
                    start.await();
                    return service.createOnce(task);
                };
                results.add(pool.submit(call));
            }
            int made = 0;
            for (Future<Optional<Task>> r : results) {
                made += r.get().isPresent() ? 1 : 0;
            }
            return made;
        } finally {
            pool.shutdownNow();
        }
    }
}
