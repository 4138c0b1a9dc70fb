package com.micromall.catalog.web;

import com.micromall.catalog.internal.CatalogLanguage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.Getter;
import org.springframework.validation.Errors;

/** What the owner types for a category: the name in the shop's main language and, optionally, in the others. */
@Getter
public class CategoryForm {

    static final int MAX_NAME = 60;

    private String name = "";
    /** The name in each of the shop's other languages, in {@link CatalogLanguage} order; blank = the main name. */
    private final List<String> translatedNames = Arrays.stream(CatalogLanguage.values()).map(language -> "")
            .collect(Collectors.toCollection(ArrayList::new));

    static CategoryForm of(String name, Map<CatalogLanguage, String> translated) {
        CategoryForm form = new CategoryForm();
        form.name = name;
        for (CatalogLanguage language : CatalogLanguage.values()) {
            form.translatedNames.set(language.ordinal(), translated.getOrDefault(language, ""));
        }
        return form;
    }

    /** Registers a message per bad field; true when every field is fine. */
    boolean validate(Errors errors) {
        String clean = cleanName();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            errors.rejectValue("name", "catalog.admin.category.invalid");
        }
        for (int i = 0; i < CatalogLanguage.values().length; i++) {
            String translated = translatedNames.get(i);
            if (translated != null && translated.strip().length() > MAX_NAME) {
                errors.rejectValue("translatedNames[" + i + "]", "catalog.form.name.tooLong", new Object[] {MAX_NAME},
                        null);
            }
        }
        return !errors.hasErrors();
    }

    String cleanName() {
        return name == null ? "" : name.strip();
    }

    /** The names in other languages as typed ("" where blank). */
    Map<CatalogLanguage, String> translatedNames() {
        Map<CatalogLanguage, String> names = new EnumMap<>(CatalogLanguage.class);
        for (CatalogLanguage language : CatalogLanguage.values()) {
            String translated = translatedNames.get(language.ordinal());
            names.put(language, translated == null ? "" : translated.strip());
        }
        return names;
    }

    public void setName(String name) {
        this.name = name;
    }
}
