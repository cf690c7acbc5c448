package org.cinely.platform.web;

/**
 * A signed-in member's POST, PUT, PATCH or DELETE finished on this node (published by {@link
 * PublicPageCacheFilter}, after the request, whatever it changed). Node-local caches of what
 * everyone sees (public pages, the recently active members) drop their copies on it, so the
 * member, and everyone else on this node, sees the change on the next page.
 */
public record MemberWroteOnThisNode() {}
