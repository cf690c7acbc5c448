package org.cinely.platform.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.cinely.platform.MemberId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member as every module sees it ({@code @AuthenticationPrincipal CurrentMember}).
 * Built by the accounts module; carries only what pages need on every request.
 */
public final class CurrentMember implements UserDetails, CredentialsContainer {

    /** Granted once the member has confirmed their e-mail; needed to post anything. */
    public static final String VERIFIED = "VERIFIED";

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String handle;
    private final String displayName;
    private String passwordHash;
    private final String role;
    private final boolean verified;
    private final boolean active;
    private final boolean banned;

    public CurrentMember(
            long id,
            String email,
            String handle,
            String displayName,
            String passwordHash,
            String role,
            boolean verified,
            boolean active,
            boolean banned) {
        this.id = id;
        this.email = email;
        this.handle = handle;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.verified = verified;
        this.active = active;
        this.banned = banned;
    }

    public MemberId id() {
        return MemberId.of(id);
    }

    public String email() {
        return email;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public String role() {
        return role;
    }

    public boolean verified() {
        return verified;
    }

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    public boolean isModerator() {
        return "MODERATOR".equals(role) || isAdmin();
    }

    /** The same member, now with a confirmed e-mail. */
    public CurrentMember withVerifiedEmail() {
        return new CurrentMember(id, email, handle, displayName, passwordHash, role, true, active, banned);
    }

    public String initial() {
        return displayName.isEmpty() ? "?" : displayName.substring(0, displayName.offsetByCodePoints(0, 1));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        if (verified) {
            authorities.add(new SimpleGrantedAuthority(VERIFIED));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** Spring Security calls this after log-in, so the hash never lands in the stored session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Suspended members are "locked": they cannot log in until reinstated. */
    @Override
    public boolean isAccountNonLocked() {
        return active || banned;
    }

    /** Banned members are "disabled" for good. */
    @Override
    public boolean isEnabled() {
        return !banned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentMember that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentMember[" + handle + "]";
    }
}
