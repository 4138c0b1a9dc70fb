package com.micromall.support;

import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Spring Modulith's event publications read through its own API: by the event's Java type and fields and by the
 * listener, never by matching text in the stored JSON (which breaks silently when a field or a class is renamed).
 * Listeners are named by their class, as Spring Modulith names a publication's target
 * ({@code com.example.Listener.method(EventType)}).
 */
public class Outbox {

    private final EventPublicationRegistry registry;
    private final CompletedEventPublications completed;

    public Outbox(EventPublicationRegistry registry, CompletedEventPublications completed) {
        this.registry = registry;
        this.completed = completed;
    }

    /** Publications not completed yet (waiting, running or failed) of events of this type that match. */
    public <T> List<TargetEventPublication> incomplete(Class<T> type, Predicate<? super T> which) {
        return matching(registry.findIncompletePublications().stream(), type, which);
    }

    /** Publications whose listener finished with events of this type that match. */
    public <T> List<TargetEventPublication> completed(Class<T> type, Predicate<? super T> which) {
        return matching(completedPublications(), type, which);
    }

    /** Every publication, completed or not, of events of this type that match. */
    public <T> List<TargetEventPublication> all(Class<T> type, Predicate<? super T> which) {
        return matching(Stream.concat(registry.findIncompletePublications().stream(), completedPublications()),
                type, which);
    }

    /** Whether this publication is for a listener method of the named class (it may be another module's internal class). */
    public static boolean forListener(TargetEventPublication publication, String listenerClass) {
        return publication.getTargetIdentifier().getValue().startsWith(listenerClass + ".");
    }

    /** Whether this publication is for a listener in the named package or below. */
    public static boolean forListenerIn(TargetEventPublication publication, String packageName) {
        return publication.getTargetIdentifier().getValue().startsWith(packageName + ".");
    }

    /** Whether the event is one of the order life cycle's events of the order with this number. */
    public static boolean aboutOrder(Object event, String orderNumber) {
        return event instanceof OrderPlaced e && e.orderNumber().equals(orderNumber)
                || event instanceof OrderPaid p && p.orderNumber().equals(orderNumber)
                || event instanceof OrderShipped s && s.orderNumber().equals(orderNumber)
                || event instanceof OrderCompleted c && c.orderNumber().equals(orderNumber)
                || event instanceof OrderRefunded r && r.orderNumber().equals(orderNumber)
                || event instanceof OrderCancelled x && x.orderNumber().equals(orderNumber);
    }

    /**
     * Whether the event holds this text in one of its fields, looking into nested records and lists: for secrets that
     * must never reach the outbox, whatever event might carry them.
     */
    public static boolean carries(@Nullable Object value, String text) {
        if (value instanceof CharSequence chars) {
            return chars.toString().contains(text);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> carries(v, text));
        }
        if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    if (carries(component.getAccessor().invoke(value), text)) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component, e);
                }
            }
        }
        return false;
    }

    private Stream<TargetEventPublication> completedPublications() {
        Collection<? extends EventPublication> all = completed.findAll();
        return all.stream().map(publication -> {
            if (publication instanceof TargetEventPublication target) {
                return target;
            }
            throw new IllegalStateException("A completed publication without its listener: " + publication);
        });
    }

    private static <T> List<TargetEventPublication> matching(Stream<TargetEventPublication> publications, Class<T> type,
                                                             Predicate<? super T> which) {
        return publications.filter(p -> type.isInstance(p.getEvent()) && which.test(type.cast(p.getEvent()))).toList();
    }
}
