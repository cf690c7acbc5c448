/**
 * Shared ground for every module: the page layout and error pages, the security configuration
 * and rate limiting, outgoing mail, shared value types ({@link org.cinely.platform.MemberId}),
 * the embedded database for running on one machine, and the demo data wiring. An open module:
 * any module may use what it exposes.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cinely.platform;
