package com.micromall.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code attempts} per key (an e-mail, a client address, …) in {@code period}, refilled one at a
 * time: Bucket4j's token buckets, one per key, kept in memory while the key is in use. Each instance of
 * the shop keeps its own, so N instances allow N times the rate - still far too slow for guessing.
 */
public final class Throttle {

    private final int attempts;
    private final Duration period;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public Throttle(int attempts, Duration period, Clock clock) {
        this.attempts = attempts;
        this.period = period;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Duration sinceEpoch = Duration.between(java.time.Instant.EPOCH, clock.instant());
                return sinceEpoch.toNanos();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
    }

    /** Takes one attempt for {@code key}: empty when allowed, else how long until the next one is. */
    public Optional<Duration> take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until {@code key} may try again, without taking an attempt; empty when it may now. */
    public Optional<Duration> waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Forgets the key's attempts (a successful sign-in). */
    public void reset(String key) {
        buckets.invalidate(key);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period))
                .withCustomTimePrecision(time).build());
    }
}
