package org.cinely.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions live in the database, and Spring Session writes a session's last access time on every
 * request: one UPDATE (and a commit) per page a member views, only to move a 30-day expiry by a
 * few seconds. This wraps the session store so that the time is written when it has moved by
 * {@link #EVERY} or more; anything else that changes a session (its attributes, its lifetime, a
 * new id) is saved as before. A session may so expire up to a minute early, of 30 days (or two
 * hours for a visitor's).
 *
 * <p>The store also answers a second read of a session the request has just saved from memory
 * ({@link SessionReadOnce}), and decodes a signed-in member's stored context once per distinct
 * stored form ({@link DecodedSignIns}).
 */
final class SessionTouchThrottle implements BeanPostProcessor, BeanClassLoaderAware {

    static final Duration EVERY = Duration.ofMinutes(1);

    /** Distinct signed-in contexts kept decoded ({@link DecodedSignIns}): a few MB. */
    private static final int DECODED_CONTEXTS = 5_000;

    private ClassLoader classLoader = SessionTouchThrottle.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof org.springframework.session.jdbc.JdbcIndexedSessionRepository jdbc) {
            jdbc.setConversionService(DecodedSignIns.conversions(classLoader, DECODED_CONTEXTS));
            return new Repository<>((FindByIndexNameSessionRepository) jdbc);
        }
        return bean;
    }

    /** The store, handing out sessions that skip small moves of their last access time. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<TouchedRarely<S>> {

        private final FindByIndexNameSessionRepository<S> store;

        Repository(FindByIndexNameSessionRepository<S> store) {
            this.store = store;
        }

        @Override
        public TouchedRarely<S> createSession() {
            return new TouchedRarely<>(store.createSession());
        }

        @Override
        public void save(TouchedRarely<S> session) {
            store.save(session.stored);
            SessionReadOnce.saved(session);
        }

        @Override
        public TouchedRarely<S> findById(String id) {
            TouchedRarely<S> justSaved = SessionReadOnce.savedByThisRequest(id);
            if (justSaved != null) {
                return justSaved;
            }
            S session = SessionStoreTransactions.reading(() -> store.findById(id));
            return session == null ? null : new TouchedRarely<>(session);
        }

        @Override
        public void deleteById(String id) {
            SessionReadOnce.deleted(id);
            store.deleteById(id);
        }

        @Override
        public Map<String, TouchedRarely<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, TouchedRarely<S>> found = new LinkedHashMap<>();
            store.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new TouchedRarely<>(session)));
            return found;
        }
    }

    /** A stored session whose last access time moves only by {@link #EVERY} or more. */
    static final class TouchedRarely<S extends Session> implements Session {

        final S stored;

        TouchedRarely(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(EVERY) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
