package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in headless Chromium (Debian's chromium and chromedriver; .ci/run installs them): log in with the
 * token, watch a running task's progress advance, stop it, see its status change. Saves target/admin-page.png.
 */
class AdminPageIT extends DeployedWarIT {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void anOperatorWatchesATaskProgressAndStopsIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "SKIPPED: the admin page test needs Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver); .ci/run installs them");
        ApiClient api = ApiClient.of(base);
        String sk = api.paidKey(ApiClient.uniqueUser("page"), 100);
        Path clip =
                TestVideos.movingFace("page", TestImages.ASTRONAUT, 960, 540, 25, 500, false, TestVideos.Format.MP4);
        ChromeDriver browser = browser();
        try (MediaServer media = new MediaServer()) {
            String id = api.createTask(
                            String.format(
                                    "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":20,"
                                            + "\"startSeconds\":1,\"endSeconds\":19}",
                                    media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER)),
                                    media.serve("page.mp4", clip)),
                            sk)
                    .data()
                    .getString("id");

            browser.get(base.toString() + "admin");
            browser.findElement(By.id("token")).sendKeys(ApiClient.ADMIN_TOKEN);
            browser.findElement(By.id("login")).click();
            WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
            By row = By.cssSelector("#running tr[data-task='" + id + "']");
            wait.ignoring(StaleElementReferenceException.class);
            int first = wait.until(d -> progress(d.findElements(row), 1));
            int later = wait.until(d -> {
                int p = progress(d.findElements(row), 0);
                return p > first ? p : null;
            });
            assertTrue(later > first, "progress advanced from " + first + " to " + later);
            String trim = wait.until(d -> {
                List<WebElement> t = d.findElements(By.cssSelector("#running tr[data-task='" + id + "'] .trim"));
                return t.isEmpty() ? null : t.get(0).getText();
            });
            assertEquals("trim 1-19 s", trim, "the row shows the task's trim");

            // the page redraws its tables every second: a button found just before a redraw is stale, so retry
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.cssSelector("#running tr[data-task='" + id + "'] button.stop"))
                        .click();
                return true;
            });
            String status = wait.until(d -> {
                List<WebElement> cells = d.findElements(By.cssSelector("#running tr[data-task='" + id + "'] .status"));
                return !cells.isEmpty() && cells.get(0).getText().equals("STOPPED") ? "STOPPED" : null;
            });
            assertEquals("STOPPED", status);
            Boolean restartOffered =
                    wait.until(d -> d.findElement(By.cssSelector("#running tr[data-task='" + id + "'] button.restart"))
                                    .isDisplayed()
                            ? true
                            : null);
            assertTrue(restartOffered, "a stopped task offers restart");
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target", "admin-page.png"), StandardCopyOption.REPLACE_EXISTING);

            long execution = api.adminGet("/v1/admin/tasks/" + id)
                    .data()
                    .getJsonNumber("jobExecutionId")
                    .longValue();
            assertEquals(
                    200,
                    api.adminPost("/v1/admin/executions/" + execution + "/abandon", "")
                            .status(),
                    "clean up: the stopped task is abandoned");
        } finally {
            browser.quit();
        }
    }

    /** The progress shown in the task's row, or null while the row is missing or below {@code atLeast}. */
    private static Integer progress(List<WebElement> rows, int atLeast) {
        if (rows.isEmpty()) {
            return null;
        }
        int value = Integer.parseInt(
                rows.get(0).findElement(By.cssSelector("progress")).getAttribute("value"));
        return value >= atLeast ? value : null;
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1200,900",
                "--user-data-dir=" + Path.of("target", "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
