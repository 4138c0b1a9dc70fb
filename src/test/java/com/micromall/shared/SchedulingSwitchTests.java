package com.micromall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * With micromall.scheduling.enabled=false (tests, the benchmark) no job runs by itself: nothing
 * else in the classpath may switch Spring's scheduling on behind the property's back.
 */
@MicromallTest
class SchedulingSwitchTests {

    @Autowired ApplicationContext context;

    @Test
    void noJobIsScheduledWhenSchedulingIsSwitchedOff() {
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                .allSatisfy(holder -> assertThat(holder.getScheduledTasks()).isEmpty());
    }
}
