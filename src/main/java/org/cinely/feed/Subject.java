package org.cinely.feed;

/** What an entry or notification is about, whose owning module decides who may see it. */
enum Subject {
    WORK,
    JOB,
    MEMBER
}
