package com.micromall.distribution.dashboard.web;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.DistributionApi.EntryDetails;
import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.distribution.ledger.DistributionApi.LedgerStep;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.reporting.DistributorDashboard;
import com.micromall.distribution.reporting.DistributorDashboard.Figures;
import com.micromall.distribution.reporting.DistributorDashboard.Invitee;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.DistributorEnrolment.DistributorView;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.reporting.HonourRoll;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralBindings.BindingDetails;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import com.micromall.shared.NameMask;
import com.micromall.shared.QrCode;
import com.micromall.shared.NotFoundException;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The distributor's dashboard: share link, QR code and share texts, figures, invitees, ledger, honour
 * roll. Always the logged-in customer's own data: no id is ever taken from the request.
 */
@Controller
@RequiredArgsConstructor
class DashboardController {

    static final int INVITEES_SHOWN = 20;
    static final int INVITEES_ALL = 1_000;
    /**
     * The newest entries, each with its timeline; "show all" lists the rest. Ten fill a phone screen and keep the
     * page light: the ledger is the heaviest part of the page to send and render.
     */
    static final int LEDGER_SHOWN = 10;
    /** "Show all" still has a ceiling, so a distributor with years of entries cannot exhaust the server. */
    static final int LEDGER_ALL = 500;

    private final DistributorEnrolment enrolment;
    private final DistributorDashboard dashboard;
    private final DistributionApi distribution;
    private final HonourRoll honourRoll;
    private final ReferralBindings bindings;
    private final CustomerApi customers;
    private final DistributionSettingsService settings;
    private final MessageSource messages;
    private final ShopTime shopTime;
    private final PlatformTransactionManager transactionManager;
    private final DistributorTiers tiers;
    private final com.micromall.distribution.experiments.Experiments experiments;

    /**
     * An invitee line: masked name, when they joined (or switched to this sharer), whether they have ordered, how
     * they came (a message key) and, in last-share-wins mode, until when a newer link cannot take them over.
     * Nothing else.
     */
    record InviteeRow(String name, String joined, boolean hasOrdered, String source, @Nullable String protectedUntil,
                      boolean protectionOver) {
    }

    /**
     * The tier box: the tier whose rate the distributor's friends' orders earn now (null: the shop's rate), what is
     * measured and how far it is to the next tier. Figures are already text (money or a count).
     */
    record TierBox(@Nullable String tier, String rate, String measure, int windowDays, String figure,
                   @Nullable String next, @Nullable String nextRate, String missing, long missingCount, int progressPercent,
                   @Nullable String heldUntil) {
    }

    /** A ledger line in words, money still as Money (the template formats it). */
    record LedgerRow(String orderNumber, String buyer, Money amount, int level, String kind, String state,
                     @Nullable String reason, List<String> timeline, boolean asPoints) {
    }

    @GetMapping("/distribution")
    String dashboard(@AuthenticationPrincipal CustomerPrincipal principal,
                     @RequestParam(name = "invitees", required = false) @Nullable String invitees,
                     @RequestParam(name = "ledger", required = false) @Nullable String ledger, Model model) {
        // Its own transaction: the first visit enrols the customer under the EVERYONE rule.
        Optional<DistributorView> me = enrolment.codeFor(principal.getCustomerId());
        if (me.isEmpty() || me.get().status() != DistributorStatus.ACTIVE) {
            return notActive(principal, me, model);
        }
        model.addAttribute("honourRollForm", new HonourRollForm());
        return readOnly(() -> show(principal, me.get(), "all".equals(invitees), "all".equals(ledger), model));
    }

