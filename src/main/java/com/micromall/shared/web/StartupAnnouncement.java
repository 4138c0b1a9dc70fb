package com.micromall.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the shop where to open it. The demo shop says it in its own welcome block, with the logins
 * and a share link (distribution's {@code DemoWelcome}), so this line is left out there.
 */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @Value("${micromall.demo.enabled:false}")
    private boolean demo;

    @EventListener
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        if (!demo) {
            log.info("Micromall is running at http://localhost:{}/", web.getWebServer().getPort());
        }
    }
}
