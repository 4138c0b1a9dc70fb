-- wrk reporter: one machine-readable line per run (req/s, p50 ms, p99 ms, requests, HTTP errors, socket errors, p95 ms).
-- 3xx answers are successes for wrk (it does not follow redirects); status >= 400 counts as an HTTP error.
done = function(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %.2f\n", summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status, socket,
      latency:percentile(95) / 1000))
end
