package org.cinely.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.security.CurrentMember;

/** A member's account: how they log in and what they may do. */
@Entity
@Table(name = "accounts")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String handle;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Enumerated(EnumType.STRING)
    private AccountState state;

    private String stateReason;
    private boolean limited;
    private Instant suspendedUntil;
    private Instant emailVerifiedAt;
    private Instant createdAt;
    private Instant lastLoginAt;
    private Instant deletionRequestedAt;
    private Instant deletionDueAt;
    private Instant erasedAt;

    @Version
    private long version;

    protected Account() {}

    Account(String email, String handle, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.handle = handle;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.state = AccountState.ACTIVE;
        this.createdAt = createdAt;
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    MemberId memberId() {
        return MemberId.of(id);
    }

    MemberSummary summary() {
        return new MemberSummary(memberId(), handle, displayName, role, state);
    }

    CurrentMember toCurrentMember() {
        return new CurrentMember(
                id,
                email,
                handle,
                displayName,
                passwordHash,
                role.name(),
                isVerified(),
                state == AccountState.ACTIVE,
                state == AccountState.BANNED);
    }

    boolean isVerified() {
        return emailVerifiedAt != null;
    }

    void markVerified(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    void rename(String newDisplayName, String newHandle) {
        this.displayName = newDisplayName;
        this.handle = newHandle;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    void changeState(AccountState newState, String reason) {
        this.state = newState;
        this.stateReason = newState == AccountState.ACTIVE ? null : reason;
        if (newState != AccountState.SUSPENDED) {
            this.suspendedUntil = null;
        }
    }

    /** Suspended until {@code until} (null: until a moderator reinstates them). */
    void suspend(String reason, Instant until) {
        changeState(AccountState.SUSPENDED, reason);
        this.suspendedUntil = until;
    }

    void limit(boolean limited) {
        this.limited = limited;
    }

    /**
     * Where the member stands as their content shows it: a ban or suspension outranks a limit. An
     * account waiting to be deleted shows nothing to others, as a suspended one.
     */
    Standing standing() {
        if (deletionPending() && state == AccountState.ACTIVE) {
            return Standing.SUSPENDED;
        }
        return switch (state) {
            case BANNED -> Standing.BANNED;
            case SUSPENDED -> Standing.SUSPENDED;
            case ACTIVE -> limited ? Standing.LIMITED : Standing.ACTIVE;
        };
    }

    Instant getSuspendedUntil() {
        return suspendedUntil;
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    // ---------------------------------------------------------------- your data is yours (h-data)

    /** A new address, confirmed by the link sent to it (so it counts as verified). */
    void changeEmail(String newEmail, Instant now) {
        this.email = normalizeEmail(newEmail);
        this.emailVerifiedAt = now;
    }

    /**
     * What stays of an erased account: an id that moderation records and the audit log still point
     * to, and nothing that says who it was. The address and handle are freed for others.
     */
    void erase(String unusablePasswordHash, Instant now) {
        // Neither is something sign-up or a change of address accepts (no "@"; an underscore), so
        // nobody can take them first and make the erasure fail on the unique index.
        this.email = "erased:" + id;
        this.handle = "_erased-" + id;
        this.displayName = ERASED_NAME;
        this.passwordHash = unusablePasswordHash;
        this.role = Role.MEMBER;
        this.stateReason = null;
        this.limited = false;
        this.suspendedUntil = null;
        this.emailVerifiedAt = null;
        this.lastLoginAt = null;
        this.deletionDueAt = null;
        this.erasedAt = now;
    }

    /** The display name an erased account keeps (others' records may still name it). */
    static final String ERASED_NAME = "Deleted member";

    boolean deletionPending() {
        return deletionDueAt != null && erasedAt == null;
    }

    void requestDeletion(Instant now, Instant due) {
        this.deletionRequestedAt = now;
        this.deletionDueAt = due;
    }

    void cancelDeletion() {
        this.deletionRequestedAt = null;
        this.deletionDueAt = null;
    }

    Instant getDeletionRequestedAt() {
        return deletionRequestedAt;
    }

    Instant getDeletionDueAt() {
        return deletionDueAt;
    }

    boolean isErased() {
        return erasedAt != null;
    }

    Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    /** When the member last logged in with the form; null while they have only signed up. */
    Instant getLastLoginAt() {
        return lastLoginAt;
    }

    boolean isLimited() {
        return limited;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getHandle() {
        return handle;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    AccountState getState() {
        return state;
    }

    String getStateReason() {
        return stateReason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
