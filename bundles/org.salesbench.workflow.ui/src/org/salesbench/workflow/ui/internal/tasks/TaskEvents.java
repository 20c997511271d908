package org.salesbench.workflow.ui.internal.tasks;

import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.swt.widgets.Control;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.workflow.Task;

/** Subscriptions to the {@code task} events the task service posts after each commit. */
final class TaskEvents {

    private TaskEvents() {
    }

    /** Runs {@code changed} on the UI thread after any task changes, while {@code control} lives. */
    static void whileShown(Control control, Runnable changed) {
        var display = control.getDisplay();
        ServiceRegistration<EventHandler> registration = subscribe(EventTopics.allOf(Task.ENTITY), event -> display.asyncExec(() -> {
            if (!control.isDisposed()) {
                changed.run();
            }
        }));
        control.addDisposeListener(e -> registration.unregister());
    }

    /** Subscribes {@code handler} (called on the event thread) to {@code topic}. */
    static ServiceRegistration<EventHandler> subscribe(String topic, EventHandler handler) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, topic);
        return FrameworkUtil.getBundle(TaskEvents.class).getBundleContext().registerService(EventHandler.class, handler, properties);
    }
}
