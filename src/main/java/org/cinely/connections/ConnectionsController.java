package org.cinely.connections;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.PageLinks;
import org.cinely.platform.web.PageSlice;
import org.cinely.platform.web.Redirects;
import org.cinely.profiles.ProfileCard;
import org.cinely.profiles.ProfilesApi;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * My connections, my requests, blocked members, "people you may know", and the actions on them.
 * Every action is a POST with a CSRF token, then a redirect back with a flash message.
 */
@Controller
class ConnectionsController {

    static final int PAGE_SIZE = 24;
    static final int REQUESTS_PAGE_SIZE = 24;
    static final int SUGGESTIONS = 24;

    /** A request with the card of the other member. */
    record RequestView(long id, ProfileCard member, String note, java.time.LocalDateTime createdAt) {}

    private final ConnectionService connections;
    private final ConnectionQueries queries;
    private final ConnectionsApi api;
    private final ProfilesApi profiles;

    ConnectionsController(
            ConnectionService connections, ConnectionQueries queries, ConnectionsApi api, ProfilesApi profiles) {
        this.connections = connections;
        this.queries = queries;
        this.api = api;
        this.profiles = profiles;
    }

    // ------------------------------------------------------------------ pages

    @GetMapping("/connections")
    String showConnections(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        // Every connection, however many: the profiles query pages them (a cap here hid the
        // oldest connections of a member with more than 5,000 from the list and its search).
        List<MemberId> ids = queries.connectionIds(member.id().value(), Integer.MAX_VALUE).stream()
                .map(MemberId::of)
                .toList();
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query);
        model.addAttribute("total", ids.size());
        model.addAttribute("connections", profiles.among(ids, query, page, PAGE_SIZE));
        model.addAttribute("incomingCount", queries.incomingCount(member.id().value()));
        return "connections/list";
    }

    @GetMapping("/connections/requests")
    String showRequests(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int sent,
            HttpServletRequest request,
            Model model) {
        // Received and sent requests page on their own (page and sent), each with its total.
        PageSlice<ConnectionQueries.PendingRequest> incoming =
                queries.incoming(member.id().value(), page, REQUESTS_PAGE_SIZE);
        PageSlice<ConnectionQueries.PendingRequest> outgoing =
                queries.outgoing(member.id().value(), sent, REQUESTS_PAGE_SIZE);
        List<MemberId> others = new ArrayList<>();
        incoming.items().forEach(r -> others.add(MemberId.of(r.requesterId())));
        outgoing.items().forEach(r -> others.add(MemberId.of(r.recipientId())));
        Map<MemberId, ProfileCard> cards = profiles.cards(others);
        model.addAttribute("incoming", views(incoming.items(), cards, true));
        model.addAttribute("outgoing", views(outgoing.items(), cards, false));
        model.addAttribute("incomingTotal", queries.incomingCount(member.id().value()));
        model.addAttribute("outgoingTotal", queries.outgoingCount(member.id().value()));
        model.addAttribute("incomingPager", PageLinks.of(request, incoming, "page"));
        model.addAttribute("outgoingPager", PageLinks.of(request, outgoing, "sent"));
        return "connections/requests";
    }

    private static List<RequestView> views(
            List<ConnectionQueries.PendingRequest> requests, Map<MemberId, ProfileCard> cards, boolean incoming) {
        List<RequestView> views = new ArrayList<>();
        for (ConnectionQueries.PendingRequest r : requests) {
            ProfileCard card = cards.get(MemberId.of(incoming ? r.requesterId() : r.recipientId()));
            if (card != null) {
                views.add(new RequestView(r.id(), card, r.note(), r.createdAt()));
            }
        }
        return views;
    }

    @GetMapping("/connections/blocked")
    String showBlocked(@AuthenticationPrincipal CurrentMember member, Model model) {
        List<MemberId> blocked = queries.blockedBy(member.id().value()).stream()
                .map(MemberId::of)
                .toList();
        model.addAttribute("blocked", profiles.cards(blocked).values());
        return "connections/blocked";
    }

    /** Public paths under /members are open to visitors; this one is for members only. */
    @GetMapping("/members/suggestions")
    String showSuggestions(@AuthenticationPrincipal CurrentMember member, Model model) {
        if (member == null) {
            return "redirect:/login";
        }
        model.addAttribute("suggestions", api.suggestions(member.id(), SUGGESTIONS));
        return "connections/suggestions";
    }

    // ------------------------------------------------------------------ actions

    @PostMapping("/connections/requests")
    RedirectView processConnectRequest(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam String handle,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        // The note's length first, before the member is looked up.
        if (note != null && note.strip().length() > ConnectionService.MAX_NOTE) {
            Flash.error(redirect, "connection.note.too-long", ConnectionService.MAX_NOTE);
            return Redirects.back(returnTo, "/members/" + handle);
        }
        MemberId other = memberOf(handle);
        RedirectView back = Redirects.back(returnTo, "/members/" + handle);
        if (!member.verified()) {
            Flash.error(redirect, "connection.verify-first");
            return back;
        }
        if (note != null && note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            Flash.error(redirect, "connection.note.invalid");
            return back;
        }
        ConnectionService.Outcome outcome = connections.request(member.id(), other, note);
        String name = displayName(other);
        switch (outcome) {
            case SENT -> Flash.success(redirect, "connection.sent", name);
            case CONNECTED -> Flash.success(redirect, "connection.accepted", name);
            case ALREADY_CONNECTED -> Flash.info(redirect, "connection.already-connected", name);
            case ALREADY_REQUESTED -> Flash.info(redirect, "connection.already-requested", name);
            case SELF -> Flash.error(redirect, "connection.self");
            case UNAVAILABLE -> Flash.error(redirect, "connection.unavailable");
        }
        return back;
    }

    @PostMapping("/connections/requests/{id}/accept")
    RedirectView processAccept(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        Optional<MemberId> expected = named(from);
        ConnectionService.Acceptance acceptance = connections.accept(member.id(), id, expected);
        if (acceptance.connected()) {
            Flash.success(redirect, "connection.accepted", displayName(acceptance.requester()));
        } else {
            Flash.info(redirect, "connection.withdrawn-before-acceptance", displayName(acceptance.requester()));
        }
        return Redirects.back(returnTo, "/connections/requests");
    }

    @PostMapping("/connections/requests/{id}/decline")
    RedirectView processDecline(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        MemberId requester = connections.decline(member.id(), id);
        Flash.info(redirect, "connection.declined", displayName(requester));
        return Redirects.back(returnTo, "/connections/requests");
    }

    @PostMapping("/connections/requests/{id}/withdraw")
    RedirectView processWithdraw(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        Optional<MemberId> expected = named(to);
        ConnectionService.Withdrawal withdrawal = connections.withdraw(member.id(), id, expected);
        if (withdrawal.acceptedFirst()) {
            Flash.info(redirect, "connection.accepted-before-withdrawal", displayName(withdrawal.recipient()));
        } else {
            Flash.info(redirect, "connection.withdrawn", displayName(withdrawal.recipient()));
        }
        return Redirects.back(returnTo, "/connections/requests");
    }

    /** Asks first (a page, so it works without JavaScript); nothing changes on a GET. */
    @GetMapping("/connections/{handle}/remove")
    String showRemoveForm(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(required = false) String returnTo,
            Model model) {
        MemberId other = memberOf(handle);
        model.addAttribute("handle", handle);
        model.addAttribute("name", displayName(other));
        model.addAttribute("connected", connections.connected(member.id(), other));
        model.addAttribute("returnTo", Redirects.localPath(returnTo, "/connections"));
        model.addAttribute("restorableDays", ConnectionService.RESTORABLE.toDays());
        return "connections/remove";
    }

    @PostMapping("/connections/{handle}/remove")
    RedirectView processRemove(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        MemberId other = memberOf(handle);
        if (connections.remove(member.id(), other)) {
            Flash.undoable(redirect, "/connections/" + handle + "/restore", "connection.removed", displayName(other));
        }
        return Redirects.back(returnTo, "/connections");
    }

    /** The undo: the connection this member removed comes back, without a new request. */
    @PostMapping("/connections/{handle}/restore")
    RedirectView processRestore(
            @AuthenticationPrincipal CurrentMember member, @PathVariable String handle, RedirectAttributes redirect) {
        MemberId other = memberOf(handle);
        connections.restore(member.id(), other);
        Flash.success(redirect, "connection.restored", displayName(other));
        return Redirects.to("/members/" + handle);
    }

    @PostMapping("/members/{handle}/block")
    String processBlock(
            @AuthenticationPrincipal CurrentMember member, @PathVariable String handle, RedirectAttributes redirect) {
        MemberId other = memberOf(handle);
        if (connections.block(member.id(), other)) {
            Flash.info(redirect, "connection.blocked", displayName(other));
        }
        return "redirect:/members/" + handle;
    }

    @PostMapping("/members/{handle}/unblock")
    RedirectView processUnblock(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        MemberId other = memberOf(handle);
        if (connections.unblock(member.id(), other)) {
            Flash.info(redirect, "connection.unblocked", displayName(other));
        }
        return Redirects.back(returnTo, "/members/" + handle);
    }

    @PostMapping("/members/suggestions/{handle}/dismiss")
    RedirectView processDismiss(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        MemberId other = memberOf(handle);
        connections.dismiss(member.id(), other);
        Flash.info(redirect, "suggestion.dismissed", displayName(other));
        return Redirects.back(returnTo, "/members/suggestions");
    }

    private MemberId memberOf(String handle) {
        return profiles.memberIdOf(handle).orElseThrow(() -> new NotFoundException("member " + handle));
    }

    /** The member a form names by handle (who the page showed), if any. */
    private Optional<MemberId> named(String handle) {
        return handle == null ? Optional.empty() : profiles.memberIdOf(handle);
    }

    private String displayName(MemberId member) {
        ProfileCard card = profiles.cards(List.of(member)).get(member);
        return card == null ? "" : card.displayName();
    }
}
