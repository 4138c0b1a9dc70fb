package com.micromall.care.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Staff may use the customer files and the care pages, and nothing else of the admin: every {@code /admin} route the
 * application maps (read from the handler mappings, so a route added later is covered without touching this test) is
 * tried as STAFF with every method it answers.
 */
@MicromallTest
class StaffAdminAccessTests {

    /** What staff may open; everything else under /admin is the owner's. */
    private static final List<String> STAFF_PREFIXES = List.of("/admin/customers", "/admin/care");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private CustomerPrincipal staff() {
        OrderFixtures.TestCustomer account = new OrderFixtures(jdbc, encoder).customer("Sam Staff");
        return new CustomerPrincipal(account.id(), account.email(), "x", account.name(),
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
    }

    private record Route(HttpMethod method, String pattern, String path) {

        boolean forStaff() {
            return STAFF_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        }
    }

    /** Every mapped {@code /admin} route with a value in each path variable ({@code {id:\d+}} included). */
    private List<Route> adminRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.asHttpMethod(), pattern, withValues(pattern)));
                }
            }
        });
        return routes;
    }

    private static String withValues(String pattern) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    path.append('1');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString().replace("/**", "/1").replace("/*", "/1");
    }

    @Test
    void staffGetForbiddenOnEveryAdminRouteButCustomerFilesAndCare() throws Exception {
        CustomerPrincipal staff = staff();
        List<Route> routes = adminRoutes();
        assertThat(routes).as("the admin routes found").hasSizeGreaterThan(30)
                .anyMatch(route -> route.pattern().equals("/admin/settings"))
                .anyMatch(route -> route.pattern().equals("/admin/staff"))
                .anyMatch(route -> route.pattern().equals("/admin/loyalty/vouchers/{id}/issue"))
                .anyMatch(Route::forStaff);
        Set<String> wronglyOpen = new TreeSet<>();
        Set<String> wronglyClosed = new TreeSet<>();
        for (Route route : routes) {
            int status = mvc.perform(request(route.method(), route.path()).locale(Locale.ENGLISH)
                    .with(user(staff)).with(csrf())).andReturn().getResponse().getStatus();
            if (route.forStaff() && status == 403) {
                wronglyClosed.add(route.method() + " " + route.pattern());
            } else if (!route.forStaff() && status != 403) {
                wronglyOpen.add(route.method() + " " + route.pattern() + " -> " + status);
            }
        }
        assertThat(wronglyOpen).as("owner-only routes staff could reach").isEmpty();
        assertThat(wronglyClosed).as("customer and care routes refused to staff").isEmpty();
    }

    @Test
    void staffOpenCustomerFilesAndTheCareDeskWhoseTabsOfferNothingOfTheOwners() throws Exception {
        CustomerPrincipal staff = staff();
        long customer = new OrderFixtures(jdbc, encoder).customer("Filed Customer").id();
        mvc.perform(get("/admin/customers").with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/customers/" + customer).with(user(staff))).andExpect(status().isOk());
        Document desk = Jsoup.parse(mvc.perform(get("/admin/care").locale(Locale.ENGLISH).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(desk.select("nav.mm-admin-nav a").eachAttr("href"))
                .containsExactlyInAnyOrder("/admin/customers", "/admin/care");
        assertThat(desk.select("header a.nav-link").eachAttr("href")).contains("/admin/care").doesNotContain("/admin");
    }

    @Test
    void staffCannotReachActuatorEndpointsButHealth() throws Exception {
        CustomerPrincipal staff = staff();
        mvc.perform(get("/actuator/metrics").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/flyway").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health").with(user(staff))).andExpect(status().isOk());
    }
}
