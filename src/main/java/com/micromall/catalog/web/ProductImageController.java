package com.micromall.catalog.web;

import com.micromall.catalog.internal.StoredImage;
import com.micromall.catalog.internal.Storefront;
import com.micromall.shared.NotFoundException;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves product pictures from the database. A picture never changes under its id (a new upload
 * is a new id), so browsers and proxies may keep it for a year without asking again.
 */
@RestController
@RequiredArgsConstructor
class ProductImageController {

    private final Storefront storefront;

    @GetMapping("/images/products/{imageId}")
    ResponseEntity<byte[]> image(@PathVariable String imageId) {
        StoredImage image = storefront.image(Ids.parse(imageId))
                .orElseThrow(() -> new NotFoundException("no image " + imageId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(image.data());
    }
}
