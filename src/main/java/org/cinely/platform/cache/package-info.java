/**
 * Node-local caches (Caffeine) of what pages read on every request and changes rarely. Each cache
 * lives in the module that owns the data, is dropped by that module's events on the node that
 * wrote (at once), and expires after a short time, which bounds how stale another node's copy can
 * be. What a cached value must never show (a blocked member, a suspended one) is checked on read.
 */
package org.cinely.platform.cache;
