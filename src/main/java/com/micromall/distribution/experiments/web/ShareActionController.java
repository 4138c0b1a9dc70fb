package com.micromall.distribution.experiments.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.experiments.ShareActions;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's beacon when a distributor copies their link or a message or downloads their QR code: a plain POST
 * with the page's CSRF token, answered with no content, counted for the signed-in distributor only.
 */
@RestController
@RequiredArgsConstructor
class ShareActionController {

    private final ShareActions shareActions;

    @PostMapping("/distribution/share-actions")
    ResponseEntity<Void> record(@AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                                @RequestParam(name = "kind", required = false) @Nullable String kind) {
        ShareActions.Kind parsed = null;
        for (ShareActions.Kind k : ShareActions.Kind.values()) {
            if (k.name().equalsIgnoreCase(kind)) {
                parsed = k;
            }
        }
        if (principal == null || parsed == null) {
            return ResponseEntity.badRequest().build();
        }
        shareActions.record(principal.getCustomerId(), parsed);
        return ResponseEntity.noContent().build();
    }
}
