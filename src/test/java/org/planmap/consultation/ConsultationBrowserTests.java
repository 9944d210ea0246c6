package org.planmap.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.AppInBrowser;
import org.planmap.support.Browser;
import org.planmap.support.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.planmap.account.Roles;
import org.planmap.support.TestStaff;

/**
 * The evening of a consultation in two browsers: the presenter's projector shows the tour with the live panel; a
 * phone opens the short link, pins a comment to a place and sends it; a moderator approves it and the projector shows
 * it within 2 s without reloading; a rejected comment never appears, neither on the projector nor on the phone. The
 * moderator works in the staff workspace's moderation queue (staff.html).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationBrowserTests extends AppInBrowser {
    @Autowired
    ConsultationRepository consultations;
    @Autowired
    CommentRepository comments;
    @Autowired
    ApplicationContext context;

    private Consultation openConsultation() {
        Consultation c = new Consultation(ConsultationRepository.newCode(), "沙坪坝区公共空间意见征集", "Public spaces in Shapingba",
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), List.of("p6-c16"), List.of(),
                List.of(new Consultation.Question("您希望在哪里增加公共空间？", "Where would you like more public space?")),
                Consultation.PublishMode.MODERATED, Instant.now());
        consultations.insert(c);
        return c;
    }

    /** The phone: the short link, a place under the map's cross, the text; answers the id of the stored comment. */
    private String sendFromPhone(Consultation c, String text) {
        Viewport.PHONE.apply(driver);
        driver.get("about:blank");
        driver.get(base() + "c/" + c.id());
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-consult-form")));
        form.findElement(By.cssSelector("input[name=anchor][value=point]")).click();
        form.findElement(By.cssSelector(".pm-consult-pick-open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-consult-pick-use"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pm-consult-anchor-label"), "29."));
        WebElement area = driver.findElement(By.id("pm-consult-text"));
        area.sendKeys(text);
        driver.findElement(By.cssSelector(".pm-consult-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pm-consult-message"), "已保存"));
        return comments.all(c.id()).stream().filter(x -> x.text().equals(text)).findFirst().orElseThrow().id();
    }

    @Test
    void aPhoneCommentApprovedByAModeratorAppearsOnTheProjectorAndARejectedOneNever() throws Exception {
        Consultation c = openConsultation();
        WebDriver projector = Browser.newDriver();
        try {
            Viewport.PROJECTOR.apply(projector);
            projector.get(base() + "#tour=good&step=1&consult=" + c.id());
            WebDriverWait onProjector = new WebDriverWait(projector, Duration.ofSeconds(30));
            WebElement live = onProjector.until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-consult-live")));
            WebElement qr = live.findElement(By.cssSelector("img.pm-consult-qr"));
            onProjector.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const q = document.querySelector('img.pm-consult-qr'); return !!q && q.complete && q.naturalWidth > 0"));
            assertThat(qr.getSize().getWidth()).as("QR code readable from the back of a room").isGreaterThanOrEqualTo(200);
            assertThat(live.findElement(By.cssSelector(".pm-consult-live-link")).getText()).contains("/c/" + c.id());

            String approved = sendFromPhone(c, "磁器口周边需要更多口袋公园");
            String rejected = sendFromPhone(c, "这条意见会被拒绝");
            onProjector.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pm-consult-live-count"), "2"));

            // the moderator, in the staff workspace's moderation queue (this browser, now signed in)
            TestStaff.signInBrowser(driver, base(), context, Roles.MODERATOR);
            Viewport.DESKTOP.apply(driver);
            driver.get(base() + "staff.html");
            WebDriverWait wait = Browser.waitFor(driver);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#pm-staff-nav button[data-section=moderation]"))).click();
            WebElement reject = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-comment-id='" + rejected + "']")));
            assertThat(reject.getText()).contains("这条意见会被拒绝");
            reject.findElement(By.cssSelector(".pm-mod-reason")).sendKeys("重复意见");
            reject.findElement(By.cssSelector(".pm-mod-reject")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li[data-comment-id='" + rejected + "']")));
            WebElement approve = driver.findElement(By.cssSelector("li[data-comment-id='" + approved + "'] .pm-mod-approve"));
            long start = System.nanoTime();
            approve.click();
            new WebDriverWait(projector, Duration.ofSeconds(2)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".pm-consult-live-list"), "磁器口周边需要更多口袋公园"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            onProjector.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-comment-id='" + approved + "']")));
            assertThat(projector.findElement(By.id("pm-consult-live")).getText()).doesNotContain("这条意见会被拒绝");

            // the public page, reloaded: the approved comment is listed, the rejected one is not
            Viewport.PHONE.apply(driver);
            driver.get("about:blank");
            driver.get(base() + "#consult=" + c.id());
            WebElement list = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-consult-comments")));
            assertThat(list.getText()).contains("磁器口周边需要更多口袋公园").doesNotContain("这条意见会被拒绝");
            assertThat(Browser.consoleErrors(projector)).isEmpty();
        } finally {
            projector.quit();
        }
    }


    @Test
    void anAdminCreatesAConsultationInTheWorkspaceAndItsShortLinkOpensIt() {
        TestStaff.signInBrowser(driver, base(), context, Roles.ADMIN);
        Viewport.DESKTOP.apply(driver);
        driver.get(base() + "staff.html");
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#pm-staff-nav button[data-section=consultations]"))).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-consultations-new")));
        wait.until(d -> !d.findElements(By.cssSelector("#pm-consultations-sections option")).isEmpty()
                && !d.findElements(By.cssSelector("#pm-consultations-areas option")).isEmpty());
        String zh = "磁器口片区更新意见征集 " + System.nanoTime();
        driver.findElement(By.id("pm-consultations-title-zh")).sendKeys(zh);
        driver.findElement(By.id("pm-consultations-title-en")).sendKeys("Ciqikou renewal");

        // a refusal from the server is shown in the form, naming the field (no question yet)
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-consultations-message"), "问题"));
        assertThat(driver.findElement(By.id("pm-consultations-questions")).getAttribute("aria-invalid")).isEqualTo("true");

        driver.findElement(By.id("pm-consultations-q1-zh")).sendKeys("您希望这里增加什么？");
        driver.findElement(By.id("pm-consultations-q1-en")).sendKeys("What would you add here?");
        driver.findElement(By.id("pm-consultations-add-question")).click();
        driver.findElement(By.id("pm-consultations-q2-zh")).sendKeys("<b>交通</b>如何改善？");
        driver.findElement(By.id("pm-consultations-q2-en")).sendKeys("How could traffic improve?");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pm-consultations-sections"))).selectByValue("p6-c16");
        String area = driver.findElement(By.cssSelector("#pm-consultations-areas option")).getAttribute("value");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pm-consultations-areas"))).selectByValue(area);
        driver.findElement(By.cssSelector("input[name=publishMode][value=immediate]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-consultations-created-link")));
        Consultation c = consultations.all().stream().filter(x -> x.titleZh().equals(zh)).findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo("/c/" + c.id());
        assertThat(c.planRefs()).containsExactly("p6-c16");
        assertThat(c.areaIds()).containsExactly(area);
        assertThat(c.questions()).extracting(Consultation.Question::zh).containsExactly("您希望这里增加什么？", "<b>交通</b>如何改善？");
        assertThat(c.publishMode()).isEqualTo(Consultation.PublishMode.IMMEDIATE);
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pm-consultations-open li[data-consultation-id='" + c.id() + "']")));
        assertThat(open.getText()).contains(zh).contains("/c/" + c.id());

        // the public side: the short link opens the map on it, with its questions as text
        Viewport.PHONE.apply(driver);
        driver.get("about:blank");
        driver.get(base() + "c/" + c.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-consultation-title"), zh));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-consult-form")));
        assertThat(driver.findElement(By.id("pm-panel-consultation")).getText()).contains("<b>交通</b>如何改善？");
        assertThat(driver.findElements(By.cssSelector("#pm-panel-consultation b"))).isEmpty();
    }

    @Test
    void aRefusalIsShownInTheUiLanguage() {
        Consultation c = openConsultation();
        Viewport.PHONE.apply(driver);
        driver.get("about:blank");
        driver.get(base() + "#consult=" + c.id());
        WebDriverWait wait = Browser.waitFor(driver);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-consult-form")));
        driver.findElement(By.id("pm-consult-text")).sendKeys("没有选择位置");
        form.findElement(By.cssSelector(".pm-consult-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pm-consult-message"), "请把意见标注"));
        assertThat(comments.all(c.id())).isEmpty();
    }
}
