package com.micromall.care.satisfaction;

import com.micromall.care.satisfaction.SatisfactionSurveys.LinkAnswer;
import com.micromall.care.satisfaction.SatisfactionSurveys.Survey;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.shared.NotFoundException;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The buyer's answer: through the mail's single-use link (no sign-in) or from their own order page (signed in, only
 * the order's buyer). The answer page thanks them, and only a promoter (and gently a passive) is asked to share.
 */
@Controller
@RequiredArgsConstructor
class SatisfactionController {

    private final SatisfactionSurveys surveys;
    private final ShareCards shareCards;

    @ModelAttribute("scores")
    int[] scores() {
        return IntStream.rangeClosed(0, 10).toArray();
    }

    @GetMapping("/satisfaction/{token}")
    String linkForm(@PathVariable String token, @RequestParam(name = "score", required = false) @Nullable Integer score,
                    HttpServletResponse response, Model model) {
        Optional<Survey> survey = surveys.ofUnusedLink(token);
        if (survey.isEmpty()) {
            return unusable(token, response, model);
        }
        SatisfactionForm form = new SatisfactionForm();
        form.setScore(score != null && score >= 0 && score <= 10 ? score : null);
        return form(survey.get(), "/satisfaction/" + token, form, model);
    }

    @PostMapping("/satisfaction/{token}")
    String answerThroughLink(@PathVariable String token, @Valid @ModelAttribute("satisfactionForm") SatisfactionForm form,
                             BindingResult errors, HttpServletResponse response, Model model) {
        Optional<Survey> survey = surveys.ofUnusedLink(token);
        if (survey.isEmpty()) {
            return unusable(token, response, model);
        }
        if (errors.hasErrors()) {
            return form(survey.get(), "/satisfaction/" + token, form, model);
        }
        LinkAnswer answer = surveys.answerThroughLink(token, form.getScore(), form.getComment());
        if (answer != LinkAnswer.ANSWERED) {
            return unusable(token, response, model);
        }
        return thanks(survey.get(), form, false, model);
    }

    @GetMapping("/orders/{number}/satisfaction")
    String buyerForm(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number,
                     @RequestParam(name = "score", required = false) @Nullable Integer score, Model model) {
        Survey survey = ownSurvey(principal, number);
        SatisfactionForm form = new SatisfactionForm();
        form.setScore(score != null && score >= 0 && score <= 10 ? score : survey.score());
        form.setComment(survey.comment());
        return form(survey, "/orders/" + number + "/satisfaction", form, model);
    }

    @PostMapping("/orders/{number}/satisfaction")
    String answerAsBuyer(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String number,
                         @Valid @ModelAttribute("satisfactionForm") SatisfactionForm form, BindingResult errors,
                         HttpServletResponse response, Model model) {
        Survey survey = ownSurvey(principal, number);
        if (errors.hasErrors()) {
            return form(survey, "/orders/" + number + "/satisfaction", form, model);
        }
        surveys.answerAsBuyer(survey, form.getScore(), form.getComment());
        return thanks(survey, form, true, model);
    }

    /** Someone else's order, or one not completed yet, is simply not there. */
    private Survey ownSurvey(CustomerPrincipal principal, String number) {
        return surveys.ofCustomer(principal.getCustomerId(), number)
                .orElseThrow(() -> new NotFoundException("No survey of order " + number + " for this customer"));
    }

    private String form(Survey survey, String action, SatisfactionForm form, Model model) {
        model.addAttribute("satisfactionForm", form);
        model.addAttribute("action", action);
        model.addAttribute("orderNumber", survey.orderNumber());
        model.addAttribute("changing", survey.score() != null);
        return "care/satisfaction-survey";
    }

    private String thanks(Survey survey, SatisfactionForm form, boolean signedIn, Model model) {
        AnswerKind kind = AnswerKind.of(form.getScore());
        model.addAttribute("kind", kind.name());
        model.addAttribute("orderNumber", survey.orderNumber());
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("commented", form.getComment() != null && !form.getComment().isBlank());
        if (signedIn) {
            model.addAttribute("satisfactionForm", form);
            model.addAttribute("action", "/orders/" + survey.orderNumber() + "/satisfaction");
        }
        // A detractor is never asked to share; a passive gets the link only, without the full card.
        model.addAttribute("shareCard", kind == AnswerKind.DETRACTOR ? null
                : shareCards.of(survey.customerId()).orElse(null));
        return "care/satisfaction-thanks";
    }

    /** A used link says "already answered"; any other says "not valid": neither names an order or a customer. */
    private String unusable(String token, HttpServletResponse response, Model model) {
        boolean used = surveys.isUsedLink(token);
        model.addAttribute("used", used);
        response.setStatus(used ? HttpStatus.OK.value() : HttpStatus.NOT_FOUND.value());
        return "care/satisfaction-link";
    }
}
