import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checkout load for bench/run.sh: each thread logs in as its own customer (form login with the CSRF
 * token of the login page), then for the given seconds repeats add-to-cart, open checkout (one-time
 * checkout token), place the order, exactly as a browser does. Prints
 * "RESULT orders/s p50-ms p99-ms orders failures" (latency of one whole cycle = one order).
 * Usage: java CheckoutLoad.java BASE_URL SECONDS THREADS FIRST_CUSTOMER PASSWORD PRODUCT_IDS (comma-separated,
 * products on sale: an archived one is refused at add-to-cart and counted as a failure)
 */
public class CheckoutLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"checkoutToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"checkoutToken\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int firstCustomer = Integer.parseInt(args[3]);
        String password = args[4];
        long[] products = Arrays.stream(args[5].split(",")).mapToLong(Long::parseLong).toArray();
        AtomicInteger orders = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        List<Session> sessions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(Session.logIn(base, "bench" + (firstCustomer + t) + "@bench.micromall", password));
        }
        window[0] = System.nanoTime();
        long deadline = window[0] + seconds * 1_000_000_000L;
        for (Session session : sessions) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        long product = products[ThreadLocalRandom.current().nextInt(products.length)];
                        if (session.placeOrder(product)) {
                            orders.incrementAndGet();
                            latencies.add(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double elapsed = (window[1] - window[0]) / 1e9;
        System.out.printf("RESULT %.1f %.2f %.2f %d %d%n", orders.get() / elapsed, percentile(sorted, 50),
                percentile(sorted, 99), orders.get(), failures.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(index, 0)) / 1e6;
    }

    static final class Session {
        private final String base;
        private final HttpClient http;
        private String csrf = "";

        private Session(String base) {
            this.base = base;
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        static Session logIn(String base, String email, String password) throws Exception {
            Session session = new Session(base);
            String login = session.get("/login").body();
            HttpResponse<String> answer = session.post("/login", Map.of("email", email, "password", password,
                    "_csrf", first(CSRF, login)));
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login failed for " + email + ": " + answer.statusCode() + " " + location);
            }
            session.csrf = first(CSRF, session.get("/cart").body());
            return session;
        }

        boolean placeOrder(long productId) throws Exception {
            HttpResponse<String> added = post("/cart/add", Map.of("productId", Long.toString(productId), "quantity", "1",
                    "_csrf", csrf));
            if (added.statusCode() != 302) {
                return false;
            }
            HttpResponse<String> page = get("/checkout");
            if (page.statusCode() != 200) {
                return false;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("checkoutToken", first(TOKEN, page.body()));
            form.put("paymentMethod", "BANK_TRANSFER");
            form.put("recipient", "Bench Buyer");
            form.put("phone", "555-0100");
            form.put("line1", "1 Bench Road");
            form.put("city", "Suzhou");
            form.put("postalCode", "215000");
            form.put("country", "China");
            HttpResponse<String> placed = post("/checkout", form);
            return placed.statusCode() == 302
                    && placed.headers().firstValue("Location").orElse("").contains("/confirmation");
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String first(Pattern pattern, String html) {
            Matcher m = pattern.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no " + pattern.pattern() + " in page");
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
    }
}
