package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** The session store's conversions, as it calls them: bytes in, objects out. */
class DecodedSignInsTests {

    final ConversionService conversions = DecodedSignIns.conversions(getClass().getClassLoader(), 10);

    byte[] store(Object value) {
        return (byte[])
                conversions.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    Object read(byte[] bytes) {
        // The store reads a fresh array for each request.
        return conversions.convert(
                bytes.clone(), TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }

    static SecurityContext signedIn(String name, String role) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority(role))));
    }

    @Test
    void eachReadGetsAContextOfItsOwnWithTheSameSignIn() {
        byte[] stored = store(signedIn("maya", "ROLE_MEMBER"));
        SecurityContext first = (SecurityContext) read(stored);
        SecurityContext second = (SecurityContext) read(stored);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.getAuthentication().getName()).isEqualTo("maya");

        first.setAuthentication(null); // a request logging out clears its own context only
        assertThat(((SecurityContext) read(stored)).getAuthentication().getName())
                .isEqualTo("maya");
    }

    @Test
    void aContextStoredAnewIsReadAsStoredNeverAsKept() {
        byte[] member = store(signedIn("maya", "ROLE_MEMBER"));
        read(member);
        byte[] moderator = store(signedIn("maya", "ROLE_MODERATOR"));
        assertThat(((SecurityContext) read(moderator)).getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_MODERATOR");
        assertThat(((SecurityContext) read(member)).getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_MEMBER");
    }

    @Test
    void otherAttributesDecodeAsBefore() {
        assertThat(read(store("a message waiting"))).isEqualTo("a message waiting");
        assertThat(read(store(new java.util.ArrayList<>(List.of(1, 2))))).isEqualTo(List.of(1, 2));
        assertThat(read(store(new SecurityContextImpl()))).isEqualTo(new SecurityContextImpl());
    }
}
