package com.micromall.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, started explicitly so
 * Selenium Manager never reaches for the internet. Each instance is a separate browser profile
 * (its own cookies), so two instances are two different visitors.
 */
public final class Browser implements AutoCloseable {

    public static final int PHONE_WIDTH = 390;
    public static final int DESKTOP_WIDTH = 1280;

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("MICROMALL_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--hide-scrollbars", "--lang=en-US",
                "--window-size=" + DESKTOP_WIDTH + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(env("MICROMALL_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Scrolls the element to the middle of the window (clear of the sticky header) and clicks it. The
     * scroll is instant: Bootstrap's smooth scrolling would still be moving when the click lands.
     */
    /**
     * Clicks; a submit button's click also waits until the browser has left the page (a click returns before the
     * next page is there, and a test looking for the answer at once could read the old page).
     */
    public void click(By locator) {
        WebElement element = driver.findElement(locator);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        WebElement page = "submit".equals(element.getAttribute("type")) ? driver.findElement(By.tagName("html")) : null;
        element.click();
        if (page != null) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
            } catch (WebDriverException e) {
                // timed out: the submit stayed on the page (the browser's own validation, a download), the test
                // reads on; or Chrome reports the old document's node as gone, which is what was waited for
            }
        }
    }

    /** Logs in through the real login form and waits until the shop has answered. */
    public void logIn(String baseUrl, String email, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a full-page PNG under target/screenshots/ at the given width; returns its path. */
    public Path screenshot(String name, int width) {
        resize(width, 900);
        long height = ((Number) driver.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        resize(width, (int) Math.min(Math.max(height + 160, 600), 8000));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    /** Full-page screenshots at desktop and phone width (NAME-1280.png, NAME-390.png), then back to desktop. */
    public void shootBothWidths(String name) {
        for (int width : new int[] {DESKTOP_WIDTH, PHONE_WIDTH}) {
            Path png = screenshot(name, width);
            try {
                if (Files.size(png) < 10_000) {
                    throw new IllegalStateException(png + " is suspiciously small: the page probably did not render");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        resize(DESKTOP_WIDTH, 900);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
