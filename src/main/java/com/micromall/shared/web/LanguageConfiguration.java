package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The shop speaks English, Simplified Chinese, Traditional Chinese and Filipino. {@code ?lang=}
 * switches and a cookie remembers the choice; anything else falls back to English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "micromall_lang";

    static final List<Locale> SUPPORTED = List.of(
            Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.forLanguageTag("fil"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
                                  @Nullable Locale locale) {
                super.setLocale(request, response, supportedOrDefault(locale));
            }
        };
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    static Locale supportedOrDefault(@Nullable Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream()
                .filter(supported -> supported.equals(locale))
                .findFirst()
                .or(() -> SUPPORTED.stream()
                        .filter(supported -> supported.getCountry().isEmpty()
                                && supported.getLanguage().equals(locale.getLanguage()))
                        .findFirst())
                .orElse(Locale.ENGLISH);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
