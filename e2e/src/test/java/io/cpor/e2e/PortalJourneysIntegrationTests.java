package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.e2e.support.Actors;
import io.cpor.e2e.support.Axe;
import io.cpor.e2e.support.Browser;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.e2e.support.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real headless Chromium against the stack {@code ./cpor up} starts, signed in at the issuer as the
 * demo people: partner pages, the validator console, what a viewer is not offered, and an accessibility scan
 * (axe-core) of every page shown. Screenshots of each page stay in {@code target/screenshots}; with
 * {@code -Dcpor.screenshots.update=true} the README's copies in {@code docs/screenshots} are replaced.
 */
class PortalJourneysIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path README_SCREENSHOTS = Path.of("../docs/screenshots");
    private static final Duration PATIENCE = Actors.PATIENCE;
    private static final List<Axe.Violation> VIOLATIONS = new ArrayList<>();
    /** How long each page took to arrive and show, as the browser measured it (written down, never asserted). */
    private static final java.util.Map<String, Long> PAGE_MILLIS = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The pages the README shows. */
    private static final java.util.Set<String> README_PAGES = java.util.Set.of("claims", "claim-new-area", "claim-new",
            "claim-new-refused", "claim-information-requested", "claim-awaiting-customer", "associations",
            "claim-viewer", "reviews", "review", "review-answered", "claims-pt-BR", "sign-in", "forbidden",
            "claim-withdrawn");

    private final Stack stack = Stack.shared();
    private final String portal = "http://127.0.0.1:" + stack.cpor().port(8086);

    @AfterAll
    static void noPageHadASeriousAccessibilityViolation() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve("page-times.txt"), PAGE_MILLIS.entrySet().stream()
                .map(page -> page.getKey() + " " + page.getValue() + " ms").collect(java.util.stream.Collectors
                        .joining("\n", "", "\n")));
        assertThat(VIOLATIONS).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void aPartnerAdminCreatesAClaimTheValidatorAsksThePartnerAnswersAndTheApprovedClaimWaitsOnTheCustomer() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "portal");
        try (Person admin = Person.signIn(this, "admin@partner1.example", 412, 915);
                Person validator = Person.signIn(this, "validator@microsoft.example", 1280, 1000)) {
            admin.page("/claims", "claims");
            admin.click(By.linkText("Create a claim"));
            admin.scan("claim-new-area");
            admin.click(By.id("area-MODERN_WORK_SECURITY"));
            admin.submit(By.cssSelector("form.card button[type=submit]"));
            fill(admin, spec);
            admin.scan("claim-new");
            admin.submit(By.cssSelector("form.claim-form button.primary"));
            admin.shot("claim-submitted");

            assertThat(admin.text(By.tagName("main"))).contains("The claim was submitted");
            String claimPath = admin.path();
            UUID claimId = UUID.fromString(claimPath.substring("/claims/".length()));
            admin.reloadUntil(By.cssSelector(".title-row .badge"), "In review");
            admin.shot("claim-in-review");

            validator.page("/reviews", "reviews");
            validator.reloadUntilPresent(By.linkText(spec.name()));
            validator.click(By.linkText(spec.name()));
            assertThat(validator.text(By.cssSelector("ul.checks"))).contains("Passed");
            validator.scan("review");
            validator.click(By.id("d-REQUEST_INFORMATION"));
            validator.type(By.id("message"), "Please attach the signed statement of work.");
            validator.click(By.id("r-MISSING_PROOF_OF_EXECUTION"));
            validator.submit(By.cssSelector("section.card form button.primary"));
            assertThat(validator.text(By.cssSelector(".message.success"))).contains("The decision was recorded");

            admin.go(claimPath);
            admin.reloadUntilPresent(By.id("answer"));
            assertThat(admin.text(By.cssSelector(".question blockquote")))
                    .isEqualTo("Please attach the signed statement of work.");
            admin.scan("claim-information-requested");
            admin.type(By.id("answer"), "The signed statement of work is now in the proof.");
            admin.submit(By.cssSelector(".question button.primary"));
            assertThat(admin.text(By.cssSelector(".message.success"))).contains("Your answer was sent");

            validator.go("/reviews/" + claimId);
            validator.reloadUntil(By.cssSelector("section[aria-labelledby=exchanges]"), "The signed statement of work is now in the proof.",
                    By.id("d-APPROVE"));
            validator.scan("review-answered");
            validator.click(By.id("d-APPROVE"));
            validator.submit(By.cssSelector("section.card form button.primary"));
            assertThat(validator.text(By.cssSelector(".message.success"))).contains("The decision was recorded");

            admin.go(claimPath);
            admin.reloadUntil(By.cssSelector(".title-row .badge"), "Waiting on the customer");
            assertThat(admin.text(By.cssSelector(".details"))).contains("The customer can decline until");
            assertThat(admin.text(By.cssSelector(".timeline"))).contains("APPROVED",
                    "Information requested: Please attach the signed statement of work.",
                    "Partner answered the information request: The signed statement of work is now in the proof.");
            admin.scan("claim-awaiting-customer");
            admin.page("/associations", "associations");
            assertThat(admin.text(By.tagName("main"))).contains(spec.name());
        }
    }

    @Test
    void aViewerReadsThePartnersClaimsIsOfferedNothingToChangeAndIsRefusedWhatItForces() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "viewer");
        Actors.Partner partner = new Actors(stack).partner("demo-partner-1");
        UUID claimId = partner.submit(spec);
        try (Person viewer = Person.signIn(this, "viewer@partner1.example", 412, 915)) {
            viewer.page("/claims?q=" + spec.domain(), "claims-viewer");
            viewer.reloadUntilPresent(By.linkText(spec.name()));
            assertThat(viewer.browser.findElements(By.linkText("Create a claim"))).isEmpty();
            assertThat(viewer.text(By.tagName("main"))).contains("Your role reads claims and associations");
            viewer.browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement first = viewer.browser.switchTo().activeElement();
            assertThat(first.getText()).as("the first stop of the keyboard").isEqualTo("Skip to the content");
            first.sendKeys(Keys.ENTER);
            assertThat(viewer.browser.switchTo().activeElement().getTagName()).isEqualTo("main");

            String csv = viewer.download("/claims/export?q=" + spec.domain());
            assertThat(csv.lines()).hasSize(2);
            assertThat(csv).contains(claimId.toString(), spec.domain());

            viewer.page("/claims/" + claimId, "claim-viewer");
            assertThat(viewer.browser.findElements(By.cssSelector("main form"))).as("no form to change anything")
                    .isEmpty();

            viewer.page("/claims/new", "forbidden");
            assertThat(viewer.text(By.tagName("main"))).contains("Your role may not do this.");
            // A withdrawal forced with a form of its own (and the session's valid CSRF token) is refused too.
            viewer.go("/claims/" + claimId);
            viewer.force("/claims/" + claimId + "/withdraw");
            assertThat(viewer.text(By.tagName("main"))).contains("Your role may not do this.");
        }
        assertThat(partner.claim(claimId).path("status").asText()).isNotEqualTo("WITHDRAWN");
    }

    @Test
    void aClaimTheApiRefusesKeepsWhatWasTypedAndMarksEachFieldInItsPlace() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "typo");
        try (Person admin = Person.signIn(this, "admin@partner1.example", 1280, 1000)) {
            admin.go("/claims/new?solutionArea=MODERN_WORK_SECURITY");
            fill(admin, spec);
            admin.type(By.id("f-customer-tenantId"), "not-a-tenant");
            admin.click(By.id("f-programTermsAccepted"));
            admin.submit(By.cssSelector("form.claim-form button.primary"));

            assertThat(admin.text(By.id("problems"))).contains("Correct these fields");
            assertThat(admin.browser.findElement(By.id("f-customer-tenantId")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(admin.text(By.id("f-customer-tenantId-error"))).contains("GUID");
            assertThat(admin.browser.findElement(By.id("f-programTermsAccepted-error")).isDisplayed()).isTrue();
            assertThat(admin.browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo(spec.name());
            assertThat(admin.browser.findElement(By.id("w-TEAMS")).isSelected()).isTrue();
            admin.scan("claim-new-refused");

            admin.type(By.id("f-customer-tenantId"), spec.tenantId().toString());
            admin.click(By.id("f-programTermsAccepted"));
            admin.submit(By.cssSelector("form.claim-form button.primary"));
            assertThat(admin.text(By.tagName("main"))).contains("The claim was submitted");
            admin.type(By.id("reason"), "The customer chose another partner.");
            admin.submit(By.cssSelector("button.danger"));
            assertThat(admin.text(By.tagName("main"))).contains("The claim was withdrawn.");
            assertThat(admin.text(By.cssSelector(".title-row .badge"))).isEqualTo("Withdrawn");
            admin.scan("claim-withdrawn");
        }
    }

    @Test
    void thePagesSpeakBrazilianPortugueseWhenChosenAndSigningOutEndsTheSessionAtTheIssuerToo() {
        try (Person admin = Person.signIn(this, "admin@partner2.example", 412, 915)) {
            admin.go("/claims?lang=pt-BR");
            assertThat(admin.text(By.tagName("h1"))).isEqualTo("Declarações");
            assertThat(admin.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pt-BR");
            admin.scan("claims-pt-BR");
            admin.page("/associations", "associations-pt-BR");
            assertThat(admin.text(By.tagName("h1"))).isEqualTo("Associações");

            admin.submit(By.cssSelector("form.signout button"));
            assertThat(admin.path()).isEqualTo("/signed-out");
            admin.scan("signed-out");
            admin.click(By.linkText("Entrar"));
            assertThat(admin.browser.findElements(By.id("username"))).as("the issuer asks who signs in next")
                    .isNotEmpty();
        }
    }

    private static void fill(Person person, ClaimSpec spec) {
        person.type(By.id("f-name"), spec.name());
        person.click(By.cssSelector("#f-program option[value='OSU_M365']"));
        person.click(By.cssSelector("#f-partnerRole option[value='USE_OR_CONSUME']"));
        for (String workload : spec.workloads()) {
            person.click(By.id("w-" + workload));
        }
        person.type(By.id("f-customer-tenantId"), spec.tenantId().toString());
        person.type(By.id("f-customer-domain"), spec.domain());
        person.type(By.id("f-customer-contact-name"), "Ana Souza");
        person.type(By.id("f-customer-contact-title"), "CIO");
        person.type(By.id("f-customer-contact-email"), spec.customerEmail());
        person.type(By.id("f-partnerContact-name"), "Sam Partner");
        person.type(By.id("f-partnerContact-email"), spec.partnerEmail());
        person.type(By.id("f-proofOfExecution-fileName"), "proof-of-execution.pdf");
        person.type(By.id("f-proofOfExecution-sizeBytes"), "48213");
        person.type(By.id("f-proofOfExecution-sha256"), ClaimSpec.POE_SHA256);
        person.type(By.id("f-proofOfExecution-uri"), "https://files.partner.example/poe.pdf");
        person.type(By.id("f-comments"), "Teams and Exchange Online deployed; usage report in the proof.");
        person.click(By.id("f-programTermsAccepted"));
    }

    /** One person in a browser of their own, signed in at the issuer with their demo password. */
    private static final class Person implements AutoCloseable {

        private final PortalJourneysIntegrationTests test;
        private final WebDriver browser;

        private Person(PortalJourneysIntegrationTests test, WebDriver browser) {
            this.test = test;
            this.browser = browser;
        }

        static Person signIn(PortalJourneysIntegrationTests test, String username, int width, int height) {
            WebDriver browser = Browser.open(width, height);
            Person person = new Person(test, browser);
            try {
                browser.get(test.portal + "/");
                if (username.startsWith("admin@partner1")) {
                    person.scan("sign-in");
                }
                browser.findElement(By.id("username")).sendKeys(username);
                browser.findElement(By.id("password")).sendKeys("demo-password");
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith(test.portal + "/"));
                return person;
            }
            catch (RuntimeException e) {
                browser.quit();
                throw e;
            }
        }

        void go(String path) {
            browser.get(test.portal + path);
        }

        /** Opens a page, keeps its screenshot and scans it. */
        void page(String path, String name) {
            go(path);
            scan(name);
        }

        void scan(String name) {
            shot(name);
            Object millis = ((JavascriptExecutor) browser).executeScript("""
                    const page = performance.getEntriesByType('navigation')[0];
                    return page ? Math.round(page.loadEventEnd - page.startTime) : -1;""");
            PAGE_MILLIS.put(name, ((Number) millis).longValue());
            synchronized (VIOLATIONS) {
                VIOLATIONS.addAll(Axe.serious(browser, name));
            }
        }

        void shot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
                Path file = SCREENSHOTS.resolve(name + ".png");
                Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                if (Boolean.getBoolean("cpor.screenshots.update") && README_PAGES.contains(name)) {
                    Files.createDirectories(README_SCREENSHOTS);
                    Files.copy(file, README_SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String path() {
            return java.net.URI.create(browser.getCurrentUrl()).getPath();
        }

        String text(By where) {
            return browser.findElement(where).getText();
        }

        void click(By what) {
            browser.findElement(what).click();
        }

        void type(By where, String text) {
            WebElement field = browser.findElement(where);
            field.clear();
            field.sendKeys(text);
        }

        /** Submits with this button and waits for the next page. */
        void submit(By button) {
            WebElement pressed = browser.findElement(button);
            pressed.click();
            await().atMost(PATIENCE).until(() -> isStale(pressed));
        }

        /** Reloads until the element shows this text (the pipeline runs behind the page), and these are present. */
        void reloadUntil(By where, String text, By... present) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                refresh();
                List<WebElement> found = browser.findElements(where);
                return !found.isEmpty() && found.get(0).getText().contains(text)
                        && java.util.Arrays.stream(present).allMatch(more -> !browser.findElements(more).isEmpty());
            });
        }

        void reloadUntilPresent(By what) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                refresh();
                return !browser.findElements(what).isEmpty();
            });
        }

        /** Shows the page again; a page that broke fails the test at once rather than after all the patience. */
        private void refresh() {
            browser.navigate().refresh();
            String source = browser.getPageSource();
            if (source.contains("Whitelabel Error Page") || source.contains("class=\"problem\"")) {
                throw new AssertionError("The portal answered an error page at " + browser.getCurrentUrl() + ":\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
        }

        /** What a link of the page answers, fetched with this person's session (as a download would be). */
        String download(String path) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            try {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(test.portal + path)).header("Cookie", cookies).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
                return answer.body();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Posts a form of its own to this path, with the CSRF token of the page shown: what a forced change is. */
        void force(String path) {
            WebElement before = browser.findElement(By.tagName("main"));
            ((JavascriptExecutor) browser).executeScript("""
                    const token = document.querySelector('input[name="_csrf"]');
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    form.appendChild(token.cloneNode());
                    document.body.appendChild(form);
                    form.submit();
                    """, path);
            await().atMost(PATIENCE).until(() -> isStale(before));
        }

        private static boolean isStale(WebElement element) {
            try {
                element.isEnabled();
                return false;
            }
            catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        }

        @Override
        public void close() {
            browser.quit();
        }
    }
}
