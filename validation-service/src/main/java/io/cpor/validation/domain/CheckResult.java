package io.cpor.validation.domain;

/** One automated check: its stable code, whether the claim passed, and what was found in words. */
public record CheckResult(String code, boolean passed, String message) {

    public static CheckResult pass(String code, String message) {
        return new CheckResult(code, true, message);
    }

    public static CheckResult fail(String code, String message) {
        return new CheckResult(code, false, message);
    }
}
