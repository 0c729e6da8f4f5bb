package io.cpor.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Stops a service at startup when its configuration files name a setting that nobody gave. A value written
 * {@code ${cpor.mongodb.uri}} (no default after a colon) must come from somewhere else, usually the environment
 * ({@code CPOR_MONGODB_URI}); the prod profile writes every endpoint and secret that way. Spring's binder would
 * otherwise bind the text {@code ${cpor.mongodb.uri}} itself and fail later, somewhere less clear.
 * <p>
 * Only the effective value of each property counts: one the environment overrides does not need its placeholder.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> missing = new LinkedHashSet<>();
        Set<String> uses = new LinkedHashSet<>();
        Set<String> checked = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof OriginTrackedMapPropertySource file)) {
                continue;
            }
            for (String name : file.getPropertyNames()) {
                // Sources come in precedence order: the first file that has the property holds its effective value.
                if (!checked.add(name) || !(file.getProperty(name) instanceof CharSequence raw)
                        || !raw.toString().contains("${")) {
                    continue;
                }
                try {
                    environment.getProperty(name);
                }
                catch (IllegalArgumentException unresolvable) {
                    List<String> absent = absentPlaceholders(environment, raw.toString());
                    missing.addAll(absent);
                    uses.add(name + (absent.isEmpty() ? ": " + unresolvable.getMessage()
                            : " (" + String.join(", ", absent) + ")"));
                }
            }
        }
        if (!uses.isEmpty()) {
            throw new IllegalStateException("Missing required settings: " + missing.stream()
                    .map(setting -> setting + " (environment variable " + environmentVariable(setting) + ")")
                    .toList() + ". They have no default in the active profile(s) "
                    + List.of(environment.getActiveProfiles()) + "; needed by " + uses + ".");
        }
    }

    private static List<String> absentPlaceholders(ConfigurableEnvironment environment, String raw) {
        List<String> absent = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(raw);
        while (matcher.find()) {
            String setting = matcher.group(1).trim();
            if (!environment.containsProperty(setting)) {
                absent.add(setting);
            }
        }
        return absent;
    }

    /** How Spring's relaxed binding finds {@code cpor.mongodb.uri} in the environment: {@code CPOR_MONGODB_URI}. */
    static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** After the configuration files are loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
