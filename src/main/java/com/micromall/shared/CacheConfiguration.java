package com.micromall.shared;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Data every page shows and only the owner changes (shop settings, categories) is cached in memory by Spring's
 * cache abstraction with Caffeine ({@code spring.cache.*} in application.properties). Each cache is one annotated
 * method plus the evictions on the owner's edits; deleting those annotations deletes the cache.
 * <p>
 * The cache advice runs outside the transaction advice: a hit opens no transaction, and an eviction happens after
 * the owner's change has committed, so a page read during the change cannot put the old value back. Other
 * instances see a change when their entry expires.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching(order = Ordered.LOWEST_PRECEDENCE - 1)
class CacheConfiguration {
}
