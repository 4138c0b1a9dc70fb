package com.micromall.care.files;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Anna's file in the demo shop carries a few tags and notes. Runs after the demo orders (30). */
@Component
@Order(40)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoCustomerFiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomerFiles.class);
    private static final String OWNER = "owner@demo.micromall";

    private final CustomerNotes notes;
    private final CustomerApi customers;

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> anna = customers.findByEmail("anna@demo.micromall").map(CustomerProfile::id);
        if (anna.isEmpty() || !notes.tagsOf(anna.get()).isEmpty()) {
            return;
        }
        notes.addTag(anna.get(), "vip", OWNER);
        notes.addTag(anna.get(), "smart lock", OWNER);
        notes.addNote(anna.get(), "Prefers a call after 18:00. Installed the lock herself.", "demo-note-1", OWNER);
        notes.addNote(anna.get(), "Asked about a second lock for her parents' flat.", "demo-note-2", OWNER);
        log.info("Demo customer file: tags and notes on anna@demo.micromall");
    }
}
