package com.micromall.distribution.reporting.web;

import com.micromall.distribution.reporting.DistributionFigures;
import com.micromall.shared.web.OverviewPanel;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The distribution figures on the owner's overview page (/admin), plugged in through {@link OverviewPanel}. */
@Component
@RequiredArgsConstructor
class DistributionOverviewPanel implements OverviewPanel {

    private final DistributionFigures figures;

    @Override
    public String template() {
        return "distribution/admin-overview";
    }

    @Override
    public String fragment() {
        return "panel";
    }

    @Override
    public Map<String, Object> model() {
        return Map.of("figures", figures.current());
    }
}
