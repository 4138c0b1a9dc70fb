package com.micromall.catalog.internal;

import com.micromall.shared.ImageType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo shop's shelves (embedded default only, {@code micromall.demo.enabled=true}): four
 * categories and twenty products, each with its own picture ({@link DemoPictures}), a few low
 * or sold out, a few with their own commission. Runs once: when any product exists, it does nothing.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private record Item(String name, String description, String price, int stock, @Nullable String percent,
                        @Nullable String fixed) {
    }

    private record Shelf(String category, List<Item> items) {
    }

    private static final List<Shelf> SHELVES = List.of(
            new Shelf("Skin care", List.of(
                    new Item("Rose hydrating toner", "A gentle toner with rose water that calms and refreshes the skin.", "89.00", 40, null, null),
                    new Item("Vitamin C serum", "Brightening serum for a more even tone. Use in the morning before sunscreen.", "168.00", 3, "15.00", null),
                    new Item("Daily sunscreen SPF 50", "Light, non-greasy and suitable for sensitive skin.", "129.00", 25, null, null),
                    new Item("Overnight repair mask", "Wake up to soft skin: a cream mask that works while you sleep.", "145.00", 0, null, null),
                    new Item("Gentle foam cleanser", "Removes make-up and sunscreen without drying the skin.", "69.00", 60, null, null))),
            new Shelf("Home & smart locks", List.of(
                    new Item("Fingerprint door lock", "Opens with a fingerprint, a code or the app. Installation guide included.", "1299.00", 8, null, "80.00"),
                    new Item("Smart lock battery pack", "Rechargeable pack for fingerprint locks; lasts about six months.", "99.00", 30, null, null),
                    new Item("Video doorbell", "See who is at the door from your phone, day and night.", "499.00", 2, null, null),
                    new Item("Window sensor set", "Four sensors that tell you when a window opens.", "199.00", 15, null, null),
                    new Item("Key safe box", "Wall-mounted box with a code for spare keys.", "159.00", 0, null, null))),
            new Shelf("Pantry", List.of(
                    new Item("Wildflower honey", "Raw honey from small beekeepers in the hills. 500 g jar.", "58.00", 50, null, null),
                    new Item("Cold-pressed sesame oil", "Nutty, fragrant oil for dressings and noodles. 250 ml.", "45.00", 35, "5.00", null),
                    new Item("Oolong tea leaves", "Lightly roasted oolong, 100 g. Brews five times or more.", "88.00", 4, null, null),
                    new Item("Five-grain breakfast mix", "Oats, millet, buckwheat, barley and red rice. 1 kg.", "39.00", 80, null, null),
                    new Item("Chili crisp sauce", "Crunchy chili oil that goes on everything. 200 g.", "32.00", 100, "0.00", null))),
            new Shelf("Gifts", List.of(
                    new Item("Tea lover's gift box", "Three teas and a small glass pot in a box ready to give.", "238.00", 12, null, null),
                    new Item("Scented candle trio", "Fig, cedar and white tea: three candles, 40 hours each.", "128.00", 20, null, null),
                    new Item("Handmade ceramic mug", "Each one a little different, glazed by hand.", "76.00", 5, null, null),
                    new Item("Skin care travel kit", "Cleanser, toner and cream in travel sizes.", "99.00", 18, null, "10.00"),
                    new Item("Gift card", "Let them choose: a card for the whole shop.", "200.00", 999, "0.00", null))));

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ProductImageRepository images;
    private final ProductAdministration administration;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (products.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        int created = 0;
        for (Shelf shelf : SHELVES) {
            CategoryView category = administration.createCategory(shelf.category());
            for (Item item : shelf.items()) {
                ProductDraft draft = new ProductDraft(item.name(), item.description(), category.id(),
                        new BigDecimal(item.price()), item.stock(), decimal(item.percent()), decimal(item.fixed()));
                // Spread creation times so "newest first" has a visible order.
                Product product = products.save(new Product(draft, categories.getReferenceById(category.id()),
                        now.minus(Duration.ofHours(created))));
                images.save(new ProductImage(product.getId(), ImageType.PNG, DemoPictures.of(item.name()), 1));
                created++;
            }
        }
        log.info("Demo catalog: created {} categories and {} products with pictures", SHELVES.size(), created);
    }

    private static @Nullable BigDecimal decimal(@Nullable String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
