package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class HomePageBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;
    WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aVisitorSwitchesLanguageAndTheShopRemembersIt() throws Exception {
        driver.get(url("/"));
        assertThat(heading()).isEqualTo("Welcome to Micromall");
        shoot("home-en");

        browser.click(By.cssSelector("footer a[lang='zh-CN']"));
        assertThat(heading()).isEqualTo("欢迎光临Micromall");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        shoot("home-zh_CN");

        driver.get(url("/")); // no ?lang: the cookie remembers the choice
        assertThat(heading()).isEqualTo("欢迎光临Micromall");

        browser.resize(Browser.DESKTOP_WIDTH, 900);
        driver.findElement(By.id("languageMenu")).click();
        driver.findElement(By.cssSelector(".dropdown-menu a[lang='zh-TW']")).click();
        assertThat(heading()).isEqualTo("歡迎光臨Micromall");
        assertThat(driver.findElement(By.cssSelector("nav a[href='/products']")).getText()).isEqualTo("全部商品");
        shoot("home-zh_TW");

        browser.click(By.cssSelector("footer a[lang='fil']"));
        assertThat(heading()).isEqualTo("Maligayang pagdating sa Micromall");
        shoot("home-fil");
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private void shoot(String name) throws Exception {
        for (int width : new int[] {Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH}) {
            Path png = browser.screenshot(name, width);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
        browser.resize(Browser.DESKTOP_WIDTH, 900);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