    /**
     * The page's dozen reads in one read-only transaction, so the page takes one connection and one BEGIN/COMMIT;
     * the template is rendered after it has ended.
     */
    private String readOnly(Supplier<String> reads) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        return template.execute(status -> reads.get());
    }

    @PostMapping("/distribution/honour-roll")
    String honour(@AuthenticationPrincipal CustomerPrincipal principal,
                  @Valid @ModelAttribute("honourRollForm") HonourRollForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        DistributorView me = active(principal);
        if (form.leaving()) {
            honourRoll.leave(me.customerId());
            redirect.addFlashAttribute("flashSuccess", "distribution.honour.left");
            return "redirect:/distribution#honour-roll";
        }
        if (errors.hasErrors()) {
            model.addAttribute("honourOpen", true);
            return readOnly(() -> show(principal, me, false, false, model));
        }
        honourRoll.join(me.customerId(), form.getDisplayName());
        redirect.addFlashAttribute("flashSuccess", "distribution.honour.joined");
        return "redirect:/distribution#honour-roll";
    }

    /** The share link as a QR code (ZXing), for the page and for download. */
    @GetMapping("/distribution/qr.png")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal CustomerPrincipal principal,
                              @RequestParam(name = "download", required = false) @Nullable String download) {
        String link = shareLink(active(principal).code());
        ContentDisposition disposition = (download != null ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename("share-qr-code.png").build();
        byte[] png = QrCode.png(link, 320);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(png);
    }

    private DistributorView active(CustomerPrincipal principal) {
        return enrolment.find(principal.getCustomerId()).filter(d -> d.status() == DistributorStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("no active distributor"));
    }

    private String notActive(CustomerPrincipal principal, Optional<DistributorView> me, Model model) {
        String state = me.map(d -> d.status().name()).orElseGet(() ->
                settings.current().enrolmentRule() == DistributionSettings.EnrolmentRule.APPROVAL ? "APPLY" : "FIRST_PURCHASE");
        model.addAttribute("state", state);
        model.addAttribute("mayEnterCode", bindings.mayEnterCodeLater(principal.getCustomerId()));
        return "distribution/not-active";
    }

    private String show(CustomerPrincipal principal, DistributorView me, boolean allInvitees, boolean allLedger,
                        Model model) {
        long id = me.customerId();
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter dates = shopTime.formatter(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        String link = shareLink(me.code());
        model.addAttribute("shareLink", link);
        model.addAttribute("shareTexts", settings.current().shareTextsWith(link));

        Figures figures = dashboard.figures(id, me.code());
        model.addAttribute("figures", figures);
        model.addAttribute("orderConversion", plain(figures.orderConversion()));
        model.addAttribute("signUpConversion", plain(figures.signUpConversion()));
        DistributionApi.Outlook outlook = distribution.outlookOf(id);
        model.addAttribute("nextUnfreeze", outlook.nextUnfreeze() == null ? null : dates.format(outlook.nextUnfreeze()));
        model.addAttribute("balances", outlook.balances());
        model.addAttribute("paidAsPoints", distribution.paidAsPointsBy(id));
        model.addAttribute("tierBox", tierBox(id, dates, locale));
        List<DistributorDashboard.Week> weeks = dashboard.weeks(id, shopTime.zone());
        model.addAttribute("chart", WeeklyChart.of(weeks, dashboard.zero(), dates));
        model.addAttribute("chartFrom", dates.format(weeks.get(0).start()));
        model.addAttribute("chartTo", dates.format(weeks.get(weeks.size() - 1).start()));

        List<Invitee> invitees = dashboard.invitees(id, allInvitees ? INVITEES_ALL : INVITEES_SHOWN);
        // One entry more than shown tells whether there are more.
        List<LedgerLine> lines = distribution.ledgerOf(id, (allLedger ? LEDGER_ALL : LEDGER_SHOWN) + 1);
        List<LedgerLine> shown = lines.stream().limit(allLedger ? LEDGER_ALL : LEDGER_SHOWN).toList();
        Map<Long, EntryDetails> details = shown.isEmpty() ? Map.of()
                : distribution.entryDetailsOf(id, shown.stream().map(LedgerLine::entryId).toList());
        Set<Long> people = new HashSet<>();
        invitees.forEach(i -> people.add(i.customerId()));
        details.values().forEach(d -> people.add(d.buyerId()));
        Map<Long, String> names = people.isEmpty() ? Map.of() : customers.findAll(people).stream()
                .collect(Collectors.toMap(CustomerProfile::id, c -> NameMask.mask(c.name()), (a, b) -> a));
        Map<Long, BindingDetails> bound = bindings.detailsOf(id, invitees.stream().map(Invitee::customerId).toList());
        Instant now = shopTime.now();
        model.addAttribute("invitees", invitees.stream().map(i -> {
            BindingDetails b = bound.get(i.customerId());
            Instant until = b == null ? null : b.protectedUntil();
            return new InviteeRow(names.getOrDefault(i.customerId(), NameMask.STARS), dates.format(i.boundAt()),
                    i.hasOrdered(), sourceKey(b), until == null ? null : dates.format(until),
                    until != null && !now.isBefore(until));
        }).toList());
        model.addAttribute("inviteesCapped", !allInvitees && figures.signUps() > invitees.size());

        model.addAttribute("ledger", shown.stream().map(line -> row(line, details.get(line.entryId()), names, dates, locale))
                .toList());
        model.addAttribute("ledgerCapped", shown.size() < lines.size());

        model.addAttribute("honourPlaces", honourRoll.thisMonth(id));
        Optional<String> myName = honourRoll.displayNameOf(id);
        model.addAttribute("honourName", myName.orElse(null));
        if (!model.containsAttribute("honourOpen")) {
            model.addAttribute("honourOpen", false);
        }
        HonourRollForm form = (HonourRollForm) model.getAttribute("honourRollForm");
        if (form != null && form.getDisplayName() == null && myName.isPresent()) {
            form.setDisplayName(myName.get());
        }
        model.addAttribute("mayEnterCode", bindings.mayEnterCodeLater(principal.getCustomerId()));
        return "distribution/dashboard";
    }

    private static String sourceKey(@Nullable BindingDetails binding) {
        if (binding == null) {
            return "binding.source.LINK";
        }
        return binding.takenOver() ? "binding.source.TAKEN_OVER" : "binding.source." + binding.source().name();
    }

    private LedgerRow row(LedgerLine line, @Nullable EntryDetails details, Map<Long, String> names,
                          DateTimeFormatter dates, Locale locale) {
        String buyer = details == null ? NameMask.STARS : names.getOrDefault(details.buyerId(), NameMask.STARS);
        String reason = null;
        if (!line.kind().equals("COMMISSION")) {
            int units = details == null ? 0 : details.units();
            Integer of = details == null ? null : details.parentUnits();
            reason = msg("distribution.dashboard.reason." + line.kind(), locale, units, of == null ? units : of);
        } else if (line.holdReason() != null) {
            // An entry keeps every reason it was held for, comma-separated.
            reason = msg("distribution.dashboard.hold", locale, Arrays.stream(line.holdReason().split(","))
                    .map(String::strip).filter(r -> !r.isEmpty())
                    .map(r -> msg("distribution.ledger.hold." + r, locale))
                    .collect(Collectors.joining(" · ")));
        }
        return new LedgerRow(line.orderNumber(), buyer, line.amount(), line.level(), line.kind(), line.state(), reason,
                timeline(line, details, dates, locale), line.asPoints());
    }

    /** "placed 3 Jun → completed 5 Jun → frozen until 12 Jun → withdrawable from 12 Jun", from the entry's events. */
    private List<String> timeline(LedgerLine line, @Nullable EntryDetails details, DateTimeFormatter dates, Locale locale) {
        List<String> words = new ArrayList<>();
        boolean commission = line.kind().equals("COMMISSION");
        if (details != null && details.placedAt() != null) {
            words.add(msg("distribution.dashboard.step.placed", locale, dates.format(details.placedAt())));
        }
        String previous = null;
        for (LedgerStep step : line.timeline()) {
            String when = dates.format(step.occurredAt());
            if (previous == null) {
                words.add(msg(commission ? "distribution.dashboard.step.completed" : "distribution.dashboard.step.refunded",
                        locale, when));
                if (!commission) {
                    previous = step.state();
                    continue;
                }
            }
            if (step.state().equals(previous)) {
                if (commission) {
                    words.add(msg("distribution.dashboard.step.partRefund", locale, when));
                }
                continue;
            }
            switch (step.state()) {
                case "FROZEN" -> words.add(msg("distribution.dashboard.step.frozen", locale, dates.format(line.unfreezesAt())));
                // POINTS commission is never withdrawable: it is paid as points when the window ends.
                case "AVAILABLE" -> words.add(msg(line.asPoints() ? "distribution.dashboard.step.availablePoints"
                        : "distribution.dashboard.step.available", locale, when));
                case "ON_HOLD" -> words.add(msg("distribution.dashboard.step.onHold", locale, when));
                case "REVERSED" -> words.add(msg("distribution.dashboard.step.reversed", locale, when));
                case "VOID" -> words.add(msg("distribution.dashboard.step.void", locale, when));
                default -> words.add(step.state());
            }
            previous = step.state();
        }
        if (commission && line.state().equals("FROZEN")) {
            words.add(msg(line.asPoints() ? "distribution.dashboard.step.willUnfreezePoints"
                    : "distribution.dashboard.step.willUnfreeze", locale, dates.format(line.unfreezesAt())));
        }
        return words;
    }

    private @Nullable TierBox tierBox(long id, DateTimeFormatter dates, Locale locale) {
        DistributorTiers.Standing standing = tiers.standingOf(id);
        if (standing.scheme().isEmpty()) {
            return null;
        }
        boolean money = standing.scheme().measure() == DistributorTiers.Measure.REVENUE;
        java.util.function.Function<BigDecimal, String> figure = value -> money
                ? Money.of(value, dashboard.zero().currency()).format(locale)
                : value.setScale(0, RoundingMode.DOWN).toPlainString();
        DistributorTiers.Tier tier = standing.tier();
        DistributorTiers.Tier next = standing.next();
        // In a running experiment's arm the arm's rate stands in for the shop's base, each tier's uplift on top.
        Optional<com.micromall.distribution.experiments.Arm> arm = experiments.armOf(id);
        BigDecimal shop = settings.current().level1Percent();
        String rate = arm.map(a -> a.level1Percent(tier == null ? null : tier.level1Percent(), shop))
                .orElse(tier == null ? shop : tier.level1Percent()).stripTrailingZeros().toPlainString();
        int progress = next == null || next.threshold().signum() == 0 ? 100
                : standing.figure().multiply(BigDecimal.valueOf(100))
                        .divide(next.threshold(), 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
        return new TierBox(tier == null ? null : tier.name(), rate, standing.scheme().measure().name(),
                standing.scheme().windowDays(), figure.apply(standing.figure()), next == null ? null : next.name(),
                next == null ? null : arm.map(a -> a.level1Percent(next.level1Percent(), shop)).orElse(next.level1Percent())
                        .stripTrailingZeros().toPlainString(),
                figure.apply(standing.missing()), standing.missing().setScale(0, RoundingMode.UP).longValue(), progress,
                standing.heldUntil() == null ? null : dates.format(standing.heldUntil()));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static @Nullable String plain(@Nullable BigDecimal percent) {
        return percent == null ? null : percent.toPlainString();
    }

    /** The absolute share link, from the address this request came in on. */
    static String shareLink(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/r/{code}").buildAndExpand(code).toUriString();
    }
}
