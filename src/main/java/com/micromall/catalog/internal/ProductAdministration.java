package com.micromall.catalog.internal;

import com.micromall.shared.ImageType;
import com.micromall.settings.AuditLog;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's work on the catalog. Anything that changes money — the price and the commission
 * override — is written to the audit log with the owner's e-mail (DESIGN.md: every money action audited).
 */
@Service
@RequiredArgsConstructor
public class ProductAdministration {

    /** Larger pictures slow phones down and bloat the database. */
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ProductImageRepository images;
    private final ProductTranslationRepository productTranslations;
    private final CategoryTranslationRepository categoryTranslations;
    private final ShopSettingsService settings;
    private final AuditLog auditLog;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<AdminProductRow> list(@Nullable String query, boolean withArchived) {
        Currency currency = settings.current().currency();
        return products.findForOwner(withArchived, Storefront.namePattern(query)).stream()
                .map(p -> new AdminProductRow(p.getId(), p.getName(),
                        p.getCategory() == null ? null : p.getCategory().getName(),
                        Money.of(p.getPrice(), currency), p.getStock(), StockState.of(p.getStock()), p.isArchived(),
                        p.getCommissionPercent(),
                        p.getCommissionFixedAmount() == null ? null : Money.of(p.getCommissionFixedAmount(), currency)))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProductDraft draftOf(long productId) {
        Product p = load(productId);
        return new ProductDraft(p.getName(), p.getDescription(), p.getCategory() == null ? null : p.getCategory().getId(),
                p.getPrice(), p.getStock(), p.getCommissionPercent(), p.getCommissionFixedAmount());
    }

    /** The product's name and description in each of the shop's other languages (NONE where not translated). */
    @Transactional(readOnly = true)
    public Map<CatalogLanguage, ProductText> translationsOf(long productId) {
        load(productId);
        Map<CatalogLanguage, ProductText> texts = new EnumMap<>(CatalogLanguage.class);
        for (CatalogLanguage language : CatalogLanguage.values()) {
            texts.put(language, ProductText.NONE);
        }
        for (ProductTranslation translation : productTranslations.findByProductId(productId)) {
            language(translation.getLanguage()).ifPresent(language -> texts.put(language, translation.text()));
        }
        return texts;
    }

    @Transactional(readOnly = true)
    public boolean isArchived(long productId) {
        return load(productId).isArchived();
    }

    @Transactional
    public long create(ProductDraft draft, String actor) {
        return create(draft, Map.of(), actor);
    }

    /** Creates a product with its name and description in other languages (missing or empty ones: none). */
    @Transactional
    public long create(ProductDraft draft, Map<CatalogLanguage, ProductText> translations, String actor) {
        Product product = products.save(new Product(draft, category(draft.categoryId()), clock.instant()));
        translate(product.getId(), translations);
        String subject = subject(product);
        auditLog.record(actor, "catalog.product.price", subject, null, draft.price().toPlainString());
        auditLog.recordChange(actor, "catalog.product.commission", subject, null, commission(product));
        return product.getId();
    }

    /**
     * Saves the owner's form. The stock is an adjustment: {@code stockAsLoaded} is what the form showed, and
     * only the owner's change to it is applied to today's stock (sales made meanwhile stay sold). Without it
     * (a form that did not carry it) the typed stock is taken as it is.
     *
     * @throws StockAdjustmentRefusedException when the change would take today's stock below zero
     */
    @Transactional
    public void update(long productId, ProductDraft draft, @Nullable Integer stockAsLoaded, String actor) {
        update(productId, draft, null, stockAsLoaded, actor);
    }

    /**
     * As {@link #update(long, ProductDraft, Integer, String)}, and sets the product's texts in other languages:
     * each language given is replaced (an empty text removes it); null leaves them all as they are.
     */
    @Transactional
    public void update(long productId, ProductDraft draft, @Nullable Map<CatalogLanguage, ProductText> translations,
                       @Nullable Integer stockAsLoaded, String actor) {
        Product product = products.findForUpdate(productId)
                .orElseThrow(() -> new NotFoundException("no product " + productId));
        int oldStock = product.getStock();
        int newStock = stockAsLoaded == null ? draft.stock() : oldStock + (draft.stock() - stockAsLoaded);
        if (newStock < 0) {
            throw new StockAdjustmentRefusedException(oldStock);
        }
        String oldPrice = product.getPrice().toPlainString();
        String oldCommission = commission(product);
        product.update(draft.withStock(newStock), category(draft.categoryId()));
        if (translations != null) {
            translate(productId, translations);
        }
        String subject = subject(product);
        auditLog.recordChange(actor, "catalog.product.stock", subject, Integer.toString(oldStock),
                Integer.toString(newStock));
        auditLog.recordChange(actor, "catalog.product.price", subject, oldPrice, product.getPrice().toPlainString());
        auditLog.recordChange(actor, "catalog.product.commission", subject, oldCommission, commission(product));
    }

    @Transactional
    public void archive(long productId, String actor) {
        Product product = load(productId);
        product.archive();
        auditLog.record(actor, "catalog.product.archived", subject(product), "on sale", "archived");
    }

    @Transactional
    public void unarchive(long productId, String actor) {
        Product product = load(productId);
        product.unarchive();
        auditLog.record(actor, "catalog.product.archived", subject(product), "archived", "on sale");
    }

    @Transactional(readOnly = true)
    public List<Long> imageIds(long productId) {
        load(productId);
        return images.findImageIds(productId);
    }

    /** Checks size and real type (magic bytes) before storing; refuses with a message key otherwise. */
    @Transactional
    public long addImage(long productId, byte[] bytes) {
        load(productId);
        if (bytes.length == 0) {
            throw new ImageRejectedException("catalog.admin.image.empty");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new ImageRejectedException("catalog.admin.image.tooLarge");
        }
        ImageType type = ImageType.detect(bytes)
                .orElseThrow(() -> new ImageRejectedException("catalog.admin.image.wrongType"));
        return images.save(new ProductImage(productId, type, bytes, images.maxSortOrder(productId) + 1)).getId();
    }

    @Transactional
    public void deleteImage(long productId, long imageId) {
        images.delete(images.findByIdAndProductId(imageId, productId)
                .orElseThrow(() -> new NotFoundException("no image " + imageId + " on product " + productId)));
    }

    /** The categories by their main-language names, as the owner's product form and list show them. */
    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.findAllByOrderBySortOrderAscNameAsc().stream().map(CategoryView::of).toList();
    }

