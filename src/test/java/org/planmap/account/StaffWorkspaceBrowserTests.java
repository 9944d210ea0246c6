package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.support.Browser;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff workspace in Chromium (staff.html): sign in (a wrong password first), change the password, sign out and
 * in again, create a user as admin (its one-time password shown, its markup-laden name shown as text), find the
 * creation in the audit trail; an editor on a phone sees only their account; the public page links to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffWorkspaceBrowserTests {
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.newDriver();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private void openStaff(Dimension size) {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(size);
        driver.get("about:blank");
        driver.get(base() + "staff.html");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    private WebElement visible(String css) {
        return Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void waitText(String css, String text) {
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private void signIn(String username, String password) {
        WebElement name = visible("#pm-staff-username");
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("pm-staff-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#pm-staff-signin button[type=submit]")).click();
    }

    private TestStaff.Credentials fresh(String role) {
        String name = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        String password = TestStaff.newPassword();
        accounts.createBySystem(name, null, Set.of(role), password, "test set-up");
        return new TestStaff.Credentials(name, password);
    }

    @Test
    void anAdminWorksThroughTheWorkspace() {
        TestStaff.Credentials admin = fresh(Roles.ADMIN);
        openStaff(DESKTOP);

        signIn(admin.username(), admin.password() + "-typo");
        waitText("#pm-staff-signin-message", "用户名或密码错误");
        assertThat(driver.findElement(By.id("pm-staff-workspace")).isDisplayed()).isFalse();

        signIn(admin.username(), admin.password());
        waitText("#pm-staff-me", admin.username());
        List<String> tabs = driver.findElements(By.cssSelector("#pm-staff-nav button")).stream().map(WebElement::getText).toList();
        assertThat(tabs).containsExactly("我的账号", "实施进展", "编辑地图", "用户与角色", "审计记录", "意见审核", "意见征集");

        // change the password, sign out, sign in with the new one
        String next = TestStaff.newPassword();
        visible("#pm-account-current").sendKeys(admin.password());
        driver.findElement(By.id("pm-account-new")).sendKeys(next);
        driver.findElement(By.cssSelector("#pm-account-password button[type=submit]")).click();
        waitText("#pm-account-password-message", "密码已修改");
        driver.findElement(By.id("pm-staff-signout")).click();
        waitText("#pm-staff-signin-message", "您已退出登录");
        signIn(admin.username(), admin.password());
        waitText("#pm-staff-signin-message", "用户名或密码错误");
        driver.findElement(By.id("pm-staff-password")).clear();
        signIn(admin.username(), next);
        waitText("#pm-staff-me", admin.username());

        // create a user; its display name is markup, shown as text
        driver.findElement(By.cssSelector("#pm-staff-nav button[data-section=users]")).click();
        String newUser = "ws-new-" + UUID.randomUUID().toString().substring(0, 6);
        String display = "<img src=x onerror=\"document.title='pwned'\">王五";
        visible("#pm-users-new-name").sendKeys(newUser);
        driver.findElement(By.id("pm-users-new-display")).sendKeys(display);
        driver.findElement(By.cssSelector("#pm-users-new input[value=EDITOR]")).click();
        driver.findElement(By.cssSelector("#pm-users-new button[type=submit]")).click();
        String oneTime = visible("#pm-users-secret code").getText();
        assertThat(oneTime).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");
        WebElement row = visible("#pm-users-table tr[data-username='" + newUser + "']");
        assertThat(row.getText()).contains(display);
        assertThat(driver.findElements(By.cssSelector("#pm-users-table img"))).isEmpty();
        assertThat(driver.getTitle()).doesNotContain("pwned");

        // the audit trail lists the creation, by this admin
        driver.findElement(By.cssSelector("#pm-staff-nav button[data-section=audit]")).click();
        visible("#pm-audit-entity").sendKeys(newUser);
        driver.findElement(By.cssSelector("#pm-audit-filter button[type=submit]")).click();
        waitText("#pm-audit-count", "共 1 条记录");
        String audit = driver.findElement(By.id("pm-audit-table")).getText();
        assertThat(audit).contains(newUser).contains("create").contains(admin.username());
        assertThat(audit).doesNotContain(oneTime).doesNotContain(next);

        // English
        driver.findElement(By.id("pm-staff-lang")).click();
        waitText("#pm-staff-nav", "Audit trail");
    }

    @Test
    void anEditorOnAPhoneSeesOnlyTheirAccountAndThePublicPageLinksHere() {
        TestStaff.Credentials editor = fresh(Roles.EDITOR);
        openStaff(PHONE);
        signIn(editor.username(), editor.password());
        waitText("#pm-staff-me", editor.username());
        assertThat(driver.findElements(By.cssSelector("#pm-staff-nav button")).stream().map(WebElement::getText).toList())
                .containsExactly("我的账号", "实施进展", "编辑地图");
        WebElement tokenForm = visible("#pm-account-token-form");
        assertThat(tokenForm.getRect().getWidth()).isLessThanOrEqualTo(PHONE.getWidth());
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);

        // a token is shown once
        visible("#pm-account-token-label").sendKeys("phone test");
        driver.findElement(By.cssSelector("#pm-account-token-form button[type=submit]")).click();
        String token = visible("#pm-account-token-new code").getText();
        assertThat(token).startsWith("pm_");
        waitText("#pm-account-tokens", "phone test");
        assertThat(driver.findElement(By.id("pm-account-tokens")).getText()).doesNotContain(token);

        driver.get(base());
        WebElement link = Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("pm-staff-link")));
        assertThat(link.getAttribute("href")).endsWith("/staff.html");
    }
}
