package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every visible string comes from messages*.properties, in all four languages. */
class I18nTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> LOCALES = List.of("zh_CN", "zh_TW", "fil");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

    /** Values that are rightly the same as English in every language. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            // the language switcher names each language in that language, whatever the page's language
            "language.en", "language.zh_CN", "language.zh_TW", "language.fil",
            "distribution.withdrawals.method.PAYPAL"); // brand name, written the same in every language

    /** Values that are rightly the same as English in one language, each with its reason. */
    private static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "zh_CN", Set.of(),
            "zh_TW", Set.of(),
            "fil", Set.of(
                    "app.name", // the brand stays in Latin letters (the Chinese versions write it in Chinese)
                    // "E-mail" and "Password" are the words Filipinos use; a label has nothing to add to them
                    "field.email", "field.password", "order.admin.customer.email", "admin.distributors.column.email",
                    "mail.contact.email",
                    "settings.currency.EUR", // "Euro" is the Filipino name of the currency too
                    // brand names
                    "distribution.withdrawals.method.WECHAT", "distribution.withdrawals.method.ALIPAY",
                    "admin.distributors.wechat"));

    @Test
    void everyLocaleHasExactlyTheKeysOfEnglish() throws IOException {
        Set<String> english = keysOf("messages.properties");
        assertThat(english).isNotEmpty();
        for (String locale : LOCALES) {
            Set<String> translated = keysOf("messages_" + locale + ".properties");
            assertThat(difference(english, translated)).as("keys missing in %s", locale).isEmpty();
            assertThat(difference(translated, english)).as("keys in %s that English lacks", locale).isEmpty();
        }
    }

    /**
     * A value equal to the English one is almost always a key copied over and never translated:
     * the page would show English in the middle of another language.
     */
    @Test
    void noLocaleLeavesAKeyInEnglish() throws IOException {
        Properties english = load("messages.properties");
        for (String locale : LOCALES) {
            Properties translated = load("messages_" + locale + ".properties");
            List<String> untranslated = english.stringPropertyNames().stream()
                    .filter(key -> hasLetters(english.getProperty(key)))
                    .filter(key -> english.getProperty(key).equals(translated.getProperty(key)))
                    .filter(key -> !SAME_IN_EVERY_LANGUAGE.contains(key) && !SAME_AS_ENGLISH.get(locale).contains(key))
                    .sorted().map(key -> key + "=" + english.getProperty(key)).toList();
            assertThat(untranslated).as("values in %s still in English", locale).isEmpty();
        }
    }

    @Test
    void theAllowListOfUntranslatedValuesHoldsNoStaleKeys() throws IOException {
        Properties english = load("messages.properties");
        for (String locale : LOCALES) {
            Properties translated = load("messages_" + locale + ".properties");
            Set<String> allowed = new TreeSet<>(SAME_IN_EVERY_LANGUAGE);
            allowed.addAll(SAME_AS_ENGLISH.get(locale));
            List<String> stale = allowed.stream()
                    .filter(key -> english.getProperty(key) == null
                            || !english.getProperty(key).equals(translated.getProperty(key)))
                    .toList();
            assertThat(stale).as("allow-listed keys of %s that are translated or gone", locale).isEmpty();
        }
    }

    /**
     * A message with arguments goes through MessageFormat (plural choices included), where a single
     * apostrophe starts a quote and swallows text; one without arguments is shown as written.
     */
    @Test
    void everyMessageReadsRightThroughMessageFormat() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_zh_CN.properties", "messages_zh_TW.properties",
                "messages_fil.properties")) {
            Properties properties = load(file);
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String value = properties.getProperty(key);
                if (!ARGUMENT.matcher(value).find()) {
                    if (value.contains("''")) {
                        wrong.add(file + " " + key + ": no arguments, so '' would show doubled");
                    }
                    continue;
                }
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    wrong.add(file + " " + key + ": a single ' in a message with arguments must be doubled");
                }
                try {
                    new MessageFormat(value, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    wrong.add(file + " " + key + ": " + e.getMessage());
                }
            }
        }
        assertThat(wrong).as("messages MessageFormat would garble").isEmpty();
    }

    @Test
    void noTranslationIsLeftEmpty() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties", "messages_zh_TW.properties",
                "messages_fil.properties")) {
            Properties properties = load(file);
            List<String> empty = properties.stringPropertyNames().stream()
                    .filter(key -> properties.getProperty(key).isBlank()).sorted().toList();
            assertThat(empty).as("empty messages in %s", file).isEmpty();
        }
    }

    @Test
    void everyMessageKeyATemplateUsesExists() throws IOException {
        Set<String> english = keysOf("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!english.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but not defined").isEmpty();
    }

    /**
     * Text a visitor could read must be produced by th:text/th:utext (or a th:* attribute);
     * text written straight into a template would show in English whatever the language.
     */
    @Test
    void templatesHardCodeNoVisibleText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            String name = TEMPLATES.relativize(template).toString();
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")
                        || replacesItsBody(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String words = text.text().strip();
                    if (hasLetters(words) && !words.startsWith("[[") && !words.startsWith("[(")) {
                        hardCoded.add(name + " <" + element.tagName() + ">: " + words);
                    }
                }
                element.attributes().forEach(attribute -> {
                    if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && hasLetters(attribute.getValue())
                            && !element.hasAttr("th:" + attribute.getKey())
                            && !(attribute.getKey().equals("value") && !isButtonLike(element))) {
                        hardCoded.add(name + " <" + element.tagName() + " " + attribute.getKey() + ">: "
                                + attribute.getValue());
                    }
                });
            }
        }
        assertThat(hardCoded).as("hard-coded visible text in templates").isEmpty();
    }

    private static boolean replacesItsBody(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            if (current.hasAttr("th:text") || current.hasAttr("th:utext") || current.hasAttr("th:errors")
                    || current.hasAttr("th:replace")
                    || current.hasAttr("th:insert") || current.hasAttr("layout:replace")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButtonLike(Element element) {
        String type = element.attr("type");
        return element.tagName().equals("input") && (type.equals("submit") || type.equals("button"));
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keysOf(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
