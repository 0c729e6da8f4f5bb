package io.cpor.associations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceTest;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.Associations;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decline page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), at a phone's
 * size: open the link the customer got, confirm, see the outcome. Skipped where no browser is installed, except on
 * CI ({@code CI=true}, as {@code .ci/run} sets), where a missing browser fails the test.
 */
class DeclinePageBrowserIntegrationTests extends AssociationServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    @Autowired
    private Associations associations;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver");
        }
        assumeTrue(installed, "No Chromium here (apt-get install chromium chromium-driver): browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,915");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void customerOpensTheLinkConfirmsAndSeesTheOutcome() {
        AssociationRequested requested = approve(Approvals.approved("1000001", UUID.randomUUID(), "TEAMS",
                "SHAREPOINT_ONLINE"));
        notify(requested, Instant.now().plus(Duration.ofDays(5)));
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);

        // The link as the mail carries it, pointed at this test's port.
        browser.get(requested.getDeclineUrl().replace("http://localhost:8084", "http://localhost:" + port));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Decline this partner of record request?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Microsoft Teams",
                "SharePoint Online", "Litware Consulting Ltd (PartnerID 1000001)", "You may decline until");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).as("horizontal overflow")
                .isLessThanOrEqualTo(0L);
        assertThat(status(requested)).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);

        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        await().atMost(TIMEOUT).until(() -> browser.findElement(By.tagName("h1")).getText()
                .equals("You declined the request"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Litware Consulting Ltd (PartnerID 1000001) is not partner of record");
        assertThat(status(requested)).isEqualTo(AssociationStatus.DECLINED);
        assertThat(events(Topics.ASSOCIATIONS_EVENTS, requested.getMetadata().getClaimId(),
                e -> e instanceof AssociationDeclined, 1)).hasSize(1);
    }

    private AssociationStatus status(AssociationRequested requested) {
        return associations.forLink(tokenOf(requested)).map(AssociationRequest::status).block(TIMEOUT);
    }
}
