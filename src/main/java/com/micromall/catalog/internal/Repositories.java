package com.micromall.catalog.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CategoryRepository extends JpaRepository<Category, Long> {

    List<Category> findAllByOrderBySortOrderAscNameAsc();

    Optional<Category> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select coalesce(max(c.sortOrder), 0) from Category c")
    int maxSortOrder();
}

interface ProductRepository extends JpaRepository<Product, Long> {

    /** The owner's edit locks the row, so no sale slips in between reading the stock and writing it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> findForUpdate(@Param("id") long id);

    /**
     * The storefront search: products on sale, optionally in one category, name containing a word; each
     * row is the product and the id of its first picture (or null). The picture comes from a subquery
     * rather than a second query with the page's ids: Hibernate does not cache the translation of a query
     * with a list parameter, and re-translating it on every list page was ~5 % of the page's CPU.
     */
    @Query(value = """
            select p, (select i.id from ProductImage i where i.productId = p.id order by i.sortOrder, i.id limit 1)
            from Product p left join fetch p.category c
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and lower(p.name) like :namePattern escape '\\'""",
            countQuery = """
            select count(p) from Product p left join p.category c
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and lower(p.name) like :namePattern escape '\\'""")
    Page<Object[]> findOnSale(@Param("anyCategory") boolean anyCategory, @Param("categoryId") long categoryId,
                             @Param("namePattern") String namePattern, Pageable pageable);

    /** One product with its category in the same query (the product page shows both). */
    @Query("select p from Product p left join fetch p.category where p.id = :id")
    Optional<Product> findWithCategory(@Param("id") long id);

    /** The owner's list: every product (archived ones only when asked for), name containing a word. */
    @Query("""
            select p from Product p left join fetch p.category
            where (:withArchived = true or p.archived = false)
              and lower(p.name) like :namePattern escape '\\'
            order by p.archived, p.createdAt desc, p.id desc""")
    List<Product> findForOwner(@Param("withArchived") boolean withArchived, @Param("namePattern") String namePattern);
}

interface ProductImageRepository extends JpaRepository<ProductImage, Long> {

    /** A product's picture ids only (no bytes), in display order. */
    @Query("select i.id from ProductImage i where i.productId = :productId order by i.sortOrder, i.id")
    List<Long> findImageIds(@Param("productId") long productId);

    @Query("select coalesce(max(i.sortOrder), 0) from ProductImage i where i.productId = :productId")
    int maxSortOrder(@Param("productId") long productId);

    Optional<ProductImage> findByIdAndProductId(long id, long productId);
}
