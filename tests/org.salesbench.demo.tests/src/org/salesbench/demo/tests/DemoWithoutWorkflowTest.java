package org.salesbench.demo.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.demo.DemoData;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.demo.internal.DemoSales;

/**
 * The demo bundle needs workflow optionally: its manifest says so, and the classes Declarative Services loads for the
 * demo data (DS reads every field and method of a component by reflection) name no workflow type, so the demo runs in
 * a product without workflow and only the workflow parts ({@code DemoWorkflow}, {@code DemoApprovals}) stay down.
 */
class DemoWithoutWorkflowTest {

    private static final String WORKFLOW = "org.salesbench.workflow";

    @Test
    void theManifestRequiresWorkflowOptionally() {
        Bundle demo = FrameworkUtil.getBundle(DemoData.class);
        String required = demo.getHeaders("").get("Require-Bundle");
        int at = required.indexOf(WORKFLOW + ";");
        assertTrue(at >= 0, required);
        int end = required.indexOf(',', required.indexOf(')', at));
        String clause = required.substring(at, end < 0 ? required.length() : end);
        assertTrue(clause.contains("resolution:=optional"), clause);
    }

    @Test
    void theDemoDataNamesNoWorkflowType() {
        List<String> found = new ArrayList<>();
        for (Class<?> type : List.of(DemoData.class, DemoSales.class, DemoSales.Services.class, DemoDataGenerator.class)) {
            for (Field field : type.getDeclaredFields()) {
                check(type + "." + field.getName(), found, field.getType());
            }
            for (Method method : type.getDeclaredMethods()) {
                check(type + "." + method.getName(), found, Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .toArray(Class<?>[]::new));
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                check(type + ".<init>", found, constructor.getParameterTypes());
            }
        }
        assertTrue(found.isEmpty(), "workflow types in the demo's always-loaded classes: " + found);
    }

    private static void check(String where, List<String> found, Class<?>... types) {
        for (Class<?> type : types) {
            Class<?> element = type;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith(WORKFLOW + ".")) {
                found.add(where + ": " + element.getName());
            }
        }
    }
}
