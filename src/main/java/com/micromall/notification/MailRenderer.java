package com.micromall.notification;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/NAME.html} and {@code NAME.txt} in the reader's language. It
 * keeps its own template engine (not a bean, so the web pages' engine stays Boot's) that reads
 * the shop's messages, so mails and pages share one set of translations.
 */
@Component
class MailRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final ShopTime shopTime;

    MailRenderer(MessageSource messages, ShopTime shopTime) {
        this.messages = messages;
        this.shopTime = shopTime;
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver("mail/*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("mail/*.txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * @param template    the template name under templates/mail/, without extension
     * @param subjectKey  message key of the subject; the shop name is put in front of it
     * @param subjectArgs its arguments
     */
    RenderedMail render(String template, Locale customerLocale, ShopSettings shop, String subjectKey,
                        Object[] subjectArgs, Map<String, Object> model) {
        return render(template, customerLocale, shop, subjectKey, subjectArgs, model, List.of());
    }

    /** @param images pictures the HTML shows through {@code cid:} sources, sent inside the mail */
    RenderedMail render(String template, Locale customerLocale, ShopSettings shop, String subjectKey,
                        Object[] subjectArgs, Map<String, Object> model, List<RenderedMail.InlineImage> images) {
        Locale locale = MailLocale.of(customerLocale);
        String subject = shop.shopName() + " · " + messages.getMessage(subjectKey, subjectArgs, locale);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("subject", subject);
        variables.put("shop", shop);
        variables.put("lang", locale.toLanguageTag());
        variables.put("fmt", new MailFormat(locale, shopTime));
        Context context = new Context(locale, variables);
        return new RenderedMail(subject,
                engine.process("mail/" + template + ".html", context),
                engine.process("mail/" + template + ".txt", context), List.copyOf(images));
    }
}
