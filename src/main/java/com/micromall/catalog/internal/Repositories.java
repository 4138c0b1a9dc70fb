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

    /** Every category with its name in a language (null where it has none), in the shop's order. */
    @Query("""
            select c, t.name from Category c
            left join CategoryTranslation t on t.categoryId = c.id and t.language = :language
            order by c.sortOrder, c.name""")
    List<Object[]> findAllNamedIn(@Param("language") String language);

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
     * The storefront search: products on sale, optionally in one category, with a word in their name or description
     * in any language; each row is the product, the id of its first picture (or null) and its name in the reader's
     * language (or null). The picture and the translated name come from a subquery and a join rather than a second
     * query with the page's ids, because Hibernate re-translates a query with a list parameter on every call.
     */
    @Query(value = """
            select p, (select i.id from ProductImage i where i.productId = p.id order by i.sortOrder, i.id limit 1),
                   t.name
            from Product p left join fetch p.category c
            left join ProductTranslation t on t.productId = p.id and t.language = :language
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and """ + MATCHES + """
            """,
            countQuery = """
            select count(p) from Product p left join p.category c
            where p.archived = false
              and (:anyCategory = true or c.id = :categoryId)
              and """ + MATCHES + """
            """)
    Page<Object[]> findOnSale(@Param("anyCategory") boolean anyCategory, @Param("categoryId") long categoryId,
                             @Param("pattern") String pattern, @Param("language") String language,
                             Pageable pageable);

    /** A product whose name or description, in the main language or a translation, is like {@code :pattern}. */
    String MATCHES = """
            (lower(p.name) like :pattern escape '\\' or lower(p.description) like :pattern escape '\\'
                   or exists (select 1 from ProductTranslation x where x.productId = p.id
                              and (lower(x.name) like :pattern escape '\\'
                                   or lower(x.description) like :pattern escape '\\')))""";

    /**
     * One product with its category (the product page shows both) and, in a language, the product's name and
     * description and the category's name (null where not translated): one query.
     */
    @Query("""
            select p, t.name, t.description, ct.name from Product p left join fetch p.category c
            left join ProductTranslation t on t.productId = p.id and t.language = :language
            left join CategoryTranslation ct on ct.categoryId = c.id and ct.language = :language
            where p.id = :id""")
    List<Object[]> findWithCategoryIn(@Param("id") long id, @Param("language") String language);

    /** The owner's list: every product (archived ones only when asked for) with a word in a name or description. */
    @Query("""
            select p from Product p left join fetch p.category
            where (:withArchived = true or p.archived = false)
              and """ + MATCHES + """
            order by p.archived, p.createdAt desc, p.id desc""")
    List<Product> findForOwner(@Param("withArchived") boolean withArchived, @Param("pattern") String pattern);
}

interface ProductTranslationRepository extends JpaRepository<ProductTranslation, Long> {

    List<ProductTranslation> findByProductId(long productId);
}

interface CategoryTranslationRepository extends JpaRepository<CategoryTranslation, Long> {

    List<CategoryTranslation> findByCategoryId(long categoryId);
}

interface ProductImageRepository extends JpaRepository<ProductImage, Long> {

    /** A product's picture ids only (no bytes), in display order. */
    @Query("select i.id from ProductImage i where i.productId = :productId order by i.sortOrder, i.id")
    List<Long> findImageIds(@Param("productId") long productId);

    @Query("select coalesce(max(i.sortOrder), 0) from ProductImage i where i.productId = :productId")
    int maxSortOrder(@Param("productId") long productId);

    Optional<ProductImage> findByIdAndProductId(long id, long productId);
}
