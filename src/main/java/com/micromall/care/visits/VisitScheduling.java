package com.micromall.care.visits;

import com.micromall.order.OrderCompleted;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A completed order is a delivered one: its planned products get their return visits. */
@Component
@RequiredArgsConstructor
class VisitScheduling {

    private final ReturnVisits visits;

    @ApplicationModuleListener
    void on(OrderCompleted completed) {
        visits.schedule(completed);
    }
}
