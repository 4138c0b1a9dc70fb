package com.micromall.distribution.referral;

import com.micromall.settings.DistributionSettings;
import java.util.List;

/** The owner's ready-to-copy share texts, one per line, each with the sharer's link where it says {@code {link}}. */
public final class ShareTexts {

    private ShareTexts() {
    }

    public static List<String> of(DistributionSettings settings, String link) {
        String texts = settings.shareTexts();
        if (texts == null) {
            return List.of();
        }
        return texts.lines().map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.replace("{link}", link)).toList();
    }
}
