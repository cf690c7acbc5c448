package org.cinely.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * How the session store turns stored attributes back into objects, with the signed-in member's
 * security context decoded once per distinct stored form rather than on every request: Java
 * deserialization of those 1.4 KB was about a sixteenth of a signed-in page's CPU (issue 15).
 *
 * <p>The key is the stored bytes themselves, so nothing is ever stale: a context saved anew (a
 * rename, a confirmed e-mail, a role) is different bytes and decodes afresh, and a session that
 * is deleted is simply never read again. Each read still gets a context of its own (a request may
 * replace or clear its context); only the {@link Authentication} inside, which nothing changes
 * once it is stored, is shared. Every other attribute decodes as before.
 */
final class DecodedSignIns {

    private DecodedSignIns() {}

    /** The conversions the store uses (the same as its default, but for the kept contexts). */
    static GenericConversionService conversions(ClassLoader classLoader, int maxContexts) {
        DeserializingConverter decode = new DeserializingConverter(classLoader);
        Cache<StoredBytes, Authentication> decoded = Caffeine.newBuilder()
                .maximumSize(maxContexts)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            StoredBytes key = new StoredBytes(bytes);
            Authentication known = decoded.getIfPresent(key);
            if (known != null) {
                return new SecurityContextImpl(known);
            }
            Object value = decode.convert(bytes);
            if (value instanceof SecurityContext context
                    && context.getClass() == SecurityContextImpl.class
                    && context.getAuthentication() != null) {
                decoded.put(key, context.getAuthentication());
            }
            return value;
        });
        return conversions;
    }

    /** Bytes compared by content (the store hands each read a new array). */
    private static final class StoredBytes {

        private final byte[] bytes;
        private final int hash;

        StoredBytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
