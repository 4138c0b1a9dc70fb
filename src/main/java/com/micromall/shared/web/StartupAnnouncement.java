package com.micromall.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the shop where to open it (and, in the demo, how to log in). */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @Value("${micromall.demo.enabled:false}")
    private boolean demo;

    @Value("${micromall.owner.email:}")
    private String ownerEmail;

    @Value("${micromall.owner.password:}")
    private String ownerPassword;

    @EventListener
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        log.info("Micromall is running at http://localhost:{}/", web.getWebServer().getPort());
        if (demo && !ownerEmail.isBlank()) {
            log.info("Demo owner login: {} / {}", ownerEmail, ownerPassword);
        }
    }
}
