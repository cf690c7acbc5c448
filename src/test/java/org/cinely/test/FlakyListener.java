package org.cinely.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Only in tests: a listener that throws the first times it gets an event, as a flaky one would. */
@Component
public class FlakyListener {

    /** Fails {@code failures} times, then succeeds. */
    public record FlakyEvent(String key, int failures) {}

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> done = new ConcurrentHashMap<>();

    /** Methods, not fields: the bean is a proxy (its listener runs asynchronously). */
    public int attempts(String key) {
        AtomicInteger n = attempts.get(key);
        return n == null ? 0 : n.get();
    }

    public boolean done(String key) {
        return done.containsKey(key);
    }

    @ApplicationModuleListener
    void on(FlakyEvent event) {
        int attempt =
                attempts.computeIfAbsent(event.key(), k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= event.failures()) {
            throw new IllegalStateException("flaky listener fails attempt " + attempt + " (as meant)");
        }
        done.put(event.key(), true);
    }
}
