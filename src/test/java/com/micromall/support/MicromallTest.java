package com.micromall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the test PostgreSQL with MockMvc. Tests that use it share one
 * Spring context, so a suite of many such tests starts the app once. Statements can be counted per
 * request with the {@link QueryCounter} bean; event publications are read with the {@link Outbox} bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({QueryCounter.Configuration.class, Outbox.class})
public @interface MicromallTest {
}
