package org.salesbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.core.registry.LazyContribution;

class RegistryReaderTest {

    /** A contributed class. */
    public static class Greeter implements Supplier<String> {
        @Override
        public String get() {
            return "hello";
        }
    }

    record Item(String id, int order, LazyContribution<Supplier> greeter) {
    }

    private final ExtensionRegistryReader<Item> reader = new ExtensionRegistryReader<>("org.salesbench.core.testPoint", "item",
            e -> new Item(ExtensionRegistryReader.requiredAttribute(e, "id"), ExtensionRegistryReader.intAttribute(e, "order", 0),
                    new LazyContribution<>(e, "class", Supplier.class)),
            Comparator.comparingInt(Item::order));

    @Test
    void readsContributionsInOrderAndSkipsOneWithoutAnId() {
        List<Item> items = reader.descriptors();
        assertEquals(List.of("a", "b", "c"), items.stream().map(Item::id).toList());
    }

    @Test
    void createsContributedClassesLazilyAndSurvivesABrokenOne() {
        List<Item> items = reader.descriptors();
        assertEquals("hello", items.get(0).greeter().get().orElseThrow().get());
        assertTrue(items.get(2).greeter().get().isEmpty(), "a class that does not exist yields nothing, no exception");
        assertEquals("org.salesbench.core", items.get(0).greeter().contributor());
    }

    @Test
    void safeCallReturnsTheFallbackWhenContributedCodeThrows() {
        assertEquals("fallback", LazyContribution.safeCall("test", () -> {
            throw new IllegalStateException("broken add-on");
        }, "fallback"));
    }
}
