package com.micromall.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
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

    /** The storefront search: products on sale, optionally in one category, name containing a word. */
    @Query(value = """
            select p from Product p left join fetch p.category c
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and lower(p.name) like :namePattern escape '\\'""",
            countQuery = """
            select count(p) from Product p left join p.category c
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and lower(p.name) like :namePattern escape '\\'""")
    Page<Product> findOnSale(@Param("anyCategory") boolean anyCategory, @Param("categoryId") long categoryId,
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

    /** Ids only (no bytes), in display order. */
    @Query("select i.productId, i.id from ProductImage i where i.productId in :productIds order by i.sortOrder, i.id")
    List<Object[]> findImageIds(@Param("productIds") Collection<Long> productIds);

    @Query("select coalesce(max(i.sortOrder), 0) from ProductImage i where i.productId = :productId")
    int maxSortOrder(@Param("productId") long productId);

    Optional<ProductImage> findByIdAndProductId(long id, long productId);
}
