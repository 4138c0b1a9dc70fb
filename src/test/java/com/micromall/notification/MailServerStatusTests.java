package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A shop started without a mail server says so once, at start, and where the owner reads the mails meanwhile. */
@ExtendWith(OutputCaptureExtension.class)
class MailServerStatusTests {

    @Test
    void aShopStartedWithoutAMailServerSaysOnceAtStartThatMailsAreReadInTheMailLog(CapturedOutput output)
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailServerStatus status = new MailServerStatus("127.0.0.1", closedPort, Duration.ofMinutes(5),
                "http://localhost:8080/");

        status.checkAtStart();
        status.unreachable();
        status.unreachable();

        assertThat(output.getAll().lines().filter(line -> line.contains("No mail server at 127.0.0.1:" + closedPort)))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("mails wait in the outbox and are sent when one answers")
                        .contains("meanwhile the owner reads them at http://localhost:8080/admin/mails"));
    }

    @Test
    void aShopStartedWithAMailServerSaysNothing(CapturedOutput output) throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            MailServerStatus status = new MailServerStatus("127.0.0.1", server.getLocalPort(), Duration.ofMinutes(5),
                    "http://localhost:8080");
            status.checkAtStart();
        }
        assertThat(output.getAll()).doesNotContain("No mail server at");
    }
}
