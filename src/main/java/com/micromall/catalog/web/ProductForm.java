package com.micromall.catalog.web;

import com.micromall.catalog.internal.CatalogLanguage;
import com.micromall.catalog.internal.ProductDraft;
import com.micromall.catalog.internal.ProductText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.Getter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * What the owner types on the product form. Numbers are kept as text so that whatever was typed
 * (even "abc") comes back on the form next to a readable message, never a conversion error.
 */
@Getter
public class ProductForm {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999");

    private String name = "";
    private String description = "";
    private String categoryId = "";
    private String price = "";
    private String stock = "";
    /**
     * The stock when the form was opened (blank for a new product): saving applies only the owner's
     * change to it, so units sold while the form was open are not put back.
     */
    private String stockAsLoaded = "";
    /** Blank = the shop's rate; 0 = no commission on this product. */
    private String commissionPercent = "";
    /** Blank = the shop's rate; 0 = no commission on this product. */
    private String commissionFixedAmount = "";
    /** The owner's "yes, save anyway" after being warned that the commission is a large share of the price. */
    private boolean payoutConfirmed;
    /** The name and description in each of the shop's other languages, in {@link CatalogLanguage} order. */
    private final List<Translation> translations = Arrays.stream(CatalogLanguage.values()).map(Translation::new)
            .collect(Collectors.toCollection(ArrayList::new));

    /** What the owner types for one other language; blank fields show the main text to readers of that language. */
    @Getter
    public static class Translation {

        private @Nullable CatalogLanguage language;
        private String name = "";
        private String description = "";

        /** For the binder only (an index the form did not offer); such entries are ignored. */
        public Translation() {
        }

        Translation(CatalogLanguage language) {
            this.language = language;
        }

        public void setName(String name) {
            this.name = name;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    static ProductForm of(ProductDraft draft, Map<CatalogLanguage, ProductText> texts) {
        ProductForm form = new ProductForm();
        for (Translation translation : form.translations) {
            ProductText text = texts.getOrDefault(translation.language, ProductText.NONE);
            translation.name = text.name() == null ? "" : text.name();
            translation.description = text.description() == null ? "" : text.description();
        }
        form.name = draft.name();
        form.description = draft.description() == null ? "" : draft.description();
        form.categoryId = draft.categoryId() == null ? "" : draft.categoryId().toString();
        form.price = draft.price().toPlainString();
        form.stock = Integer.toString(draft.stock());
        form.stockAsLoaded = form.stock;
        form.commissionPercent = draft.commissionPercent() == null ? "" : draft.commissionPercent().toPlainString();
        form.commissionFixedAmount = draft.commissionFixedAmount() == null ? ""
                : draft.commissionFixedAmount().toPlainString();
        return form;
    }

    /** Checks every field, registering one message per bad field; returns the draft only when all are fine. */
    @Nullable ProductDraft validate(Currency currency, Errors errors) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.rejectValue("name", "catalog.form.name.required");
        } else if (cleanName.length() > 120) {
            errors.rejectValue("name", "catalog.form.name.tooLong", new Object[] {120}, null);
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > 5000) {
            errors.rejectValue("description", "catalog.form.description.tooLong", new Object[] {5000}, null);
        }
        for (int i = 0; i < CatalogLanguage.values().length; i++) {
            Translation translation = translations.get(i);
            if (translation.name != null && translation.name.strip().length() > 120) {
                errors.rejectValue("translations[" + i + "].name", "catalog.form.name.tooLong", new Object[] {120}, null);
            }
            if (translation.description != null && translation.description.strip().length() > 5000) {
                errors.rejectValue("translations[" + i + "].description", "catalog.form.description.tooLong",
                        new Object[] {5000}, null);
            }
        }
        Long category = null;
        if (categoryId != null && !categoryId.isBlank()) {
            try {
                category = Long.valueOf(categoryId.strip());
            } catch (NumberFormatException e) {
                errors.rejectValue("categoryId", "catalog.form.category.invalid");
            }
        }
        BigDecimal priceValue = amount("price", price, scale, true, errors);
        Integer stockValue = null;
        try {
            stockValue = Integer.valueOf(stock == null ? "" : stock.strip());
            if (stockValue < 0) {
                errors.rejectValue("stock", "catalog.form.stock.invalid");
            }
        } catch (NumberFormatException e) {
            errors.rejectValue("stock", "catalog.form.stock.invalid");
        }
        BigDecimal percent = null;
        if (commissionPercent != null && !commissionPercent.isBlank()) {
            percent = decimal(commissionPercent);
            if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                errors.rejectValue("commissionPercent", "catalog.form.commissionPercent.invalid");
                percent = null;
            } else {
                percent = percent.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        BigDecimal fixed = amount("commissionFixedAmount", commissionFixedAmount, scale, false, errors);
        boolean bothGiven = commissionPercent != null && !commissionPercent.isBlank()
                && commissionFixedAmount != null && !commissionFixedAmount.isBlank();
        if (bothGiven) {
            errors.rejectValue("commissionFixedAmount", "catalog.form.commission.both");
        }
        if (errors.hasErrors() || priceValue == null || stockValue == null) {
            return null;
        }
        return new ProductDraft(cleanName, cleanDescription.isEmpty() ? null : cleanDescription, category, priceValue,
                stockValue, percent, fixed);
    }

    /** The texts in other languages, as checked by {@link #validate}: blank ones are empty (none). */
    Map<CatalogLanguage, ProductText> translations() {
        Map<CatalogLanguage, ProductText> texts = new EnumMap<>(CatalogLanguage.class);
        for (CatalogLanguage language : CatalogLanguage.values()) {
            Translation translation = translations.get(language.ordinal());
            texts.put(language, new ProductText(translation.name, translation.description));
        }
        return texts;
    }

    /** A non-negative amount with at most the currency's decimals; blank is allowed only when not required. */
    private static @Nullable BigDecimal amount(String field, @Nullable String text, int scale, boolean required,
                                               Errors errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.rejectValue(field, "catalog.form." + field + ".invalid", new Object[] {scale}, null);
            }
            return null;
        }
        BigDecimal value = decimal(text);
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > scale
                || value.compareTo(MAX_AMOUNT) > 0) {
            errors.rejectValue(field, "catalog.form." + field + ".invalid", new Object[] {scale}, null);
            return null;
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static @Nullable BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public void setStock(String stock) {
        this.stock = stock;
    }

    public void setStockAsLoaded(String stockAsLoaded) {
        this.stockAsLoaded = stockAsLoaded;
    }

    /** The stock the form was opened with, or null when unknown (a new product, or a tampered field). */
    @Nullable Integer loadedStock() {
        try {
            return stockAsLoaded == null || stockAsLoaded.isBlank() ? null : Integer.valueOf(stockAsLoaded.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form shown again after the stock moved: the current stock, the owner's other fields as typed. */
    void restartStockFrom(int current) {
        stock = Integer.toString(current);
        stockAsLoaded = stock;
    }

    public void setCommissionPercent(String commissionPercent) {
        this.commissionPercent = commissionPercent;
    }

    public void setCommissionFixedAmount(String commissionFixedAmount) {
        this.commissionFixedAmount = commissionFixedAmount;
    }

    public void setPayoutConfirmed(boolean payoutConfirmed) {
        this.payoutConfirmed = payoutConfirmed;
    }
}
