package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
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
        browser.shootBothWidths("home-en");

        browser.click(By.cssSelector("footer a[lang='zh-CN']"));
        assertThat(heading()).isEqualTo("欢迎光临Micromall");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.shootBothWidths("home-zh_CN");

        driver.get(url("/")); // no ?lang: the cookie remembers the choice
        assertThat(heading()).isEqualTo("欢迎光临Micromall");

        browser.resize(Browser.DESKTOP_WIDTH, 900);
        driver.findElement(By.id("languageMenu")).click();
        driver.findElement(By.cssSelector(".dropdown-menu a[lang='zh-TW']")).click();
        assertThat(heading()).isEqualTo("歡迎光臨Micromall");
        assertThat(driver.findElement(By.cssSelector("nav a[href='/products']")).getText()).isEqualTo("全部商品");
        browser.shootBothWidths("home-zh_TW");

        browser.click(By.cssSelector("footer a[lang='fil']"));
        assertThat(heading()).isEqualTo("Maligayang pagdating sa Micromall");
        browser.shootBothWidths("home-fil");
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
