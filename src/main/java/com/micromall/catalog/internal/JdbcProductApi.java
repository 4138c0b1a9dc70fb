package com.micromall.catalog.internal;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's answers to other modules, read straight from the tables. Stock moves are one
 * conditional UPDATE each: PostgreSQL's row lock makes concurrent checkouts queue on the row,
 * and the {@code stock >= ?} condition makes the loser see "not enough" instead of going negative.
 */
@Service
@RequiredArgsConstructor
class JdbcProductApi implements ProductApi {

    /** The product with its first picture and its translated names (one column per language, null where none). */
    private static final String SELECT = """
            SELECT p.id, p.name, p.price, p.stock, p.archived, p.commission_percent, p.commission_fixed_amount,
                   (SELECT min(i.id) FROM product_image i WHERE i.product_id = p.id
                     AND i.sort_order = (SELECT min(j.sort_order) FROM product_image j WHERE j.product_id = p.id)) AS image_id
            """ + Arrays.stream(CatalogLanguage.values()).map(language -> """
                   , (SELECT t.name FROM product_translation t WHERE t.product_id = p.id AND t.language = '%s') AS name_%d
            """.formatted(language.code(), language.ordinal())).collect(Collectors.joining()) + """
            FROM product p""";

    private final JdbcClient jdbc;
    private final ShopSettingsService settings;

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductSummary> find(long productId) {
        Currency currency = settings.current().currency();
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", productId)
                .query((rs, i) -> map(rs, currency)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductSummary> findAll(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        Currency currency = settings.current().currency();
        return jdbc.sql(SELECT + " WHERE p.id IN (:ids) ORDER BY p.id").param("ids", productIds)
                .query((rs, i) -> map(rs, currency)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductSummary> onSaleByName() {
        Currency currency = settings.current().currency();
        return jdbc.sql(SELECT + " WHERE NOT p.archived ORDER BY lower(p.name), p.id")
                .query((rs, i) -> map(rs, currency)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategoryName> categories() {
        return jdbc.sql("SELECT id, name FROM category ORDER BY sort_order, lower(name), id")
                .query((rs, i) -> new CategoryName(rs.getLong("id"), rs.getString("name"))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> categoryIdsOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> byProduct = new HashMap<>();
        jdbc.sql("SELECT id, category_id FROM product WHERE id IN (:ids) AND category_id IS NOT NULL")
                .param("ids", productIds)
                .query(rs -> {
                    byProduct.put(rs.getLong("id"), rs.getLong("category_id"));
                });
        return byProduct;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserveStock(long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return jdbc.sql("UPDATE product SET stock = stock - :q WHERE id = :id AND NOT archived AND stock >= :q")
                .param("q", quantity).param("id", productId).update() == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseStock(long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        jdbc.sql("UPDATE product SET stock = stock + :q WHERE id = :id")
                .param("q", quantity).param("id", productId).update();
    }

    private static ProductSummary map(ResultSet rs, Currency currency) throws SQLException {
        BigDecimal fixed = rs.getBigDecimal("commission_fixed_amount");
        long imageId = rs.getLong("image_id");
        boolean hasImage = !rs.wasNull();
        Map<String, String> translatedNames = new HashMap<>();
        for (CatalogLanguage language : CatalogLanguage.values()) {
            String translated = rs.getString("name_" + language.ordinal());
            if (translated != null) {
                translatedNames.put(language.code(), translated);
            }
        }
        return new ProductSummary(
                rs.getLong("id"),
                rs.getString("name"),
                Money.of(rs.getBigDecimal("price"), currency),
                rs.getInt("stock"),
                !rs.getBoolean("archived"),
                hasImage ? "/images/products/" + imageId : null,
                rs.getBigDecimal("commission_percent"),
                fixed == null ? null : Money.of(fixed, currency),
                translatedNames);
    }
}
