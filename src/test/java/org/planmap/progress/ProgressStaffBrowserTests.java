package org.planmap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.planmap.account.Roles;
import org.planmap.geodata.DataSnapshots;
import org.planmap.support.AppInBrowser;
import org.planmap.support.Browser;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An editor in the staff workspace: checks a bad file (every refused row listed, nothing stored), then checks and
 * imports the sample file (its changes listed, then stored), and the map's progress board counts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressStaffBrowserTests extends AppInBrowser {
    @Autowired ApplicationContext context;
    @Autowired ProgressService progress;
    @Autowired DataSnapshots snapshots;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    @AfterAll
    void clean() {
        snapshots.write(() -> jdbc.update("DELETE FROM progress_record"));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(Browser.consoleErrors(driver).stream().filter(e -> !e.getMessage().contains("favicon")).toList())
                .as("browser console errors").isEmpty();
    }

    @Test
    void anEditorChecksABadFileThenImportsTheSample() throws Exception {
        openProgressSectionAsEditor();
        Browser.waitFor(driver).until(d -> !d.findElements(By.id("pm-progress-file")).isEmpty());

        Path bad = Files.createTempFile("progress-bad", ".csv");
        Files.writeString(bad, ProgressContract.HEADER + "col-1-item-1,preparing,2024-01-01,,,,,,\ncol-1-item-2,soon,2024-01-01,,,,,,\n"
                + "col-99-item-1,preparing,2024-01-01,,,,,,\n");
        driver.findElement(By.id("pm-progress-file")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.id("pm-progress-check")).click();
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector(".pm-progress-rejected li")).size() == 2);
        assertThat(driver.findElement(By.cssSelector(".pm-progress-rejected li[data-line='3']")).getText()).contains("soon");
        assertThat(driver.findElement(By.cssSelector(".pm-progress-rejected li[data-line='4']")).getText()).contains("col-99-item-1");
        assertThat(driver.findElement(By.id("pm-progress-apply")).isEnabled()).isFalse();

        Path sample = Path.of("docs", "progress-sample.csv").toAbsolutePath();
        driver.findElement(By.id("pm-progress-file")).sendKeys(sample.toString());
        driver.findElement(By.id("pm-progress-check")).click();
        Browser.waitFor(driver).until(d -> d.findElement(By.id("pm-progress-apply")).isEnabled());
        int rows = (int) (Files.readAllLines(sample).size() - 1);
        assertThat(driver.findElements(By.cssSelector(".pm-progress-changes tbody tr"))).hasSize(rows);
        assertThat(progress.asOf(progress.today())).as("a check stores nothing").isEmpty();
        driver.findElement(By.id("pm-progress-apply")).click();
        // eleven rows, col-1-item-1 twice
        Browser.waitFor(driver).until(d -> progress.asOf(progress.today()).size() == 10);
        Browser.waitFor(driver).until(d -> d.findElement(By.id("pm-progress-import-message")).getText().contains(String.valueOf(rows)));
        assertThat(progress.history("col-1-item-1")).hasSize(2);
    }

    /**
     * Two submissions of the same status in one go (a double click, or a retry while the first answer is on its way)
     * carry one Idempotency-Key: one record, one audit event. A second save after the first was stored is a new one.
     */
    @Test
    void aDoubleSubmittedStatusIsRecordedOnce() {
        openProgressSectionAsEditor();
        Browser.waitFor(driver).until(d -> !d.findElements(By.id("pm-progress-item-form")).isEmpty());
        Integer auditBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'col-2-item-1'", Integer.class);

        try {
            driver.findElement(By.id("pm-progress-item")).sendKeys("col-2-item-1");
            driver.findElement(By.id("pm-progress-note")).sendKeys("双击");
            // both submissions start before either is answered
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "const f = document.getElementById('pm-progress-item-form'); f.requestSubmit(); f.requestSubmit();");
            Browser.waitFor(driver).until(d -> d.findElement(By.id("pm-progress-item-message")).getText().contains("col-2-item-1"));
            Browser.waitFor(driver).until(d -> !progress.history("col-2-item-1").isEmpty());
            assertThat(progress.history("col-2-item-1")).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'col-2-item-1'", Integer.class))
                    .isEqualTo(auditBefore + 1);

            driver.findElement(By.cssSelector("#pm-progress-item-form button[type=submit]")).click();
            Browser.waitFor(driver).until(d -> progress.history("col-2-item-1").size() == 2);
        } finally {
            // the import test counts every recorded item: leave none of this one's behind
            snapshots.write(() -> jdbc.update("DELETE FROM progress_record WHERE item_id = 'col-2-item-1'"));
        }
    }

    /** Signs in as an editor and opens the workspace's progress section (on a desktop-sized window). */
    private void openProgressSectionAsEditor() {
        driver.manage().window().setSize(new Dimension(1440, 900));
        TestStaff.signInBrowser(driver, base(), context, Roles.EDITOR);
        driver.get(base() + "staff.html?lang=en");
        Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector(".pm-staff-tab[data-section=progress]")).isEmpty());
        driver.findElement(By.cssSelector(".pm-staff-tab[data-section=progress]")).click();
    }
}
