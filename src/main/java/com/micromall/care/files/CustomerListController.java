package com.micromall.care.files;

import com.micromall.care.satisfaction.SatisfactionAnswers;
import com.micromall.care.satisfaction.SatisfactionAnswers.LatestAnswer;
import com.micromall.care.staff.StaffAttribution;
import com.micromall.care.staff.StaffRoster;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerSearch;
import com.micromall.distribution.CustomerSharing;
import com.micromall.order.OrderHistory;
import com.micromall.settings.ShopTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list for the owner and staff: search by name, e-mail, phone or WeChat ID, and narrow by tag, by when
 * they last ordered, and by whether they invited someone. Each filter is a set of customers its module knows; the
 * customer module pages through what is left.
 */
@Controller
@RequiredArgsConstructor
class CustomerListController {

    static final int PAGE_SIZE = 20;
    /** The "last order" choices: within so many days, or never. */
    static final List<String> LAST_ORDER = List.of("30", "90", "365", "never");

    private final CustomerApi customers;
    private final CustomerNotes notes;
    private final OrderHistory orders;
    private final CustomerSharing sharing;
    private final ShopTime shopTime;
    private final SatisfactionAnswers answers;
    private final StaffAttribution attribution;
    private final StaffRoster roster;

    @GetMapping("/admin/customers")
    String customers(@RequestParam(name = "q", required = false) @Nullable String query,
                     @RequestParam(name = "tag", required = false) @Nullable String tag,
                     @RequestParam(name = "lastOrder", required = false) @Nullable String lastOrder,
                     @RequestParam(name = "invited", defaultValue = "false") boolean invited,
                     @RequestParam(name = "score", required = false) @Nullable String score,
                     @RequestParam(name = "staff", required = false) @Nullable String staff,
                     @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.length() > 100) {
            trimmed = trimmed.substring(0, 100);
        }
        String wantedTag = tag == null ? "" : CustomerNotes.normalisedTag(tag).orElse("");
        String wantedLastOrder = lastOrder != null && LAST_ORDER.contains(lastOrder) ? lastOrder : "";

        Optional<LatestAnswer> wantedScore = LatestAnswer.parse(score);
        List<StaffRoster.Member> members = roster.members();
        Optional<StaffRoster.Member> wantedStaff = members.stream()
                .filter(member -> String.valueOf(member.id()).equals(staff)).findFirst();

        Set<Long> only = null;
        Set<Long> except = new HashSet<>();
        if (!wantedTag.isEmpty()) {
            only = narrow(only, notes.customersTagged(wantedTag));
        }
        if (wantedLastOrder.equals("never")) {
            except.addAll(orders.customersWithOrdersSince(Instant.EPOCH));
        } else if (!wantedLastOrder.isEmpty()) {
            Instant since = shopTime.startOfDay(shopTime.today().minusDays(Long.parseLong(wantedLastOrder)));
            only = narrow(only, orders.customersWithOrdersSince(since));
        }
        if (invited) {
            only = narrow(only, sharing.customersWhoInvited());
        }
        if (wantedScore.isPresent()) {
            Set<Long> matching = answers.customersWhoseLatestAnswerIs(wantedScore.get());
            if (wantedScore.get() == LatestAnswer.NONE) {
                except.addAll(matching);
            } else {
                only = narrow(only, matching);
            }
        }
        if (wantedStaff.isPresent()) {
            only = narrow(only, attribution.customersOf(wantedStaff.get().id()));
        }

        model.addAttribute("adminSection", "customers");
        model.addAttribute("q", trimmed);
        model.addAttribute("tag", wantedTag);
        model.addAttribute("lastOrder", wantedLastOrder);
        model.addAttribute("invited", invited);
        model.addAttribute("tags", notes.allTags());
        model.addAttribute("lastOrderChoices", LAST_ORDER);
        model.addAttribute("score", wantedScore.map(LatestAnswer::value).orElse(""));
        model.addAttribute("scoreChoices", LatestAnswer.values());
        model.addAttribute("staff", wantedStaff.map(member -> String.valueOf(member.id())).orElse(""));
        model.addAttribute("staffMembers", members);
        model.addAttribute("filtered", !wantedTag.isEmpty() || !wantedLastOrder.isEmpty() || invited
                || wantedScore.isPresent() || wantedStaff.isPresent());
        model.addAttribute("result", customers.search(new CustomerSearch(trimmed, only, except, page, PAGE_SIZE)));
        return "care/customers";
    }

    private static Set<Long> narrow(@Nullable Set<Long> so, Set<Long> filter) {
        if (so == null) {
            return new HashSet<>(filter);
        }
        so.retainAll(filter);
        return so;
    }
}