    @CacheEvict(cacheNames = CategoryList.CACHE, allEntries = true)
    @Transactional
    public CategoryView createCategory(String name) {
        return createCategory(name, Map.of());
    }

    /**
     * Creates a category with its name in other languages (blank ones: none); its slug comes from the main name
     * and gets a number when already taken.
     */
    @CacheEvict(cacheNames = CategoryList.CACHE, allEntries = true)
    @Transactional
    public CategoryView createCategory(String name, Map<CatalogLanguage, String> translatedNames) {
        String base = Category.slugBase(name);
        String slug = base;
        for (int n = 2; categories.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        Category category = categories.save(new Category(name, slug, categories.maxSortOrder() + 1));
        translatedNames.forEach((language, translated) -> {
            if (!translated.isBlank()) {
                categoryTranslations.save(new CategoryTranslation(category.getId(), language, translated));
            }
        });
        return CategoryView.of(category);
    }

    /** A category's names in the shop's other languages ("" where not translated). */
    @Transactional(readOnly = true)
    public Map<CatalogLanguage, String> categoryTranslationsOf(long categoryId) {
        categories.findById(categoryId).orElseThrow(() -> new NotFoundException("no category " + categoryId));
        Map<CatalogLanguage, String> names = new EnumMap<>(CatalogLanguage.class);
        for (CatalogLanguage language : CatalogLanguage.values()) {
            names.put(language, "");
        }
        for (CategoryTranslation translation : categoryTranslations.findByCategoryId(categoryId)) {
            language(translation.getLanguage()).ifPresent(language -> names.put(language, translation.getName()));
        }
        return names;
    }

    /** Sets a category's names in other languages: each language given is replaced, a blank name removes it. */
    @CacheEvict(cacheNames = CategoryList.CACHE, allEntries = true)
    @Transactional
    public void translateCategory(long categoryId, Map<CatalogLanguage, String> translatedNames) {
        categories.findById(categoryId).orElseThrow(() -> new NotFoundException("no category " + categoryId));
        Map<String, CategoryTranslation> existing = categoryTranslations.findByCategoryId(categoryId).stream()
                .collect(Collectors.toMap(CategoryTranslation::getLanguage, Function.identity()));
        translatedNames.forEach((language, name) -> {
            CategoryTranslation translation = existing.get(language.code());
            if (name.isBlank()) {
                if (translation != null) {
                    categoryTranslations.delete(translation);
                }
            } else if (translation == null) {
                categoryTranslations.save(new CategoryTranslation(categoryId, language, name));
            } else {
                translation.rename(name);
            }
        });
    }

    private void translate(long productId, Map<CatalogLanguage, ProductText> translations) {
        Map<String, ProductTranslation> existing = productTranslations.findByProductId(productId).stream()
                .collect(Collectors.toMap(ProductTranslation::getLanguage, Function.identity()));
        translations.forEach((language, text) -> {
            ProductTranslation translation = existing.get(language.code());
            if (text.isEmpty()) {
                if (translation != null) {
                    productTranslations.delete(translation);
                }
            } else if (translation == null) {
                productTranslations.save(new ProductTranslation(productId, language, text));
            } else {
                translation.change(text);
            }
        });
    }

    private static Optional<CatalogLanguage> language(String code) {
        return Arrays.stream(CatalogLanguage.values()).filter(language -> language.code().equals(code)).findFirst();
    }

    private @Nullable Category category(@Nullable Long categoryId) {
        if (categoryId == null) {
            return null;
        }
        return categories.findById(categoryId)
                .orElseThrow(() -> new IllegalArgumentException("no category " + categoryId));
    }

    private Product load(long productId) {
        return products.findById(productId).orElseThrow(() -> new NotFoundException("no product " + productId));
    }

    private static String subject(Product product) {
        return "product #" + product.getId() + " " + product.getName();
    }

    /** The override as one readable value for the audit log: "12.50%", "3.00" or null for the shop rate. */
    private static @Nullable String commission(Product product) {
        BigDecimal percent = product.getCommissionPercent();
        if (percent != null) {
            return percent.toPlainString() + "%";
        }
        BigDecimal fixed = product.getCommissionFixedAmount();
        return fixed == null ? null : fixed.toPlainString();
    }
}
