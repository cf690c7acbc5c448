package org.cinely.platform;

/** The id of a member (their account), shared by every module that refers to a member. */
public record MemberId(long value) {

    public static MemberId of(long value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
