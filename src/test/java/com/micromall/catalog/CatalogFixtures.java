package com.micromall.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Catalog test data written straight into the tables, with unique names so tests sharing one
 * database never see each other's rows.
 */
final class CatalogFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;

    CatalogFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A word no other test uses: put it in names and search for it. */
    static String token() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    record CategoryRow(long id, String slug) {
    }

    CategoryRow category(String name) {
        String slug = "test-" + SEQUENCE.incrementAndGet() + "-" + token();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO category (name, slug, sort_order) VALUES (:name, :slug, 0)")
                .param("name", name).param("slug", slug).update(key, "id");
        return new CategoryRow(key.getKey().longValue(), slug);
    }

    long product(String name, @Nullable Long categoryId, String price, int stock) {
        return product(name, categoryId, price, stock, false, Instant.now());
    }

    long product(String name, @Nullable Long categoryId, String price, int stock, boolean archived, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO product (category_id, name, description, price, stock, archived, created_at)
                VALUES (:category, :name, :description, :price, :stock, :archived, :createdAt)""")
                .param("category", categoryId)
                .param("name", name)
                .param("description", "Description of " + name)
                .param("price", new BigDecimal(price))
                .param("stock", stock)
                .param("archived", archived)
                .param("createdAt", Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    long image(long productId, byte[] data) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO product_image (product_id, content_type, data, sort_order) VALUES (:p, 'image/png', :d, 0)")
                .param("p", productId).param("d", data).update(key, "id");
        return key.getKey().longValue();
    }

    int stockOf(long productId) {
        return jdbc.sql("SELECT stock FROM product WHERE id = :id").param("id", productId).query(Integer.class).single();
    }

    static byte[] png(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
