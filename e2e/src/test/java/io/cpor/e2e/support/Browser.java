package io.cpor.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium at a phone's size: Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver},
 * never a downloaded browser. Where neither is installed the calling test is skipped, except under {@code CI=true},
 * where that is a failure.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Held so the level stays: Selenium warns on every start that it has no DevTools bindings for this Chromium. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private Browser() {
    }

    public static WebDriver open() {
        return open(412, 915);
    }

    /** A headless Chromium whose window is this many CSS pixels wide and high. */
    public static WebDriver open(int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser journeys: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "No Chromium here (apt-get install chromium chromium-driver): skipped");
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No background traffic: this machine's network is closed, and Chromium's own lookups only fail slowly.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }
}
