package com.micromall.catalog.internal;

import com.micromall.shared.ImageType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A product picture. The bytes live in the database (product_image.data), not on disk: one
 * place to back up, and every instance behind a load balancer serves every picture. Pictures
 * are small (at most 2 MB) and immutable — a changed picture is a new row with a new id — so
 * browsers may cache them for good.
 */
@Entity
@Table(name = "product_image")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ProductImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private byte[] data;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    ProductImage(long productId, ImageType type, byte[] data, int sortOrder) {
        this.productId = productId;
        this.contentType = type.contentType();
        this.data = data.clone();
        this.sortOrder = sortOrder;
    }
}
