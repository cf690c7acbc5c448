/**
 * A member's own data across modules ("your data is yours"): {@link
 * org.cinely.platform.account.MemberData} is implemented by each module that keeps something of a
 * member's, so the accounts module can hand a member their data and erase it without reading any
 * other module's tables.
 */
package org.cinely.platform.account;
