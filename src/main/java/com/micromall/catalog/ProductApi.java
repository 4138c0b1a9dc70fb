package com.micromall.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules (order, distribution) may ask the catalog. Stock changes are single
 * conditional SQL updates in the caller's transaction, so concurrent checkouts never oversell.
 */
public interface ProductApi {

    Optional<ProductSummary> find(long productId);

    /** The products with these ids that exist (archived ones included, so old orders still resolve). */
    List<ProductSummary> findAll(Collection<Long> productIds);

    /** Every product on sale, by name (for the owner's pickers). */
    List<ProductSummary> onSaleByName();

    /** A category as the owner's pickers show it (its name in the shop's main language). */
    record CategoryName(long id, String name) {
    }

    /** Every category, in the shop's order (for the owner's pickers). */
    List<CategoryName> categories();

    /** The category of each of these products that has one, by product id. */
    Map<Long, Long> categoryIdsOf(Collection<Long> productIds);

    /**
     * Takes {@code quantity} from stock if at least that much is left and the product is on sale.
     * Must run inside the caller's transaction (it joins it); returns false and changes nothing otherwise.
     */
    boolean reserveStock(long productId, int quantity);

    /** Puts {@code quantity} back on stock (cancelled order). Joins the caller's transaction. */
    void releaseStock(long productId, int quantity);
}
