package org.cinely.test;

/**
 * One module's share of cleaning up after a test: each module removes its own rows of the
 * accounts a test created, so no test helper has to know another module's tables. {@link
 * TestData#cleanUp()} calls every module's in {@code @Order} (dependents first: feed before the
 * works it mentions, accounts last).
 */
public interface ModuleTestData {

    /** Removes this module's rows of the members whose account id is above the mark. */
    void removeMembersAfter(long accountMark);
}
